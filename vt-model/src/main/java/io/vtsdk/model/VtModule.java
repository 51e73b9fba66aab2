package io.vtsdk.model;

import org.apiguardian.api.API;

/** The five ViaTrajectoire modules (DESIGN.md §1). */
@API(status = API.Status.STABLE, since = "0.1")
public enum VtModule {
  /** Hospital (MCO) or GP → SMR, HAD, USP, home with primary-care coordination. */
  SANITAIRE,
  /** Hospital unit → CPAM home-return service (Prado). */
  PRADO,
  /** Hospital, GP or the person/family → EHPAD, résidence autonomie, USLD. */
  GRAND_AGE,
  /** MDPH orientation decision → disability ESMS. */
  HANDICAP,
  /** Doctor → PCO (plateforme de coordination et d'orientation) for neurodevelopmental disorders. */
  TND
}
