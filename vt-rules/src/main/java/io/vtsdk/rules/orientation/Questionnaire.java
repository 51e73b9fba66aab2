package io.vtsdk.rules.orientation;

import org.apiguardian.api.API;

/**
 * Answers to VT's orientation-aid questionnaire (steps Environnement, Condition, Objectif, Public, Famille,
 * Sous-famille, Détail — seed 003). {@code family}, {@code subFamily} and {@code detail} are the labels of the
 * pathology tree, e.g. "Cardiologie et pathologies vasculaires" > "Insuffisance cardiaque" > "Insuffisance cardiaque
 * aiguë sur coeur antérieurement sain". Any answer may be null (not given): rows that test it then do not match.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Questionnaire(
    Environment environment,
    Condition condition,
    Objective objective,
    Public publicGroup,
    String family,
    String subFamily,
    String detail) {

  /** "Environnement du patient". */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Environment {
    /** "Le contexte est favorable pour une prise en charge immédiate à domicile ou sur le lieu de vie" (seed 003). */
    FAVORABLE_IMMEDIATE,
    /** Favorable once the home is adapted or help is organised. */
    FAVORABLE_AFTER_ADAPTATION,
    /** Return home is not possible for now. */
    UNFAVORABLE
  }

  /** "Conditions liées au patient". */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Condition {
    SIMPLE_CARE,
    /** "Les soins sont simples mais nécessitent un étayage" (seed 003). */
    SIMPLE_CARE_NEEDS_SUPPORT,
    /** Rehabilitation or care needing a multidisciplinary team. */
    COMPLEX_CARE,
    /** Hospital-level technical care (the HAD criterion). */
    HOSPITAL_LEVEL_TECHNICAL_CARE,
    /** Complex end-of-life situation. */
    COMPLEX_END_OF_LIFE
  }

  /** "Objectif de prise en charge". */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Objective {
    /** "À la suite d'un épisode aigu médical ou chirurgical : pour soins somatiques, réadaptation…" (seed 003). */
    AFTER_ACUTE_EPISODE,
    /** Palliative care and comfort. */
    PALLIATIVE,
    /** Specialised rehabilitation programme. */
    SPECIALISED_REHABILITATION
  }

  /** "Public". */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Public {
    ADULT,
    ELDERLY,
    CHILD
  }
}
