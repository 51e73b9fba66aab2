package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.Violation;
import java.util.List;
import org.apiguardian.api.API;

/** The server's validation of a stored dossier at a stage. */
@API(status = API.Status.STABLE, since = "0.1")
public record ValidationResult(Stage stage, boolean valid,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<Violation> violations) {
  public ValidationResult {
    violations = violations == null ? List.of() : List.copyOf(violations);
  }
}
