package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  static java.util.List<String> top(JsonNode items, String field) {
    java.util.List<String> out = new java.util.ArrayList<>();
    items.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void demoDossiersOfEveryModuleInVariousStatesAndDeterministic() {
    try (ReferenceServer a = ReferenceServer.builder().demoDossiers(true).seed(7).build().start();
        ReferenceServer b = ReferenceServer.builder().demoDossiers(true).seed(7).build().start()) {
      Http http = new Http(a);
      JsonNode mine = http.get("/v1/dossiers", a.demoToken(Role.REQUESTER)).json().get("items");
      assertThat(top(mine, "module")).containsExactly("SANITAIRE", "PRADO", "GRAND_AGE", "TND", "HNP");
      assertThat(top(mine, "status")).containsExactly("SENT", "SENT", "DRAFT", "SENT", "SENT");
      String hnp = a.tokens().issue(Role.RECEIVER, UnitId.of("HNP-CARDIO-11"), null);
      assertThat(http.get("/v1/requests", hnp).json().get("items").findValuesAsText("status"))
          .as("HNP's demo dossier comes from its descriptor").containsExactly("SENT");
      String cpam = a.demoToken(Role.CPAM);
      assertThat(http.get("/v1/requests", cpam).json().get("items").findValuesAsText("status"))
          .containsExactly("ELIGIBLE_ADMINISTRATIVELY");
      String smr = a.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null);
      assertThat(http.get("/v1/requests", smr).json().get("items").findValuesAsText("status"))
          .containsExactly("ACCEPTED");
      String ime = a.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
      assertThat(http.get("/v1/requests", ime).json().get("items").findValuesAsText("status"))
          .containsExactly("NOTIFICATION_READ");
      // same seed, same data (names included)
      JsonNode other = new Http(b).get("/v1/dossiers", b.demoToken(Role.REQUESTER)).json().get("items");
      assertThat(other.findValuesAsText("birthName")).isEqualTo(mine.findValuesAsText("birthName")).isNotEmpty();
      // reset reloads them
      a.reset();
      assertThat(http.get("/v1/dossiers", a.demoToken(Role.REQUESTER)).json().get("items")).hasSize(5);
    }
  }

  @Test
  void pagingWalksEveryDossierAndRequestOnceWhateverTheIds() {
    // DEMO-n and D-n ids share numeric suffixes: the cursor is a position, not parsed from the id
    try (ReferenceServer vt = ReferenceServer.builder().demoDossiers(true).build().start()) {
      Http http = new Http(vt);
      String token = vt.demoToken(Role.REQUESTER);
      var fx = io.vtsdk.server.fixtures.VtFixtures.seeded(3, java.time.LocalDate.now());
      for (int i = 0; i < 5; i++) {
        String id = http.post("/v1/dossiers", token, fx.dossier(io.vtsdk.model.VtModule.SANITAIRE).build()).json()
            .get("id").asText();
        http.post("/v1/dossiers/" + id + "/requests", token, java.util.Map.of("units", java.util.List.of("SMR-GERIA-01")));
      }
      assertThat(walk(http, "/v1/dossiers?limit=2", token)).hasSize(10).doesNotHaveDuplicates();
      assertThat(walk(http, "/v1/requests?limit=3", token)).hasSize(10).doesNotHaveDuplicates();
    }
  }

  static java.util.List<String> walk(Http http, String first, String token) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = http.get(first + (cursor == null ? "" : "&cursor=" + cursor), token).json();
      ids.addAll(top(page.get("items"), "id"));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    return ids;
  }
}
