package io.vtsdk.model.identity;

import org.apiguardian.api.API;

/**
 * The Luhn check (ISO/IEC 7812-1, mod 10) over a string of digits, as SIREN, SIRET, RPPS and FINESS use it (see
 * docs/identifiers.md for each identifier's source): to check a number, and to make synthetic ones (fixtures, demo
 * data) with the key that makes them valid.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Luhn {
  private Luhn() {}

  /** Whether the digits of {@code s}, the last one being the key, pass the Luhn check. */
  public static boolean isValid(CharSequence s) {
    int sum = 0;
    boolean dbl = false;
    for (int i = s.length() - 1; i >= 0; i--) {
      int d = s.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** The key digit to append to the digits of {@code payload}. */
  public static int key(CharSequence payload) {
    for (int k = 0; k <= 9; k++) {
      if (isValid(payload.toString() + k)) {
        return k;
      }
    }
    throw new AssertionError("no Luhn key for " + payload.length() + " digits");
  }

  /** {@code payload} followed by its key. */
  public static String withKey(CharSequence payload) {
    return payload.toString() + key(payload);
  }
}
