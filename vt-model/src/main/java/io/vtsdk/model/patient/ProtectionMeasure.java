package io.vtsdk.model.patient;

import org.apiguardian.api.API;

/**
 * Legal protection measure of an adult ("mesure de protection juridique").
 *
 * <p>For VT's consent (sharing the dossier, a decision about the person), the Civil Code distinguishes:
 * <ul>
 *   <li>{@link #needsRepresentative()}: under tutelle, habilitation familiale and mandat de protection future the person
 *       is <em>represented</em>, so the representative consents (C. civ. art. 440, 494-1, 477);
 *   <li>{@link #assisted()}: under curatelle (simple or renforcée) the person is <em>assisted</em>, not represented:
 *       « la personne protégée prend seule les décisions relatives à sa personne dans la mesure où son état le permet »
 *       (C. civ. art. 459, and art. 440 for curatelle), so their own consent is valid; the curateur may take part;
 *   <li>sauvegarde de justice removes no capacity (art. 435).
 * </ul>
 * Art. 459 also applies to tutelle where the person's state allows; VT's screen asks the representative, and so do we
 * (assumption: the judge's decision, which may say otherwise, is not in the dossier). Habilitation familiale may be
 * for assistance only; we read it as representation (assumption). See {@code docs/model.md}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ProtectionMeasure {
  NONE(false, false),
  SAUVEGARDE_DE_JUSTICE(false, false),
  CURATELLE(false, true),
  CURATELLE_RENFORCEE(false, true),
  TUTELLE(true, false),
  HABILITATION_FAMILIALE(true, false),
  MANDAT_PROTECTION_FUTURE(true, false);

  private final boolean needsRepresentative;
  private final boolean assisted;

  ProtectionMeasure(boolean needsRepresentative, boolean assisted) {
    this.needsRepresentative = needsRepresentative;
    this.assisted = assisted;
  }

  /** The person is represented: their representative consents for them. */
  public boolean needsRepresentative() {
    return needsRepresentative;
  }

  /** The person is assisted (curatelle): they consent themselves, the curateur may take part. */
  public boolean assisted() {
    return assisted;
  }
}
