package io.vtsdk.model.workflow;

import org.apiguardian.api.API;

/** Who acts on a request. Each transition of a {@link Workflow} names the roles that may perform it. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Role {
  /** The sending unit's professional (hospital ward, GP…). */
  REQUESTER,
  /** The person or family, through the usager space (Grand-âge). */
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
   * A GRADeS or an ARS: reads the observatory of its region, nothing else (seed 003: « observatoire VT avec droits
   * d'accès différenciés », accessible « aux hôpitaux, aux CPAM et aux GRADeS »). @since 0.2
   */
  OBSERVER,
  /** VT itself: automatic closing and archiving. */
  SYSTEM
}
