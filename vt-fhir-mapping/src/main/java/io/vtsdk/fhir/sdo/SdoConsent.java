package io.vtsdk.fhir.sdo;

import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The agreement an ESMS records for a person oriented to it (SDO flow 2, {@code esms-consent}): which ESMS
 * ({@code meta.source} = idNat_Struct), when, and for which MDPH decision (idNat_Decision). VT then lets that ESMS
 * read the person's evaluation (flow 3).
 *
 * @param idNatStruct the ESMS: {@code "1" + FINESS} or {@code "3" + SIRET}
 * @param date when the agreement was given
 * @param idNatDecision the national id of the decision
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SdoConsent(String idNatStruct, LocalDate date, String idNatDecision) {
  public SdoConsent {
    Objects.requireNonNull(idNatStruct, "idNatStruct");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(idNatDecision, "idNatDecision");
  }
}
