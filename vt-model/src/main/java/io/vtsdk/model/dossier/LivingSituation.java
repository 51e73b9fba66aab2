package io.vtsdk.model.dossier;

import org.apiguardian.api.API;

/** Where and with whom the person lives ("environnement du patient"). */
@API(status = API.Status.STABLE, since = "0.1")
public enum LivingSituation {
  ALONE,
  WITH_CARER,
  WITH_FAMILY,
  INSTITUTION,
  NO_FIXED_ABODE
}
