package io.vtsdk.model.request;

import org.apiguardian.api.API;

/** Motifs of a Prado "non adhésion" answered by the CPAM (seed 003). */
@API(status = API.Status.STABLE, since = "0.1")
public enum PradoNonAdhesionMotif implements Motif {
  PATIENT_NON_ELIGIBLE_ADMINISTRATIVEMENT("Patient non éligible administrativement"),
  REFUS_PATIENT("Refus du patient d'adhérer au service"),
  PROFESSIONNELS_NON_DISPONIBLES("Professionnels de santé non disponibles"),
  PATIENT_NON_CONTACTE("Le patient n'a pas pu être contacté par le Conseiller de l'Assurance Maladie"),
  AUTRE("Autre");

  public static final String SYSTEM = SYSTEM_BASE + "prado-non-adhesion-motif";
  private final String label;

  PradoNonAdhesionMotif(String label) {
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
