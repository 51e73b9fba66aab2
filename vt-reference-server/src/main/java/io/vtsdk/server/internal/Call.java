package io.vtsdk.server.internal;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.core.IdempotencyKey;
import io.vtsdk.core.Principal;
import io.vtsdk.core.WriteOptions;
import io.vtsdk.model.json.JsonPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One HTTP call: request body (size-limited), query, path parameters, caller, language. Not API. */
public final class Call {
  final String method;
  /** The request path (raw, as received). */
  final String requestPath;
  final String rawQuery;
  private final UnaryOperator<String> headers;
  final Map<String, String> pathParams;
  final Map<String, String> query;
  final byte[] body;
  final Principal principal;
  final Locale locale;
  final String correlationId;
  /** Refuses unknown members (the router's strict mapper). */
  private final JsonMapper json;
  /** Whether an {@code Idempotency-Key} applies: a POST that writes, by an authenticated caller. */
  private final boolean idempotent;

  Call(String method, String requestPath, String rawQuery, UnaryOperator<String> headers,
      Map<String, String> pathParams, byte[] body, Principal principal, Locale locale, String correlationId,
      JsonMapper json, boolean idempotent) {
    this.method = method;
    this.requestPath = requestPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.pathParams = pathParams;
    this.query = parseQuery(rawQuery);
    this.body = body;
    this.principal = principal;
    this.locale = locale;
    this.correlationId = correlationId;
    this.json = json;
    this.idempotent = idempotent;
  }

  /**
   * What the core's write takes from this call: the language and, for a POST that writes, its
   * {@code Idempotency-Key} with the SHA-256 of the body (the same key with another body is refused).
   */
  public WriteOptions write() {
    String key = idempotent ? header("Idempotency-Key") : null;
    WriteOptions o = WriteOptions.of(locale);
    return key == null ? o : o.idempotencyKey(IdempotencyKey.of(key, Router.sha256(body)));
  }

  public String path(String name) {
    return pathParams.get(name);
  }

  public String query(String name) {
    return query.get(name);
  }

  /** The names of the query parameters given. */
  public java.util.Set<String> queryNames() {
    return query.keySet();
  }

  public String header(String name) {
    return headers.apply(name);
  }

  public Principal principal() {
    return principal;
  }

  /** Who counts as one caller for a per-caller limit: a token's role, unit and actor. */
  static String callerKey(Principal p) {
    return p == null ? "anonymous" : p.role() + "|" + p.unit() + "|" + p.actorId();
  }

  /** The body as a JSON tree; 400 problem with the location when it is not JSON. */
  public JsonNode jsonBody() {
    if (body.length == 0) {
      throw ApiException.badRequest("a JSON body is required");
    }
    requireJsonContentType();
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the input: only the rule and the location are told
      throw ApiException.badRequest(JsonPaths.rule(e));
    } catch (IOException e) {
      throw ApiException.badRequest("unreadable body");
    }
  }

  /**
   * 415 unless the body is declared {@code application/json} (and, under {@code /fhir}, {@code application/fhir+json}):
   * a JSON Patch or a merge patch means something else than the resource itself, so it is refused, not taken as one.
   */
  private void requireJsonContentType() {
    String type = header("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    boolean fhir = requestPath.startsWith("/fhir/");
    if (!media.equals("application/json") && !(fhir && media.equals("application/fhir+json"))) {
      throw new ApiException(415, "unsupported-media-type", type == null
          ? "a JSON body needs Content-Type: application/json"
          : fhir ? "Content-Type must be application/fhir+json or application/json"
          : "Content-Type must be application/json");
    }
  }

  /** The body bound to {@code type}, strictly (see {@link #bodyAs(JsonNode, Class)}). */
  public <T> T body(Class<T> type) {
    return bodyAs(jsonBody(), type);
  }

  /**
   * The body bound to {@code type}, strictly: a member the type does not have is refused (400 naming its JSON
   * pointer, code {@code json.unknown-member}), not dropped, since a dropped member is data the sender believes
   * stored. Other binding errors are 400 naming the pointer of the first bad element (code {@code json.invalid}).
   */
  public <T> T bodyAs(JsonNode node, Class<T> type) {
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "invalid-body", "the body must be a JSON object (" + type.getSimpleName() + ")");
    }
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      // the pointer and the rule, never the value (Jackson's and the value types' messages quote it)
      io.vtsdk.model.validation.Violation v = io.vtsdk.model.json.StrictJson.violation(e, type);
      throw new ApiException(400, "invalid-body", "invalid " + type.getSimpleName() + " at '" + v.path() + "': "
          + v.message(), List.of(v), Map.of());
    }
  }

  static byte[] readLimited(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > limit) {
        drain(in);
        throw new ApiException(413, "payload-too-large", "the body exceeds " + limit + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Reads and discards what is left of a refused body (up to 64 MiB), so the client sees the error answer instead of
   * a reset connection; beyond that the connection is closed.
   */
  static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[65536];
    long left = 64L * 1024 * 1024;
    int n;
    while (left > 0 && (n = in.read(buf)) > 0) {
      left -= n;
    }
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      m.putIfAbsent(k, v);
    }
    return m;
  }
}
