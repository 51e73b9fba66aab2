package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.json.VtJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A tiny JSON client over {@code java.net.http}, used by the conformance suite and the kit's own tests. Not API: use
 * vt-client in applications.
 */
public class JsonHttp {
  public static final JsonMapper JSON = VtJson.newMapper();
  public static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A response: status, headers and the body as text. */
  public record Res(int status, HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final String baseUrl;
  private final String adminToken;

  public JsonHttp(URI baseUrl) {
    this(baseUrl, null);
  }

  /** A client that sends {@code adminToken} on {@code /__admin} calls made without a token. */
  public JsonHttp(URI baseUrl, String adminToken) {
    String s = baseUrl.toString();
    this.baseUrl = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.adminToken = adminToken;
  }

  /** GET; {@code headers} are name/value pairs. */
  public Res get(String path, String token, String... headers) {
    return send(builder(path, token, headers).GET().build());
  }

  /** POST a body: a String is sent as is, anything else as JSON ({@link VtJson}); null sends an empty body. */
  public Res post(String path, String token, Object body, String... headers) {
    return send(builder(path, token, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text(body))).build());
  }

  /** PUT, as {@link #post}. */
  public Res put(String path, String token, Object body, String... headers) {
    return send(builder(path, token, headers).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(text(body))).build());
  }

  public static String text(Object body) {
    if (body == null) {
      return "";
    }
    if (body instanceof String s) {
      return s;
    }
    return VtJson.toJson(body);
  }

  private HttpRequest.Builder builder(String path, String token, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    String t = token == null && adminToken != null && path.startsWith("/__admin") ? adminToken : token;
    if (t != null) {
      b.header("Authorization", "Bearer " + t);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  public static Res send(HttpRequest req) {
    try {
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
