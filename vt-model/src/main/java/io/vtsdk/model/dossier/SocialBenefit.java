package io.vtsdk.model.dossier;

import org.apiguardian.api.API;

/** Social benefits that the Prado fragility criteria name (seed 003), plus invalidity. */
@API(status = API.Status.STABLE, since = "0.1")
public enum SocialBenefit {
  /** Complémentaire santé solidaire. */
  C2S,
  /** Allocation aux adultes handicapés. */
  AAH,
  /** Allocation supplémentaire d'invalidité. */
  ASI,
  /** Allocation personnalisée d'autonomie. */
  APA,
  /** Allocation de solidarité aux personnes âgées. */
  ASPA,
  /** Pension d'invalidité. */
  INVALIDITE
}
