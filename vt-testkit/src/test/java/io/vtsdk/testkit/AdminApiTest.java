package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.workflow.Role;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The control API is safe: off unless asked, its own token, loopback Host, same origin, JSON bodies, bounded. */
class AdminApiTest {

  private static Http.Res post(ReferenceServer vt, String path, String token, String type, String body,
      String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return Http.send(b.build());
  }

  @Test
  void offUnlessTheServerIsStartedForIt() {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      assertThat(post(vt, "/__admin/reset", vt.adminToken(), null, "").status()).isEqualTo(404);
      vt.reset(); // the Java handle still works
    }
  }

  @Test
  void itsOwnTokenSameOriginAndJsonOnly() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().admin(true).build().start()) {
      String admin = vt.adminToken();
      assertThat(post(vt, "/__admin/reset", null, null, "").status()).isEqualTo(401);
      assertThat(post(vt, "/__admin/reset", vt.demoToken(Role.REQUESTER), null, "").status()).isEqualTo(401);
      assertThat(post(vt, "/__admin/reset", admin, null, "", "Origin", "https://evil.example").status())
          .isEqualTo(403);
      assertThat(post(vt, "/__admin/clock/advance", admin, "text/plain", "{\"duration\":\"P31D\"}").status())
          .isEqualTo(415);
      assertThat(post(vt, "/__admin/reset", admin, null, "", "Origin", "http://" + vt.baseUrl().getAuthority())
          .status()).isEqualTo(204);
      // a DNS-rebinding page reaches the loopback address under its own name: a foreign Host is refused
      try (Socket s = new Socket(vt.baseUrl().getHost(), vt.port())) {
        OutputStream out = s.getOutputStream();
        out.write(("POST /__admin/reset HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " + admin
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(status).isEqualTo("HTTP/1.1 403");
      }
    }
  }

  @Test
  void tokensForAnyRoleAndUnitOfTheDirectory() {
    try (ReferenceServer vt = ReferenceServer.builder().admin(true).build().start()) {
      String admin = vt.adminToken();
      Http.Res issued = post(vt, "/__admin/tokens", admin, "application/json",
          "{\"role\":\"ESMS\",\"unit\":\"IME-69\"}");
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      String esms = issued.json().get("token").asText();
      Http.Res list = new Http(vt).get("/v1/waiting-lists", esms);
      assertThat(list.status()).as("an ESMS token of IME-69 works: " + list).isEqualTo(200);
      assertThat(post(vt, "/__admin/tokens", admin, "application/json", "{\"role\":\"SYSTEM\",\"unit\":\"IME-69\"}")
          .json().at("/violations/0/path").asText()).isEqualTo("/role");
      Http.Res unknown = post(vt, "/__admin/tokens", admin, "application/json",
          "{\"role\":\"ESMS\",\"unit\":\"NOWHERE-1\"}");
      assertThat(unknown.status()).isEqualTo(422);
      assertThat(unknown.json().at("/violations/0/path").asText()).isEqualTo("/unit");
      assertThat(unknown.body()).doesNotContain("NOWHERE-1");
      assertThat(post(vt, "/__admin/tokens", vt.demoToken(Role.REQUESTER), "application/json",
          "{\"role\":\"ESMS\",\"unit\":\"IME-69\"}").status()).as("the admin token only").isEqualTo(401);
    }
  }

  @Test
  void everyDemoRoleHasAToken() {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      for (Role role : Role.values()) {
        if (role == Role.SYSTEM) {
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> vt.demoToken(role))
              .isInstanceOf(IllegalArgumentException.class);
          continue;
        }
        var claims = vt.tokens().verify(vt.demoToken(role)).orElseThrow();
        assertThat(claims.role()).isEqualTo(role);
        assertThat(vt.core().directory().unit(claims.unit())).as(role + ": a unit of the directory").isNotNull();
      }
      assertThat(vt.tokens().verify(vt.demoToken(Role.ESMS)).orElseThrow().unit())
          .isEqualTo(ReferenceServer.DEMO_ESMS_UNIT);
    }
  }

  @Test
  void clockMovesAreBoundedAndKeepTokensValid() {
    try (ReferenceServer vt = ReferenceServer.builder().admin(true).build().start()) {
      String admin = vt.adminToken();
      String token = vt.demoToken(Role.REQUESTER);
      for (String huge : new String[] {"{\"duration\":\"PT9999999999999H\"}", "{\"duration\":\"P100000D\"}",
          "{\"duration\":\"-P1D\"}"}) {
        assertThat(post(vt, "/__admin/clock/advance", admin, "application/json", huge).status()).isEqualTo(422);
      }
      Http.Res far = Http.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + "/__admin/clock"))
          .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"instant\":\"+1000000000-01-01T00:00:00Z\"}")).build());
      assertThat(far.status()).isEqualTo(422);
      assertThat(post(vt, "/__admin/clock/advance", admin, "application/json", "{\"duration\":\"P31D\"}")
          .status()).isEqualTo(200);
      assertThat(new Http(vt).get("/v1/dossiers", token).status()).as("the token outlives the test clock")
          .isEqualTo(200);
    }
  }
}
