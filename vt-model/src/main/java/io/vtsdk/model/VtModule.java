package io.vtsdk.model;

import org.apiguardian.api.API;

/**
 * The ViaTrajectoire modules (DESIGN.md §1): the five national ones and HNP, a regional one. What each module does is
 * its {@link io.vtsdk.model.module.ModuleDescriptor}'s.
 */
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
  TND,
  /**
   * Hospitalisations non programmées: emergency professionals, bed managers and GPs send a direct admission request
   * to a specialty service, avoiding the emergency room (seed 002; experimental, Occitanie only).
   */
  HNP
}
