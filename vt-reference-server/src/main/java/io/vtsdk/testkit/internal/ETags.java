package io.vtsdk.testkit.internal;

/** Entity-tag lists of {@code If-Match} and {@code If-None-Match} (RFC 9110 §8.8.3, §13.1). Not API. */
final class ETags {
  private ETags() {}

  /**
   * Whether {@code header} ({@code *}, or a comma-separated list of entity tags) matches {@code etag}. Weak
   * comparison ({@code W/} ignored) as If-None-Match uses; {@link #matchesStrong} for If-Match.
   */
  static boolean matches(String header, String etag) {
    return matches(header, etag, false);
  }

  /** Strong comparison: a weak tag in the list never matches (RFC 9110 §13.1.1). */
  static boolean matchesStrong(String header, String etag) {
    return matches(header, etag, true);
  }

  private static boolean matches(String header, String etag, boolean strong) {
    String h = header.trim();
    if (h.equals("*")) {
      return true;
    }
    for (String candidate : h.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        if (strong) {
          continue;
        }
        c = c.substring(2);
      }
      if (c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
