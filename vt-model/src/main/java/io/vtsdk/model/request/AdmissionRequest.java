package io.vtsdk.model.request;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.TaskStatus;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request of a dossier to one receiving unit ("envoi"), with its business status and the answers received.
 *
 * @param status the module business status; {@link #taskStatus()} derives the coarse FHIR Task status
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AdmissionRequest(
    RequestId id,
    DossierId dossierId,
    VtModule module,
    UnitId unit,
    RequestStatus status,
    Instant sentAt,
    Instant readAt,
    Instant answeredAt,
    Instant closedAt,
    List<@Valid Response> responses,
    long version) {

  public AdmissionRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dossierId, "dossierId");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(status, "status");
    responses = responses == null ? List.of() : List.copyOf(responses);
  }

  /** The coarse status (closed-loop referral Task.status). */
  public TaskStatus taskStatus() {
    return status.taskStatus();
  }

  /** A copy in {@code newStatus}, version incremented. */
  public AdmissionRequest withStatus(RequestStatus newStatus) {
    return new AdmissionRequest(id, dossierId, module, unit, newStatus, sentAt, readAt, answeredAt, closedAt,
        responses, version + 1);
  }
}
