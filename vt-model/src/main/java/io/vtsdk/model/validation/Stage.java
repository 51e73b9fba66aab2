package io.vtsdk.model.validation;

import org.apiguardian.api.API;

/** How complete a dossier must be. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Stage {
  /** Lenient: whatever is present must be well-formed (identifiers, codes, dates, sizes, consistency). */
  DRAFT,
  /** Complete: DRAFT plus everything the receiving unit needs for the dossier's module. */
  SUBMISSION
}
