package io.vtsdk.model.patient;

import org.apiguardian.api.API;

/**
 * Legal protection measure of an adult ("mesure de protection juridique").
 *
 * <p>{@link #needsRepresentative()} is our reading of the Civil Code for VT's consent screens: under tutelle,
 * habilitation familiale and mandat de protection future the person is represented; under curatelle they are assisted
 * — in both cases VT records the representative who takes part in the consent. Sauvegarde de justice does not remove
 * capacity. This is an assumption, documented in {@code docs/model.md}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ProtectionMeasure {
  NONE(false),
  SAUVEGARDE_DE_JUSTICE(false),
  CURATELLE(true),
  CURATELLE_RENFORCEE(true),
  TUTELLE(true),
  HABILITATION_FAMILIALE(true),
  MANDAT_PROTECTION_FUTURE(true);

  private final boolean needsRepresentative;

  ProtectionMeasure(boolean needsRepresentative) {
    this.needsRepresentative = needsRepresentative;
  }

  public boolean needsRepresentative() {
    return needsRepresentative;
  }
}
