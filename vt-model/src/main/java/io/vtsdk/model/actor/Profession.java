package io.vtsdk.model.actor;

import org.apiguardian.api.API;

/** Profession of a professional acting in VT (coarse; the RPPS carries the precise one). */
@API(status = API.Status.STABLE, since = "0.1")
public enum Profession {
  MEDECIN,
  /**
   * The médecin coordonnateur (seed 002 does not say of which structure). He may now send admission requests himself,
   * without the GP's space (seed 002, Module Sanitaire: « Le Médecin coordonnateur peut désormais adresser des demandes d'admission sans
   * passer par l'espace ML VT »).
   */
  MEDECIN_COORDONNATEUR,
  INFIRMIER,
  CADRE_DE_SANTE,
  ASSISTANT_SERVICE_SOCIAL,
  SECRETAIRE_MEDICAL,
  COORDINATEUR,
  AUTRE;

  /** True for doctors, who alone may sign a TND referral form or a médical section. */
  public boolean isDoctor() {
    return this == MEDECIN || this == MEDECIN_COORDONNATEUR;
  }
}
