package io.vtsdk.server.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The origins a browser page may call the API from (Fetch standard, CORS). By default the pages of this machine
 * (http or https on localhost, 127.0.0.1 or [::1], any port), so that Swagger UI or the console served locally work;
 * otherwise an exact list. The control API never answers cross-origin calls, whatever this says. Not API.
 */
public final class Cors {
  /** Request headers a page may send. */
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept-Language, If-Match, If-None-Match, "
      + "Idempotency-Key, X-Correlation-Id, X-Content-SHA256, X-VT-Unit";
  /** Response headers a page may read. */
  static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Correlation-Id, X-Request-Id, "
      + "Idempotent-Replayed, X-Content-SHA256";
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  public static final Cors LOCALHOST = new Cors(null);

  private final Set<String> origins;

  private Cors(Set<String> origins) {
    this.origins = origins;
  }

  /** Exactly these origins ({@code https://tool.example.org}, scheme, host and port as a browser sends them). */
  public static Cors of(List<String> origins) {
    return new Cors(Set.copyOf(origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList()));
  }

  boolean allows(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (origins != null) {
      return origins.contains(o);
    }
    try {
      URI u = URI.create(o);
      String host = u.getHost();
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && host != null
          && LOOPBACK.contains(host) && u.getPath().isEmpty() && u.getQuery() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
