package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.testkit.junit.VtServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A required text of spaces is missing, through the API as in {@code vt validate} (issue 42): a birth name of spaces
 * is kept in a draft, and the send is refused naming the member and the rule.
 */
@VtServerTest
class BlankTextTest {
  @Test
  void aBirthNameOfSpacesCannotBeSent(ReferenceServer vt) {
    Http http = new Http(vt);
    vt.setClock(Fixtures.NOW);
    String token = vt.demoToken(Role.REQUESTER);
    var d = Fixtures.sanitaire().toBuilder().requester(new io.vtsdk.model.dossier.Requester(
        ReferenceServer.DEMO_REQUESTER_UNIT, Fixtures.doctor()))
        .patient(Fixtures.adult().toBuilder().birthName("   ").build()).build();
    Http.Res created = http.post("/v1/dossiers", token, d);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Http.Res sent = http.post("/v1/dossiers/" + created.json().get("id").asText() + "/requests", token,
        Map.of("units", List.of("SMR-CARDIO-69")));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(422);
    assertThat(sent.json().toString()).contains("/patient/birthName").contains("\"required\"");
  }
}
