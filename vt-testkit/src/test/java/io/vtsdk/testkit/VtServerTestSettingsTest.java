package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code @VtServerTest}'s attributes set the class's server up. */
@VtServerTest(seed = 7, demoDossiers = true, admin = false, clock = "2026-11-23T10:00:00Z")
class VtServerTestSettingsTest {
  

  @Test
  void theAnnotationChoosesSeedDemoDossiersClockAndControlApi(ReferenceServer vt) {
    assertThat(vt.now()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(vt.state().get("dossiers")).isEqualTo(6);
    try (ReferenceServer seven = ReferenceServer.builder().seed(7).build()) {
      assertThat(vt.core().directory().all()).isEqualTo(seven.core().directory().all());
    }
    Http.Res admin = new Http(vt).post("/__admin/reset", vt.adminToken(), null);
    assertThat(admin.status()).as("the control API is off").isEqualTo(404);
    assertThat(new Http(vt).get("/v1/dossiers", vt.demoToken(Role.REQUESTER)).status()).isEqualTo(200);
  }

  @Test
  void theClockIsFrozenAgainAtEachReset(ReferenceServer vt) {
    vt.advanceClock(java.time.Duration.ofDays(3));
    assertThat(vt.now()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z")); // the next test starts at the 23rd again
  }
}
