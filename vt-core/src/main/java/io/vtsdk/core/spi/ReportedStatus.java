package io.vtsdk.core.spi;

import io.vtsdk.model.RequestId;
import io.vtsdk.model.handicap.EsmsStatus;
import java.time.Instant;
import org.apiguardian.api.API;

/** An ESMS status as stored (SDO flows 4–5): its id ({@code T-n}, the FHIR Task id), request, value and time. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record ReportedStatus(String id, RequestId request, EsmsStatus status, Instant at) {}
