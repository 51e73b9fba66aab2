package io.vtsdk.model.internal;

import io.vtsdk.model.identity.IdentifierProblem;
import io.vtsdk.model.identity.InvalidIdentifierException;

/** Shared helpers for identifier checks. Not API. */
public final class Checks {
  private Checks() {}

  /** Removes spaces (the only separator tolerated on input); null stays null. */
  public static String stripSpaces(CharSequence raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != ' ' && c != '\u00A0') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True when every character of {@code s} in [from, to) is an ASCII digit. */
  public static boolean allDigits(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Sum of the digits of {@code s}. */
  public static int digitSum(CharSequence s) {
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      sum += s.charAt(i) - '0';
    }
    return sum;
  }

  /** Throws the standard "blank" problem when {@code s} is null or empty after stripping spaces. */
  public static String requireNotBlank(String type, CharSequence raw) {
    String s = stripSpaces(raw);
    if (s == null || s.isEmpty()) {
      throw new InvalidIdentifierException(type, IdentifierProblem.BLANK, "a value is required");
    }
    return s;
  }
}
