package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.RecordedRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the application sent, kept for assertions (MockWebServer's {@code takeRequest}, for VT). */
class RecordedRequestsTest {
  @Test
  void theRequestsComeBackInOrderWithoutCredentialsAndBounded() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().recordRequests(2).admin(true).build().start()) {
      Http http = new Http(vt);
      String token = vt.demoToken(Role.REQUESTER);
      http.post("/v1/dossiers", token, Fixtures.sanitaire(), "Idempotency-Key", "k-1");
      RecordedRequest created = vt.takeRequest(Duration.ofSeconds(5)).orElseThrow();
      assertThat(created.method()).isEqualTo("POST");
      assertThat(created.path()).isEqualTo("/v1/dossiers");
      assertThat(created.header("Idempotency-Key")).isEqualTo("k-1");
      assertThat(created.header("Authorization")).isNull();
      assertThat(created.bodyAsString()).contains("\"module\"");
      assertThat(created.toString()).isEqualTo("POST /v1/dossiers (" + created.body().length + " bytes)");
      assertThat(vt.takeRequest(Duration.ofMillis(50))).isEmpty();

      http.get("/v1/units?module=PRADO", token);
      http.get("/v1/dossiers", token);
      http.get("/v1/health", null);
      new Http(vt).post("/__admin/reset", vt.adminToken(), null); // the test's own control calls are not kept
      assertThat(vt.recordedRequestCount()).isEqualTo(2);
      RecordedRequest oldestKept = vt.takeRequest(Duration.ofSeconds(1)).orElseThrow();
      assertThat(oldestKept.path()).as("the oldest beyond the capacity was dropped").isEqualTo("/v1/dossiers");
      assertThat(vt.takeRequest(Duration.ofSeconds(1)).orElseThrow().path()).isEqualTo("/v1/health");
    }
  }

  @Test
  void aServerThatDoesNotRecordSaysSo() {
    try (ReferenceServer vt = ReferenceServer.builder().build()) {
      assertThatThrownBy(() -> vt.takeRequest(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("recordRequests");
    }
  }
}
