package io.vtsdk.fhir.validation;

import java.util.List;
import org.apiguardian.api.API;

/** What {@link SdoValidator} found; valid when there is no error. */
@API(status = API.Status.STABLE, since = "0.1")
public record FhirValidationReport(List<FhirIssue> issues) {
  public FhirValidationReport {
    issues = List.copyOf(issues);
  }

  public boolean isValid() {
    return errors().isEmpty();
  }

  public List<FhirIssue> errors() {
    return issues.stream().filter(FhirIssue::isError).toList();
  }

  /** True when an error mentions {@code text} in its message or id (an invariant key such as regle-StatutUnite). */
  public boolean hasErrorAbout(String text) {
    return errors().stream().anyMatch(i -> i.message().contains(text)
        || i.messageId() != null && i.messageId().contains(text));
  }
}
