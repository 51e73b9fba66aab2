package io.vtsdk.model.workflow;

import org.apiguardian.api.API;

/** What a role does to a request. Which actions exist, from which statuses and for whom: see {@link Workflow}. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Action {
  /** Creates the request (the requester sends; for Handicap the MDPH notifies). */
  SEND,
  READ,
  ACCEPT,
  REFUSE,
  PLACE_ON_WAITING_LIST,
  CONFIRM_ADMISSION,
  CANCEL,
  /** Automatic: another admission was confirmed. */
  CLOSE,
  /** Automatic: no answer after the configured delay. */
  ARCHIVE,
  // PRADO (CPAM)
  DECLARE_ELIGIBLE_ADMINISTRATIVELY,
  RECORD_ADHESION,
  RECORD_NON_ADHESION,
  // TND (PCO)
  DECLARE_ELIGIBLE,
  DECLARE_NOT_ELIGIBLE,
  ORIENT_ELSEWHERE,
  // HANDICAP (ESMS statuses of TRE_R357; MDPH actions)
  RECORD_CONTACT,
  START_ANALYSIS,
  DECLARE_ADMISSIBLE,
  DECLARE_ADMITTED,
  START_TRIAL,
  FAIL_TRIAL,
  SIGNAL_ADMISSION_IMPOSSIBLE,
  ENDORSE_ADMISSION_IMPOSSIBLE,
  RECORD_ENTRY,
  RECORD_EXIT,
  REQUEST_REORIENTATION,
  CANCEL_NOTIFICATION,
  REACTIVATE_NOTIFICATION,
  CANCEL_DECISION
}
