package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/**
 * Identity-vigilance attributes shown as "points de vigilance" on a dossier, with their code in FR Core's
 * {@code fr-core-cs-v2-0445}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum VigilanceAttribute {
  HOMONYME_DETECTE("HOMD"),
  HOMONYME_AVERE("HOMA"),
  IDENTITE_DOUTEUSE("DOUT"),
  IDENTITE_FICTIVE("FICT"),
  DOUBLON_POTENTIEL("DPOT"),
  COLLISION_POTENTIELLE("COLP");

  private final String code;

  VigilanceAttribute(String code) {
    this.code = code;
  }

  /** Code in {@code fr-core-cs-v2-0445}. */
  public String code() {
    return code;
  }
}
