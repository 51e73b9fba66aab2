package io.vtsdk.model.dossier;

import org.apiguardian.api.API;

/** Mentions of SMR units since the 2023 SMR reform (décret n° 2022-24), as VT describes units. */
@API(status = API.Status.STABLE, since = "0.1")
public enum SmrMention {
  POLYVALENT,
  GERIATRIE,
  LOCOMOTEUR,
  SYSTEME_NERVEUX,
  CARDIO_VASCULAIRE,
  PNEUMOLOGIE,
  SYSTEME_DIGESTIF_ENDOCRINOLOGIE_DIABETOLOGIE_NUTRITION,
  BRULES,
  CONDUITES_ADDICTIVES,
  PEDIATRIE
}
