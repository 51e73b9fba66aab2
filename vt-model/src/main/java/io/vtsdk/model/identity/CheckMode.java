package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/**
 * How strictly identifiers whose check key is a common practice rather than a published rule (FINESS, RPPS) are
 * checked.
 *
 * <p>NIR and SIRET keys are published rules and are always checked.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum CheckMode {
  /** Format and check key (the default). */
  STRICT,
  /** Format only: for data whose keys are known to be unreliable (old extracts, test data). */
  LENIENT
}
