package io.vtsdk.model.internal;

import java.util.regex.Pattern;

/** The form of the codes of the open vocabularies (modules, target kinds, answer kinds). Not API. */
public final class Names {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

  private Names() {}

  /**
   * The order of an open vocabulary's values: the standard ones ({@code order >= 0}) first, in their order, then the
   * extension ones (-1) by code.
   */
  public static int compare(int order, String name, int otherOrder, String otherName) {
    if (order >= 0 || otherOrder >= 0) {
      return Integer.compare(order < 0 ? Integer.MAX_VALUE : order, otherOrder < 0 ? Integer.MAX_VALUE : otherOrder);
    }
    return name.compareTo(otherName);
  }

  /** Refuses a code not of 2 to 32 upper-case letters, digits and {@code _} starting with a letter (never echoed). */
  public static String require(String code, String what) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a " + what + " code is 2 to 32 upper-case letters, digits and _, starting "
          + "with a letter");
    }
    return code;
  }
}
