package io.vtsdk.model.audit;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who did what when ("historique des actions"). Carries ids and codes only, never personal data, so it can be
 * logged and exported.
 *
 * @param actorId the RPPS or account id of the actor (never a name)
 * @param action the workflow action for request transitions; null for dossier events
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AuditEvent(
    String id,
    Instant at,
    Type type,
    Role actorRole,
    UnitId actorUnit,
    String actorId,
    DossierId dossierId,
    RequestId requestId,
    Action action,
    RequestStatus fromStatus,
    RequestStatus toStatus) {

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
  }

  /** Kinds of audited events. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Type {
    DOSSIER_CREATED,
    DOSSIER_UPDATED,
    SECTION_VALIDATED,
    ATTACHMENT_ADDED,
    CONSENT_RECORDED,
    REQUEST_TRANSITION,
    ESMS_STATUS_REPORTED
  }
}
