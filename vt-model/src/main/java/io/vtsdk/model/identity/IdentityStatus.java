package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/**
 * The trust level of an identity under the RNIV (référentiel national d'identitovigilance), as ViaTrajectoire shows
 * it ("Provisoire", "Récupérée", "Validée", "Qualifiée").
 *
 * <p>FR Core's identity-reliability code system ({@code fr-core-cs-v2-0445}) has no code for "récupérée" and
 * "qualifiée": those are expressed with an INS identifier. {@link #reliabilityCode()} gives the explicit mapping:
 * PROVISOIRE and RECUPEREE → {@code PROV} (not yet validated by an identity document), VALIDEE and QUALIFIEE →
 * {@code VALI}. {@link #needsIns()} tells which statuses require the INS.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum IdentityStatus {
  PROVISOIRE("PROV", false, "Provisoire"),
  RECUPEREE("PROV", true, "Récupérée"),
  VALIDEE("VALI", false, "Validée"),
  QUALIFIEE("VALI", true, "Qualifiée");

  private final String reliabilityCode;
  private final boolean needsIns;
  private final String label;

  IdentityStatus(String reliabilityCode, boolean needsIns, String label) {
    this.reliabilityCode = reliabilityCode;
    this.needsIns = needsIns;
    this.label = label;
  }

  /** The nearest code of {@code fr-core-cs-v2-0445}. */
  public String reliabilityCode() {
    return reliabilityCode;
  }

  /** True when this status only exists with an INS retrieved from the national teleservice. */
  public boolean needsIns() {
    return needsIns;
  }

  /** The label ViaTrajectoire shows (French). */
  public String label() {
    return label;
  }
}
