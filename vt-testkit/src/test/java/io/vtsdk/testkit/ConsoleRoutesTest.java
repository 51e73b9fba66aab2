package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The console's server side: its files with a strict CSP, the demo sign-in's limits, and the off switch. */
class ConsoleRoutesTest {
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  static HttpResponse<String> get(ReferenceServer vt, String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(vt.url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> signIn(ReferenceServer vt, String body, String origin) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(vt.url("/console/api/sign-in"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageAndItsScriptsComeFromTheJarUnderAStrictPolicy() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      HttpResponse<String> page = get(vt, "/console");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "'sha256-").doesNotContain(
          "unsafe-inline", "unsafe-eval");
      for (String file : new String[] {"console.js", "console.css", "vendor/preact.js", "vendor/hooks.js",
          "vendor/htm.js"}) {
        assertThat(get(vt, "/console/" + file).statusCode()).as(file).isEqualTo(200);
      }
      assertThat(get(vt, "/console/../pom.xml").statusCode()).isEqualTo(404);
      assertThat(get(vt, "/console/secret.properties").statusCode()).isEqualTo(404);
      assertThat(get(vt, "/console/api/vocabulary").body()).contains("PRADO_NON_ADHESION", "REDIRECTED",
          "esmsStatuses");
    }
  }

  @Test
  void theDemoSignInGivesAUnitsTokenOnlyToSameOriginLoopbackCallers() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      HttpResponse<String> ok = signIn(vt, "{\"unit\":\"CPAM-691\"}", null);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("\"role\":\"CPAM\"", "\"token\":");
      assertThat(signIn(vt, "{\"unit\":\"NOPE\"}", null).statusCode()).isEqualTo(422);
      assertThat(signIn(vt, "{\"unit\":\"CPAM-691\"}", "http://evil.example").statusCode()).isEqualTo(403);
      assertThat(signIn(vt, "{\"unit\":\"CPAM-691\"}", "http://" + vt.baseUrl().getAuthority()).statusCode())
          .isEqualTo(200);
      assertThat(get(vt, "/console/api/principals").body()).contains("U-CARDIO-HCL", "REQUESTER", "IME-69", "ESMS",
          "MDPH-69", "MDPH", "HNP-CARDIO-11");
    }
  }

  @Test
  void offMeansNotFound() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().console(false).build().start()) {
      assertThat(get(vt, "/console").statusCode()).isEqualTo(404);
      assertThat(signIn(vt, "{\"unit\":\"CPAM-691\"}", null).statusCode()).isEqualTo(404);
    }
  }
}
