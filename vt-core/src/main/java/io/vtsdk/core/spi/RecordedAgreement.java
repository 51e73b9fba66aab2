package io.vtsdk.core.spi;

import io.vtsdk.model.RequestId;
import java.time.Instant;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The person's agreement an ESMS recorded for a decision it was notified of (SDO flow 2, {@code esms-consent}): its id
 * ({@code C-n}), the request (notification) it is about, the structure, the agreement date, the national decision id
 * and when VT recorded it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record RecordedAgreement(String id, RequestId request, String idNatStruct, LocalDate date,
    String idNatDecision, Instant at) {}
