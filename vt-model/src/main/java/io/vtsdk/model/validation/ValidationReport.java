package io.vtsdk.model.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** The result of a validation: every violation, sorted by path then code. Empty means valid. */
@API(status = API.Status.STABLE, since = "0.1")
public record ValidationReport(Stage stage, List<Violation> violations) {
  public ValidationReport {
    violations = List.copyOf(violations);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isValid() {
    return violations.isEmpty();
  }

  /** Codes of the violations at {@code path}. */
  public List<String> codesAt(String path) {
    return violations.stream().filter(v -> v.path().equals(path)).map(Violation::code).collect(Collectors.toList());
  }

  /**
   * Throws {@link ValidationException} when invalid.
   *
   * @return this report, for chaining
   */
  public ValidationReport orThrow() {
    if (!isValid()) {
      throw new ValidationException(this);
    }
    return this;
  }
}
