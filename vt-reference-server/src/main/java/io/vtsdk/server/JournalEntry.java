package io.vtsdk.server;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One call the reference server handled, for verification in tests. No body and no token is kept: a dossier is
 * personal data.
 *
 * @param fault the fault injected, if any
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JournalEntry(Instant at, String method, String path, String route, int status, String correlationId,
    String idempotencyKey, String role, String unit, Fault.Kind fault) {}
