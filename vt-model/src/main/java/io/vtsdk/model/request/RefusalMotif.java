package io.vtsdk.model.request;

import org.apiguardian.api.API;

/**
 * Motifs of a refusal by a receiving unit (Sanitaire, Grand-âge). Assumption: VT's exact list is not public; this
 * list is ours and may change (see {@code docs/model.md}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum RefusalMotif implements Motif {
  PAS_DE_PLACE("Pas de place disponible"),
  PRISE_EN_CHARGE_INADAPTEE("Prise en charge inadaptée aux besoins du patient"),
  HORS_SECTEUR("Hors secteur géographique"),
  DOSSIER_INCOMPLET("Dossier incomplet"),
  REFUS_PATIENT("Refus du patient ou de la famille"),
  AUTRE("Autre");

  public static final String SYSTEM = SYSTEM_BASE + "refusal-motif";
  private final String label;

  RefusalMotif(String label) {
    this.label = label;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public boolean needsPrecision() {
    return this == AUTRE;
  }
}
