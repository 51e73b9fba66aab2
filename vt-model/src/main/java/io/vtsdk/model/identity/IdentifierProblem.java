package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/** What is wrong with an identifier that failed its check. Stable: the names are used as violation codes. */
@API(status = API.Status.STABLE, since = "0.1")
public enum IdentifierProblem {
  /** Null, empty or only spaces. */
  BLANK,
  /** Wrong number of characters once spaces are removed. */
  LENGTH,
  /** A character that is not allowed at its position (a letter where a digit is expected…). */
  CHARACTERS,
  /** The format is right but the check key (mod 97, Luhn…) does not match. */
  KEY;

  /** Lower-case name used in violation codes, e.g. {@code nir.key}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
