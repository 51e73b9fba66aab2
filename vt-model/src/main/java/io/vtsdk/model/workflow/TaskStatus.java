package io.vtsdk.model.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import org.apiguardian.api.API;

/** Coarse status of a request, the FHIR {@code Task.status} of the closed-loop referral model. */
@API(status = API.Status.STABLE, since = "0.1")
public enum TaskStatus {
  DRAFT("draft"),
  REQUESTED("requested"),
  RECEIVED("received"),
  ACCEPTED("accepted"),
  REJECTED("rejected"),
  CANCELLED("cancelled"),
  IN_PROGRESS("in-progress"),
  ON_HOLD("on-hold"),
  COMPLETED("completed"),
  FAILED("failed"),
  ENTERED_IN_ERROR("entered-in-error");

  private final String fhirCode;

  TaskStatus(String fhirCode) {
    this.fhirCode = fhirCode;
  }

  /** The FHIR code, e.g. {@code in-progress}. */
  @JsonValue
  public String fhirCode() {
    return fhirCode;
  }
}
