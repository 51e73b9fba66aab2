package io.vtsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.json.VtJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny JSON client over java.net.http for the tests. */
final class Http {
  static final JsonMapper JSON = VtJson.newMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Res(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final ReferenceServer server;

  Http(ReferenceServer server) {
    this.server = server;
  }

  Res get(String path, String token, String... headers) {
    return send(builder(path, token, headers).GET().build());
  }

  Res post(String path, String token, Object body, String... headers) {
    return send(builder(path, token, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text(body))).build());
  }

  Res put(String path, String token, Object body, String... headers) {
    return send(builder(path, token, headers).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(text(body))).build());
  }

  static String text(Object body) {
    if (body == null) {
      return "";
    }
    if (body instanceof String s) {
      return s;
    }
    return VtJson.toJson(body);
  }

  private HttpRequest.Builder builder(String path, String token, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  static Res send(HttpRequest req) {
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
