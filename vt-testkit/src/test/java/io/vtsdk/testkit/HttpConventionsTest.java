package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP by the book (issue 17, first part): HEAD, OPTIONS and CORS, 405 with Allow, 401 with WWW-Authenticate,
 * If-None-Match → 304, If-Match {@code *} and lists, Accept-Language with q-values; strict bodies, 415, gzip.
 */
class HttpConventionsTest {
  static ReferenceServer vt;
  static Http http;
  static String token;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    vt = ReferenceServer.builder().build().start();
    http = new Http(vt);
    token = vt.demoToken(Role.REQUESTER);
  }

  @AfterAll
  static void stop() {
    vt.close();
  }

  private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String dossier() {
    return http.post("/v1/dossiers", token, Fixtures.sanitaire()).json().get("id").asText();
  }

  @Test
  void headGivesTheHeadersOfGetWithoutTheBody() throws Exception {
    String id = dossier();
    HttpResponse<String> get = send("GET", "/v1/dossiers/" + id, "Authorization", "Bearer " + token);
    HttpResponse<String> head = send("HEAD", "/v1/dossiers/" + id, "Authorization", "Bearer " + token);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag")).isPresent();
    assertThat(send("HEAD", "/v1/dossiers/" + id).statusCode()).as("still authenticated").isEqualTo(401);
  }

  @Test
  void optionsListsTheMethodsAndA405SaysWhichAreAllowed() throws Exception {
    HttpResponse<String> options = send("OPTIONS", "/v1/dossiers/D-1");
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT, OPTIONS");
    HttpResponse<String> refused = send("DELETE", "/v1/dossiers/D-1", "Authorization", "Bearer " + token);
    assertThat(refused.statusCode()).isEqualTo(405);
    assertThat(refused.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT, OPTIONS");
    assertThat(send("OPTIONS", "/v1/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void aPageOfThisMachineMayCallTheApiOthersMayNot() throws Exception {
    String local = "http://localhost:3000";
    HttpResponse<String> preflight = send("OPTIONS", "/v1/dossiers", "Origin", local,
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, content-type");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(local);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("Authorization", "Content-Type", "If-Match", "Idempotency-Key");
    HttpResponse<String> get = send("GET", "/v1/units", "Origin", local, "Authorization", "Bearer " + token);
    assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(local);
    assertThat(get.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("ETag", "Location");
    HttpResponse<String> foreign = send("GET", "/v1/units", "Origin", "https://evil.example",
        "Authorization", "Bearer " + token);
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(send("OPTIONS", "/v1/dossiers", "Origin", "https://evil.example", "Access-Control-Request-Method",
        "POST").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    try (ReferenceServer configured = ReferenceServer.builder().corsOrigins(List.of("https://tool.example.org"))
        .build().start()) {
      HttpResponse<String> ok = CLIENT.send(HttpRequest.newBuilder(configured.url("/v1/health"))
          .header("Origin", "https://tool.example.org").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tool.example.org");
      HttpResponse<String> notListed = CLIENT.send(HttpRequest.newBuilder(configured.url("/v1/health"))
          .header("Origin", local).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(notListed.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void a401SaysBearerAsRfc6750Asks() throws Exception {
    assertThat(send("GET", "/v1/dossiers").headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"vt\"");
    assertThat(send("GET", "/v1/dossiers", "Authorization", "Bearer nope").headers()
        .firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"vt\", error=\"invalid_token\"");
  }

  @Test
  void ifNoneMatchGives304WhileTheDossierIsUnchanged() throws Exception {
    String id = dossier();
    String etag = http.get("/v1/dossiers/" + id, token).header("ETag");
    HttpResponse<String> same = send("GET", "/v1/dossiers/" + id, "Authorization", "Bearer " + token,
        "If-None-Match", "\"99\", " + etag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("ETag")).hasValue(etag);
    assertThat(send("GET", "/v1/dossiers/" + id, "Authorization", "Bearer " + token, "If-None-Match", "W/" + etag)
        .statusCode()).as("weak comparison").isEqualTo(304);
    assertThat(send("GET", "/v1/dossiers/" + id, "Authorization", "Bearer " + token, "If-None-Match", "\"99\"")
        .statusCode()).isEqualTo(200);
  }

  @Test
  void ifMatchTakesAStarAndLists() {
    String id = dossier();
    Http.Res current = http.get("/v1/dossiers/" + id, token);
    Http.Res star = http.put("/v1/dossiers/" + id, token, current.json(), "If-Match", "*");
    assertThat(star.status()).as(star.toString()).isEqualTo(200);
    assertThat(star.header("ETag")).isEqualTo("\"2\"");
    Http.Res list = http.put("/v1/dossiers/" + id, token, current.json(), "If-Match", "\"7\", \"2\"");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(http.put("/v1/dossiers/" + id, token, current.json(), "If-Match", "\"7\", \"8\"").status())
        .isEqualTo(412);
    assertThat(http.put("/v1/dossiers/" + id, token, current.json(), "If-Match", "W/\"3\"").status())
        .as("strong comparison").isEqualTo(412);
  }

  @Test
  void acceptLanguageIsReadWithItsQValues() throws Exception {
    String en = send("GET", "/v1/dossiers", "Accept-Language", "de, en;q=0.5").body();
    assertThat(en).contains("Authentication required");
    String fr = send("GET", "/v1/dossiers", "Accept-Language", "en;q=0.2, fr;q=0.9").body();
    assertThat(fr).doesNotContain("Authentication required");
    assertThat(send("GET", "/v1/dossiers", "Accept-Language", "%%%").statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> sendBody(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + token);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnknownMemberIsRefusedByItsPointerNotDropped() throws Exception {
    int before = http.get("/v1/dossiers", token).json().get("items").size();
    HttpResponse<String> r = sendBody("POST", "/v1/dossiers",
        "{\"module\":\"SANITAIRE\",\"patient\":{\"birthName\":\"DUPONT\",\"nickname\":\"Jo\"}}",
        "Content-Type", "application/json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    var problem = Http.JSON.readTree(r.body());
    assertThat(problem.at("/violations/0/path").asText()).isEqualTo("/patient/nickname");
    assertThat(problem.at("/violations/0/code").asText()).isEqualTo("json.unknown-member");
    assertThat(r.body()).as("never the value").doesNotContain("Jo\"").doesNotContain("DUPONT");
    assertThat(http.get("/v1/dossiers", token).json().get("items").size()).as("nothing written").isEqualTo(before);
    // the same on an answer's body
    HttpResponse<String> send = sendBody("POST", "/v1/dossiers/" + dossier() + "/requests",
        "{\"units\":[\"SMR-CARDIO-69\"],\"priority\":1}", "Content-Type", "application/json");
    assertThat(send.statusCode()).isEqualTo(400);
    assertThat(Http.JSON.readTree(send.body()).at("/violations/0/path").asText()).isEqualTo("/priority");
  }

  @Test
  void aJsonBodyNeedsAJsonContentType() throws Exception {
    String body = Http.text(Fixtures.sanitaire());
    assertThat(sendBody("POST", "/v1/dossiers", body).statusCode()).as("missing").isEqualTo(415);
    assertThat(sendBody("POST", "/v1/dossiers", body, "Content-Type", "text/plain").statusCode()).as("wrong")
        .isEqualTo(415);
    assertThat(sendBody("POST", "/v1/dossiers", body, "Content-Type", "application/json; charset=utf-8")
        .statusCode()).isEqualTo(201);
    HttpResponse<String> noType = sendBody("POST", "/v1/dossiers/" + dossier() + "/attachments?fileName=a.pdf",
        "%PDF-1.4");
    assertThat(noType.statusCode()).as("an upload says its type").isEqualTo(415);
  }

  @Test
  void answersAreGzippedWhenAskedOnly() throws Exception {
    String path = "/v1/dossiers/" + dossier();
    HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
        .header("Authorization", "Bearer " + token);
    HttpResponse<byte[]> plain = CLIENT.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> zipped = CLIENT.send(get.header("Accept-Encoding", "br;q=1, gzip;q=0.5").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.headers().allValues("Vary")).contains("Accept-Encoding");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    assertThat(zipped.body().length).isLessThan(plain.body().length);
    HttpResponse<byte[]> refused = CLIENT.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
        .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip;q=0, *;q=0.1").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(refused.headers().firstValue("Content-Encoding")).as("gzip;q=0 means not gzip").isEmpty();
  }
}
