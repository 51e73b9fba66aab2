package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;

/**
 * A change-feed event. {@code cursor} is the event's position (stable: events are never removed except by reset).
 * Visibility: the requesting unit of the dossier and, for request events, the receiving unit. Ids and codes only.
 */
public record Event(String cursor, Instant at, String type, VtModule module, DossierId dossierId,
    RequestId requestId, Action action, Role actorRole, RequestStatus status, long version,
    @JsonIgnore UnitId requesterUnit, @JsonIgnore UnitId receiverUnit) {

  boolean visibleTo(Principal p) {
    return p.unit().equals(requesterUnit) || p.unit().equals(receiverUnit);
  }
}
