package io.vtsdk.model.patient;

import org.apiguardian.api.API;

/** Health-insurance scheme (régime d'assurance maladie obligatoire). */
@API(status = API.Status.STABLE, since = "0.1")
public enum Regime {
  GENERAL,
  AGRICOLE,
  SPECIAL,
  AUTRE
}
