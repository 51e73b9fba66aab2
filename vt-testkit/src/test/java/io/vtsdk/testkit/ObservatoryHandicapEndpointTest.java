package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.testkit.junit.VtServerTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The observatory's Handicap indicators per role, over the demo's dossiers (seed 002, seed 003). */
@VtServerTest(demoDossiers = true, disclosureThreshold = 1) // the demo's few people: every row shown
class ObservatoryHandicapEndpointTest {
  ReferenceServer vt;
  Http http;

  @BeforeEach
  void connect(ReferenceServer server) {
    vt = server;
    http = new Http(server);
  }

  Map<String, JsonNode> rows(String path, String token) {
    Http.Res r = http.get(path, token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, JsonNode> out = new HashMap<>();
    r.json().get("items").forEach(row -> out.put(row.get("group").asText() + " " + row.get("indicator").asText(),
        row));
    return out;
  }

  @Test
  void theHandicapIndicatorsOfOnesDepartementRegionOrNotifications() {
    // the demo's Handicap dossier: one person of the Rhône notified to the IME of the Rhône
    String mdph = vt.demoToken(Role.MDPH);
    String ime = vt.demoToken(Role.ESMS);
    String grades = vt.demoToken(Role.OBSERVER);
    for (String token : List.of(mdph, ime, grades)) {
      Map<String, JsonNode> rows = rows("/v1/observatory/handicap", token);
      assertThat(rows.get("Total people").get("people").asInt()).isEqualTo(1);
      assertThat(rows.get("Total people").get("notifications").asInt()).isEqualTo(1);
      assertThat(rows.get("Total without-solution").get("people").asInt()).isEqualTo(1);
    }
    // another ESMS does not see the IME's notification
    String mas = vt.tokens().issue(Role.ESMS, UnitId.of("MAS-38"), null);
    assertThat(rows("/v1/observatory/handicap", mas).get("Total people").get("people").asInt()).isZero();

    // the IME puts the person on its waiting list: one person on a waiting list in the Rhône, category 183
    Http.Res reported = HandicapEndToEndTest.reportOnTheFirstNotification(http, ime, "42");
    assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
    Map<String, JsonNode> rows = rows("/v1/observatory/handicap", mdph);
    assertThat(rows.get("69 waiting-list/departement").get("people").asInt()).isEqualTo(1);
    assertThat(rows.get("183 waiting-list/category").get("notifications").asInt()).isEqualTo(1);
    Http.Res chart = http.get("/v1/observatory/handicap/chart?indicator=waiting-list/category", mdph);
    assertThat(chart.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(ObservatoryEndpointTest.svgTexts(chart.body())).contains("183", "Personnes", "Notifications");

    for (Role role : List.of(Role.REQUESTER, Role.CPAM, Role.RECEIVER, Role.USAGER)) {
      assertThat(http.get("/v1/observatory/handicap", vt.demoToken(role)).status()).as(role.name()).isEqualTo(403);
    }
  }
}
