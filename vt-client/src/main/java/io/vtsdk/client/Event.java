package io.vtsdk.client;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A change-feed event: what happened ({@code type}, e.g. {@code request.accept}), to which dossier and request, by
 * which role, and the resulting status and version. Ids and codes only — read the resource for its content.
 *
 * @param cursor the event's position in the feed: resume after it with {@code events().page(cursor, n)}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Event(String cursor, Instant at, String type, VtModule module, DossierId dossierId,
    RequestId requestId, Action action, Role actorRole, RequestStatus status, long version) {}
