package io.vtsdk.testkit;

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
      assertThat(top(mine, "module")).containsExactly("SANITAIRE", "PRADO", "GRAND_AGE", "TND");
      assertThat(top(mine, "status")).containsExactly("SENT", "SENT", "DRAFT", "SENT");
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
      assertThat(http.get("/v1/dossiers", a.demoToken(Role.REQUESTER)).json().get("items")).hasSize(4);
    }
  }
}
