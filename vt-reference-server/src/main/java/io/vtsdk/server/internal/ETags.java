package io.vtsdk.server.internal;

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

  /**
   * The versions an {@code If-Match} names, for the core to check in its write ({@code "3"}, a list, or {@code *});
   * with {@code strong}, a weak tag ({@code W/"3"}) names none (RFC 9110 §13.1.1), else it names its version (FHIR's
   * versioned ETags are weak). A tag that is not one of ours names none, so it matches no version.
   */
  static io.vtsdk.core.ExpectedVersion expectedVersion(String header, boolean strong) {
    if (header.trim().equals("*")) {
      return io.vtsdk.core.ExpectedVersion.any();
    }
    java.util.List<Long> versions = new java.util.ArrayList<>();
    for (String tag : tags(header, strong)) {
      if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
        try {
          versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException e) {
          // not one of ours
        }
      }
    }
    return io.vtsdk.core.ExpectedVersion.anyOf(versions);
  }

  private static boolean matches(String header, String etag, boolean strong) {
    return header.trim().equals("*") || tags(header, strong).contains(etag);
  }

  /** The opaque tags of a list, {@code W/} taken off a weak one, which {@code strong} comparison leaves out. */
  private static java.util.List<String> tags(String header, boolean strong) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String candidate : header.trim().split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        if (strong) {
          continue;
        }
        c = c.substring(2);
      }
      out.add(c);
    }
    return out;
  }
}
