package io.vtsdk.model.request;

import org.apiguardian.api.API;

/** Why a PCO finds a TND referral not eligible (DESIGN §4). */
@API(status = API.Status.STABLE, since = "0.1")
public enum TndNotEligibleMotif implements Motif {
  HORS_TERRITOIRE("Hors territoire de la plateforme"),
  AGE("Âge hors de la tranche de la plateforme"),
  DEJA_SUIVI("Enfant déjà suivi"),
  AUTRE("Autre");

  public static final String SYSTEM = SYSTEM_BASE + "tnd-not-eligible-motif";
  private final String label;

  TndNotEligibleMotif(String label) {
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
