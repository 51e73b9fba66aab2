package io.vtsdk.server.scenarios;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One call of the software under test and the server's answer, as a session records it for its checks: what was asked
 * (method, path, raw query, the headers the checks read, the body) and answered (status, and the {@code Retry-After} the
 * server gave), with who asked and when. {@link #toString()} shows no query, no header value and no body: they may
 * hold personal data (a report's evidence is redacted by {@link Redaction}).
 *
 * @param at when the server received it (its real clock: retries are measured in real seconds)
 * @param serverTime the server's (test) clock then
 * @param route the route's template ({@code /v1/dossiers/{id}}), null when none matched
 * @param retryAfterSeconds the {@code Retry-After} the answer carried, 0 when none
 * @param answer the answer's body when it is JSON of at most {@value #MAX_ANSWER} bytes (what the feed-follow check
 *     reads: the cursors the server gave), else empty
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Exchange(Instant at, Instant serverTime, String method, String path, String query, String route,
    int status, String idempotencyKey, String ifMatch, int retryAfterSeconds, String role, String unit,
    byte[] body, byte[] answer) {
  /** The largest answer body kept. */
  public static final int MAX_ANSWER = 1024 * 1024;

  public Exchange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    body = body == null ? new byte[0] : body.clone();
    answer = answer == null || answer.length > MAX_ANSWER ? new byte[0] : answer.clone();
  }

  /** The same call without its answer's body (a session keeps only the answers its checks read). */
  public Exchange withoutAnswer() {
    return answer.length == 0 ? this : new Exchange(at, serverTime, method, path, query, route, status,
        idempotencyKey, ifMatch, retryAfterSeconds, role, unit, body, null);
  }

  @Override
  public byte[] answer() {
    return answer.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The answer as JSON (a missing node when it was not kept or is not JSON). */
  public com.fasterxml.jackson.databind.JsonNode answerJson() {
    return json(answer);
  }

  /** The request's body as JSON (a missing node when empty or not JSON). */
  public com.fasterxml.jackson.databind.JsonNode bodyJson() {
    return json(body);
  }

  private static com.fasterxml.jackson.databind.JsonNode json(byte[] bytes) {
    if (bytes.length == 0) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    try {
      return READER.readTree(bytes);
    } catch (java.io.IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper READER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** True for a call that creates a resource: a POST on a route that writes. */
  public boolean isCreate() {
    return "POST".equals(method) && route != null && (route.equals("/v1/dossiers")
        || route.equals("/v1/dossiers/{id}/requests") || route.equals("/v1/dossiers/{id}/attachments")
        || route.equals("/v1/requests/{id}/responses") || route.equals("/v1/requests/{id}/esms-statuses"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Exchange e && at.equals(e.at) && method.equals(e.method) && path.equals(e.path)
        && status == e.status && java.util.Arrays.equals(body, e.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(at, method, path, status);
  }

  @Override
  public String toString() {
    return "Exchange[" + method + " " + (route != null ? route : "?") + " -> " + status + "]";
  }
}
