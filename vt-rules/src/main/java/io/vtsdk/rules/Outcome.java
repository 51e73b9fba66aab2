package io.vtsdk.rules;

import org.apiguardian.api.API;

/** What one rule says. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Outcome {
  /** The criterion is met. */
  PASS,
  /** The criterion is not met. */
  FAIL,
  /** A needed input is missing: the rule cannot say. */
  UNKNOWN
}
