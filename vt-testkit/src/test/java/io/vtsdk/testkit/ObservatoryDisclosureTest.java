package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 40: with the default threshold (11, io.vtsdk.rules.indicators.Disclosure), no observatory row (the JSON the
 * console shows, and the charts drawn from it) counts one to ten people; the demo's single Handicap person is not published anywhere.
 */
@VtServerTest(demoDossiers = true)
class ObservatoryDisclosureTest {

  @Test
  void noRowCountsFewerThanElevenPeople(ReferenceServer vt) {
    Http http = new Http(vt);
    for (Role role : new Role[] {Role.MDPH, Role.ESMS, Role.OBSERVER}) {
      Http.Res r = http.get("/v1/observatory/handicap", vt.demoToken(role));
      assertThat(r.status()).isEqualTo(200);
      for (JsonNode row : r.json().get("items")) {
        long people = row.path("people").asLong(0);
        assertThat(people == 0 || people >= 11).as("%s: %s", role, row).isTrue();
      }
      assertThat(r.body()).as("the demo's one person").doesNotContain("\"people\":1,");
      Http.Res chart = http.get("/v1/observatory/handicap/chart?indicator=people", vt.demoToken(role));
      assertThat(chart.status()).isEqualTo(200); // drawn from the same published rows
    }
  }
}
