package io.vtsdk.fhir.validation;

import org.apiguardian.api.API;

/**
 * One finding of {@link SdoValidator}.
 *
 * @param severity FATAL, ERROR, WARNING or INFORMATION
 * @param location where, as a FHIRPath ({@code Task.input[2]})
 * @param message what, in English, from the HL7 validator
 * @param messageId the validator's stable message id, or the invariant key ({@code regle-StatutUnite}) when known
 * @param line the line in the validated text, 0 when unknown (a resource validated as an object)
 * @param column the column in that line, 0 when unknown
 */
@API(status = API.Status.STABLE, since = "0.1")
public record FhirIssue(Severity severity, String location, String message, String messageId, int line, int column) {
  /** An issue without a position in a text. */
  public FhirIssue(Severity severity, String location, String message, String messageId) {
    this(severity, location, message, messageId, 0, 0);
  }

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
