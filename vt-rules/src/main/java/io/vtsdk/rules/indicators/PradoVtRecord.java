package io.vtsdk.rules.indicators;

import io.vtsdk.model.PradoVolet;
import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Prado dossier recorded in VT, as the TUV numerator needs it.
 *
 * @param finessGeographique the requesting establishment
 * @param region the region of the establishment (as the observatory names it)
 * @param adhesion the patient adhered ("Adhésion finale au service Prado")
 * @param closedOn the date the dossier was closed by the CAM's team (EMH); null while open
 * @param cpamCode the CPAM the dossier was sent to ("691"), or null when the extract does not say
 */
@API(status = API.Status.STABLE, since = "0.1")
public record PradoVtRecord(String dossierId, String finessGeographique, String region, PradoVolet volet,
    boolean adhesion, LocalDate closedOn, String cpamCode) {
  public PradoVtRecord {
    Objects.requireNonNull(finessGeographique, "finessGeographique");
    Objects.requireNonNull(volet, "volet");
  }

  /** A record without its CPAM. */
  public PradoVtRecord(String dossierId, String finessGeographique, String region, PradoVolet volet,
      boolean adhesion, LocalDate closedOn) {
    this(dossierId, finessGeographique, region, volet, adhesion, closedOn, null);
  }
}
