package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/**
 * The identity document the identity was checked against ("justificatif d'identité", shown next to the trust level on
 * VT's request summary, seed 003: « Justificatif d'identité : Aucun justificatif »).
 *
 * <p>Under the RNIV an identity can only be <em>validée</em> or <em>qualifiée</em> after a check against a document of
 * high trust level: the carte nationale d'identité, the passport, or a residence permit; a livret de famille or an
 * extract of birth certificate is not one ({@link #highTrust()}). Source: ANS, Référentiel national
 * d'identitovigilance (RNIV), volet 1, « dispositifs d'identification à haut niveau de confiance ». Which documents
 * VT's screen lists is not public: the list here is the RNIV's (assumption for {@link #OTHER}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum IdentityProof {
  /** « Aucun justificatif ». */
  NONE(false),
  CARTE_NATIONALE_IDENTITE(true),
  PASSEPORT(true),
  TITRE_DE_SEJOUR(true),
  LIVRET_DE_FAMILLE(false),
  EXTRAIT_ACTE_DE_NAISSANCE(false),
  /** Any other document (driving licence, health-insurance card…): not of high trust level. */
  OTHER(false);

  private final boolean highTrust;

  IdentityProof(boolean highTrust) {
    this.highTrust = highTrust;
  }

  /** Whether the RNIV accepts this document to validate an identity. */
  public boolean highTrust() {
    return highTrust;
  }
}
