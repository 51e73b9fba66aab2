package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/**
 * The trust level of an identity under the RNIV (référentiel national d'identitovigilance), as ViaTrajectoire shows
 * it ("Provisoire", "Récupérée", "Validée", "Qualifiée").
 *
 * <p>FR Core 2.2.0 codes the status in the {@code identityStatus} sub-extension of {@code fr-core-identity-reliability}
 * with the HL7 v2 table {@code fr-core-cs-v2-0445}, which has PROV and VALI among the four ({@link #reliabilityCode()});
 * the FHIR mapper tells them apart as FR Core does: « qualifiée » is VALI with the INS (profile
 * {@code fr-core-patient-ins}), « validée » VALI without it, « récupérée » PROV with the INS collected by INSi
 * ({@code methodCollection} INSI), « provisoire » PROV otherwise. {@link #code()} is the RNIV's own short code (PROV,
 * RECUP, VALI, QUAL), as FR Core's development sources code it ({@link #CODE_SYSTEM}, in no published release).
 * {@link #needsIns()} tells which statuses exist only with an INS returned by the INSi teleservice ("récupérée" and
 * "qualifiée"); {@link #conveysIns()} which one may convey it in an exchange: "qualifiée" alone (FR Core,
 * fr-core-patient-ins: « Le matricule INS ne peut être véhiculé que dans le cas d'une identité qualifiée »; ANS,
 * RNIV volet 1). A "récupérée" identity keeps its INS in the sender's system and exchanges the traits only.
 *
 * <p>Source: Interop'Santé, FR Core 2.2.0, {@code fr-core-identity-reliability}, {@code fr-core-cs-v2-0445},
 * {@code fr-core-patient-ins} (invariant fr-core-1); ANS, RNIV volet 1.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum IdentityStatus {
  PROVISOIRE("PROV", "PROV", false, "Provisoire"),
  RECUPEREE("RECUP", "PROV", true, "Récupérée"),
  VALIDEE("VALI", "VALI", false, "Validée"),
  QUALIFIEE("QUAL", "VALI", true, "Qualifiée");

  /**
   * The canonical URL of FR Core's development identity-status code system (PROV, RECUP, VALI, QUAL), in no published
   * release: FR Core 2.2.0 uses {@code fr-core-cs-v2-0445} ({@link #reliabilityCode()}).
   */
  public static final String CODE_SYSTEM = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status";

  private final String code;
  private final String reliabilityCode;
  private final boolean needsIns;
  private final String label;

  IdentityStatus(String code, String reliabilityCode, boolean needsIns, String label) {
    this.code = code;
    this.reliabilityCode = reliabilityCode;
    this.needsIns = needsIns;
    this.label = label;
  }

  /** The RNIV's short code: PROV, RECUP, VALI or QUAL (FR Core's development code system, {@link #CODE_SYSTEM}). */
  public String code() {
    return code;
  }

  /** The status of a {@code fr-core-cs-identity-status} code, or empty. */
  public static java.util.Optional<IdentityStatus> fromCode(String code) {
    for (IdentityStatus s : values()) {
      if (s.code.equals(code)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }

  /** The code of {@code fr-core-cs-v2-0445} (PROV or VALI) FR Core 2.2.0 and HL7 v2 exchanges carry. */
  public String reliabilityCode() {
    return reliabilityCode;
  }

  /** True when this status only exists with an INS retrieved from the national teleservice (RECUPEREE, QUALIFIEE). */
  public boolean needsIns() {
    return needsIns;
  }

  /**
   * True when an identity of this status conveys its INS in exchanges (FHIR, VT's API): QUALIFIEE only. The validator
   * refuses an INS on any other status ({@code identity.insNotQualified}) and a QUALIFIEE identity without one.
   */
  public boolean conveysIns() {
    return this == QUALIFIEE;
  }

  /**
   * The status an identity has under the RNIV from what was checked: its INS retrieved or verified through the INSi
   * teleservice, and the person's identity checked against a high-trust document ({@link IdentityProof#highTrust()}).
   * Neither: PROVISOIRE; INSi only: RECUPEREE; the document only: VALIDEE; both: QUALIFIEE (ANS, RNIV volet 1, the four
   * identity statuses).
   */
  public static IdentityStatus of(boolean insFromInsi, boolean highTrustDocumentChecked) {
    return insFromInsi ? (highTrustDocumentChecked ? QUALIFIEE : RECUPEREE)
        : (highTrustDocumentChecked ? VALIDEE : PROVISOIRE);
  }

  /** The status after the INS was retrieved or verified through INSi (PROVISOIRE → RECUPEREE, VALIDEE → QUALIFIEE). */
  public IdentityStatus afterInsi() {
    return of(true, this == VALIDEE || this == QUALIFIEE);
  }

  /** The status after a high-trust document was checked (PROVISOIRE → VALIDEE, RECUPEREE → QUALIFIEE). */
  public IdentityStatus afterHighTrustDocument() {
    return of(this == RECUPEREE || this == QUALIFIEE, true);
  }

  /** The label ViaTrajectoire shows (French). */
  public String label() {
    return label;
  }
}
