package io.vtsdk.rules.indicators;

import io.vtsdk.model.PradoVolet;
import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Prado adhesion recorded in the Assurance Maladie's OMV tool, as the TUV denominator needs it.
 *
 * @param closedOn the closing date; null while open
 * @param cpamCode the CPAM that recorded the adhesion ("691"), or null when the extract does not say
 */
@API(status = API.Status.STABLE, since = "0.1")
public record OmvAdhesionRecord(String finessGeographique, String region, PradoVolet volet, LocalDate closedOn,
    String cpamCode) {
  public OmvAdhesionRecord {
    Objects.requireNonNull(finessGeographique, "finessGeographique");
    Objects.requireNonNull(volet, "volet");
  }

  /** A record without its CPAM. */
  public OmvAdhesionRecord(String finessGeographique, String region, PradoVolet volet, LocalDate closedOn) {
    this(finessGeographique, region, volet, closedOn, null);
  }
}
