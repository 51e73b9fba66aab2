package io.vtsdk.api;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A change-feed event as a caller sees it: ids and codes only, no personal data. {@code cursor} is opaque (an encrypted
 * position): pass it back to resume after this event.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Event(String cursor, Instant at, String type, VtModule module, DossierId dossierId,
    RequestId requestId, Action action, Role actorRole, RequestStatus status, long version) {}
