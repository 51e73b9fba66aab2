package io.vtsdk.rules.indicators;

import io.vtsdk.model.PradoVolet;
import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Prado adhesion recorded in the Assurance Maladie's OMV tool, as the TUV denominator needs it.
 *
 * @param closedOn the closing date; null while open
 */
@API(status = API.Status.STABLE, since = "0.1")
public record OmvAdhesionRecord(String finessGeographique, String region, PradoVolet volet, LocalDate closedOn) {
  public OmvAdhesionRecord {
    Objects.requireNonNull(finessGeographique, "finessGeographique");
    Objects.requireNonNull(volet, "volet");
  }
}
