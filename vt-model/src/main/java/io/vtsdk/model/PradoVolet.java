package io.vtsdk.model;

import org.apiguardian.api.API;

/** The Prado services ("volets") a unit may have a convention for, and a dossier may request. */
@API(status = API.Status.STABLE, since = "0.1")
public enum PradoVolet {
  CHIRURGIE("Chirurgie"),
  BPCO("BPCO"),
  INSUFFISANCE_CARDIAQUE("Insuffisance cardiaque"),
  AVC("AVC"),
  PERSONNES_AGEES("Personnes âgées"),
  MATERNITE("Maternité");

  private final String label;

  PradoVolet(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
