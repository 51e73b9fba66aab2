package io.vtsdk.model.dossier;

import org.apiguardian.api.API;

/** Life cycle of a dossier as a whole (requests have their own workflow). */
@API(status = API.Status.STABLE, since = "0.1")
public enum DossierStatus {
  /** "Demande d'admission en cours de rédaction". */
  DRAFT,
  /** "Demande envoyée": at least one request was sent. */
  SENT,
  /** The requester confirmed one admission; other requests were closed. */
  ADMISSION_CONFIRMED,
  /** Cancelled by the requester. */
  CANCELLED,
  /** Archived (automatically when unanswered, or by hand). */
  ARCHIVED
}
