package io.vtsdk.model.workflow;

import org.apiguardian.api.API;

/** Who acts on a request. Each transition of a {@link Workflow} names the roles that may perform it. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Role {
  /** The sending unit's professional (hospital ward, GP…). */
  REQUESTER,
  /**
   * The person or family, through the usager space: Grand-âge requests, and the Handicap DUA (seed 002: « l'usager ou
   * son aidant renseigne ce formulaire unique dématérialisé qui peut être adressé aux ESMS de toute catégorie »).
   */
  USAGER,
  /** The receiving unit (SMR, HAD, EHPAD, PCO…). */
  RECEIVER,
  /** The CPAM de rattachement, receiving Prado requests. */
  CPAM,
  /** The MDPH, whose decision creates Handicap notifications. */
  MDPH,
  /** A disability ESMS reporting statuses (SDO). */
  ESMS,
  /**
   * An accompagnant médico-social PH: follows, read only, the current Handicap requests of the persons who named it
   * ({@code Dossier.accompagnants}) on a dashboard (seed 002: « création des accompagnants médico-sociaux PH »; « un
   * espace dédié à l'accompagnant professionnel lui permet via un tableau de bord, d'avoir une vue centralisée de
   * toutes les demandes en cours pour les personnes accompagnées »). @since 0.3
   */
  ACCOMPAGNANT,
  /**
   * A GRADeS or an ARS: reads the observatory of its region, nothing else (seed 003: « observatoire VT avec droits
   * d'accès différenciés », accessible « aux hôpitaux, aux CPAM et aux GRADeS »). @since 0.2
   */
  OBSERVER,
  /** VT itself: automatic closing and archiving. */
  SYSTEM
}
