package io.vtsdk.model.identity;

import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import org.apiguardian.api.API;

/**
 * Identity-vigilance attributes shown as "points de vigilance" on a dossier: every code of FR Core's
 * {@code fr-core-cs-v2-0445} that is not an identity status (VIDE, PROV and VALI are statuses: {@link IdentityStatus}).
 *
 * <p>Three of them are the RNIV's identity attributes, which a professional sets on an identity
 * ({@link #rnivAttribute()}): « homonyme » (detected or confirmed), « douteuse » and « fictive » (ANS, RNIV volet 1,
 * « attributs de l'identité »). The others are states an identity server gives an identity (duplicates, collisions,
 * deactivated, hidden, anonymous…); VT shows them as received. Labels are the code system's displays
 * ({@link #label()}). Source: Interop'Santé, FR Core, CodeSystem {@code fr-core-cs-v2-0445} (2.2.0-ballot-2).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum VigilanceAttribute {
  HOMONYME_DETECTE("HOMD", true),
  HOMONYME_AVERE("HOMA", true),
  IDENTITE_DOUTEUSE("DOUT", true),
  IDENTITE_FICTIVE("FICT", true),
  DOUBLON_POTENTIEL("DPOT", false),
  COLLISION_POTENTIELLE("COLP", false),
  /** @since 0.2 */
  DOUBLON("DOUB", false),
  /** @since 0.2 */
  DOUBLON_AVERE("DOUA", false),
  /** @since 0.2 */
  COLLISION_AVEREE("COLV", false),
  /** @since 0.2 */
  IDENTITE_DESACTIVEE("DESA", false),
  /** @since 0.2 */
  IDENTITE_INVALIDEE("INVA", false),
  /** @since 0.2 */
  FILIATION("FILI", false),
  /** @since 0.2 */
  IDENTITE_CACHEE("CACH", false),
  /** @since 0.2 */
  ANONYME("ANOM", false),
  /** @since 0.2 */
  IDENTITE_VERIFIEE_PAR_LE_PATIENT("IDVER", false),
  /** @since 0.2 */
  IDENTITE_RECUE_AUTRE_DOMAINE("RECD", false),
  /** @since 0.2 */
  IDENTITE_RAPPROCHEE_AUTRE_DOMAINE("IDRA", false),
  /** @since 0.2 */
  IDENTITE_USURPEE("USUR", false);

  private final String code;
  private final boolean rnivAttribute;

  VigilanceAttribute(String code, boolean rnivAttribute) {
    this.code = code;
    this.rnivAttribute = rnivAttribute;
  }

  /** Code in {@code fr-core-cs-v2-0445}. */
  public String code() {
    return code;
  }

  /** One of the RNIV's identity attributes (homonyme, douteuse, fictive), set by a professional. */
  public boolean rnivAttribute() {
    return rnivAttribute;
  }

  /** The code system's display (French), e.g. « Homonyme détecté ». */
  public String label() {
    return Nomenclatures.get(NosTable.FR_CORE_0445).lookup(code).orElseThrow().display();
  }

  /** The attribute of a {@code fr-core-cs-v2-0445} code, or empty (unknown, or an identity status). */
  public static java.util.Optional<VigilanceAttribute> fromCode(String code) {
    for (VigilanceAttribute v : values()) {
      if (v.code.equals(code)) {
        return java.util.Optional.of(v);
      }
    }
    return java.util.Optional.empty();
  }
}
