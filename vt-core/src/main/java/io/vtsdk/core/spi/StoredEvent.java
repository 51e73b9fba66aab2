package io.vtsdk.core.spi;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * An event as stored: its position {@code seq} (1, 2, … in commit order) and who may see it — the requesting unit
 * (and, for a dossier of the usager space, only the account that created it) and, for request events, the receiving
 * unit.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record StoredEvent(long seq, Instant at, String type, VtModule module, DossierId dossierId,
    RequestId requestId, Action action, Role actorRole, RequestStatus status, long version, UnitId requesterUnit,
    UnitId receiverUnit, String dossierCreatedBy) {}
