package io.vtsdk.fhir.validation;

import org.apiguardian.api.API;

/**
 * One finding of {@link SdoValidator}.
 *
 * @param severity FATAL, ERROR, WARNING or INFORMATION
 * @param location where, as a FHIRPath ({@code Task.input[2]})
 * @param message what, in English, from the HL7 validator
 * @param messageId the validator's stable message id, or the invariant key ({@code regle-StatutUnite}) when known
 */
@API(status = API.Status.STABLE, since = "0.1")
public record FhirIssue(Severity severity, String location, String message, String messageId) {
  /** Severities, most severe first. */
  public enum Severity { FATAL, ERROR, WARNING, INFORMATION }

  public boolean isError() {
    return severity == Severity.FATAL || severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return severity + " " + location + ": " + message;
  }
}
