package io.vtsdk.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A request the application sent to the reference server, as it arrived, for assertions in the test's process (in the
 * spirit of OkHttp's MockWebServer {@code takeRequest}): method, path, raw query, headers (names in lower case,
 * without {@code Authorization} and {@code Cookie}) and body. Kept only when the server was built with
 * {@link ReferenceServer.Builder#recordRequests(int)}; {@link #toString()} shows no header value and no body (they may
 * hold personal data).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
    byte[] body) {
  public RecordedRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    headers.forEach((k, v) -> {
      String name = k.toLowerCase(Locale.ROOT);
      if (!name.equals("authorization") && !name.equals("cookie")) {
        copy.put(name, List.copyOf(v));
      }
    });
    headers = java.util.Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  /** The first value of a header (any case), or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedRequest r && method.equals(r.method) && path.equals(r.path)
        && java.util.Objects.equals(query, r.query) && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return method.hashCode() * 31 + path.hashCode();
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + body.length + " bytes)";
  }
}
