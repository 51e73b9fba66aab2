package io.vtsdk.server.insi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.internal.JsonHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The INSi simulator over HTTP: the server's population (its seed), authenticated callers, precise refusals. */
class InsiHttpTest {
  ReferenceServer vt;
  JsonHttp http;
  String token;
  InsiSimulator same;

  @BeforeEach
  void start() {
    vt = ReferenceServer.builder().seed(7).build().start();
    http = new JsonHttp(vt.baseUrl());
    token = vt.demoToken(Role.REQUESTER);
    same = InsiSimulator.seeded(7);
  }

  @AfterEach
  void stop() {
    vt.close();
  }

  static Map<String, Object> traits(InsiSimulator.Person p, boolean withPlace) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("birthName", p.traits().birthName());
    m.put("firstBirthGivenName", p.traits().firstBirthGivenName());
    m.put("sex", p.traits().sex().name());
    m.put("birthDate", p.traits().birthDate().toString());
    if (withPlace) {
      m.put("birthPlace", p.traits().birthPlace());
    }
    return m;
  }

  @Test
  void searchAndVerifyOverTheServersPopulation() {
    InsiSimulator.Person p = same.people().get(3);
    JsonNode found = http.post("/insi/search", token, traits(p, true)).json();
    assertThat(found.get("outcome").asText()).isEqualTo("FOUND");
    assertThat(found.at("/ins/number").asText()).isEqualTo(p.ins().number().value());
    assertThat(found.at("/ins/oid").asText()).isEqualTo("1.2.250.1.213.1.4.10");
    // the answer carries the INS traits a qualified identity needs: the list of birth given names and the birthplace
    assertThat(found.at("/reference/birthGivenNames").asText()).isEqualTo(p.traits().birthGivenNames())
        .startsWith(p.traits().firstBirthGivenName());
    assertThat(found.at("/reference/birthPlace").asText()).isEqualTo(p.traits().birthPlace());
    JsonNode ok = http.post("/insi/verify", token, Map.of("ins", Map.of("number", p.ins().number().value(),
        "authority", "NIR_TEST"), "traits", traits(p, false))).json();
    assertThat(ok.get("ok").asBoolean()).isTrue();
    Map<String, Object> wrong = traits(p, false);
    wrong.put("birthDate", p.traits().birthDate().plusDays(1).toString());
    JsonNode ko = http.post("/insi/verify", token, Map.of("ins", Map.of("number", p.ins().number().value(),
        "authority", "NIR_TEST"), "traits", wrong)).json();
    assertThat(ko.get("ok").asBoolean()).isFalse();
    assertThat(ko.get("code").asText()).isEqualTo("01");
    assertThat(ko.has("problems")).as("which trait differs is not told").isFalse();
    wrong = traits(p, false);
    wrong.put("birthName", "AUTRE");
    assertThat(http.post("/insi/verify", token, Map.of("ins", Map.of("number", p.ins().number().value(),
        "authority", "NIR_TEST"), "traits", wrong)).body()).as("another wrong trait answers the same")
        .isEqualTo(ko.toString());
  }

  @Test
  void onlyCareUnitsCallItAndEachCallerAtALimitedRate() {
    InsiSimulator.Person p = same.people().get(1);
    for (Role role : new Role[] {Role.USAGER, Role.CPAM, Role.ESMS, Role.MDPH, Role.OBSERVER}) {
      assertThat(http.post("/insi/search", vt.demoToken(role), traits(p, true)).status()).as("%s", role)
          .isEqualTo(403);
    }
    assertThat(http.post("/insi/search", vt.demoToken(Role.RECEIVER), traits(p, true)).status()).isEqualTo(200);
    // the server's clock is frozen: no refill, so the burst is exactly what one caller gets, however slow the machine
    vt.setClock(java.time.Instant.parse("2026-11-23T10:15:30Z"));
    String caller = vt.tokens().issue(Role.REQUESTER, ReferenceServer.DEMO_REQUESTER_UNIT, "rate-test");
    int ok = 0;
    JsonHttp.Res refused = null;
    for (int i = 0; i < 25 && refused == null; i++) {
      JsonHttp.Res r = http.post("/insi/search", caller, traits(p, true));
      if (r.status() == 200) {
        ok++;
      } else {
        refused = r;
      }
    }
    assertThat(ok).isEqualTo(20);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(http.post("/insi/search", token, traits(p, true)).status()).as("another caller is not held back")
        .isEqualTo(200);
    vt.setClock(java.time.Instant.parse("2026-11-23T10:15:31Z")); // a second later: five more
    assertThat(http.post("/insi/search", caller, traits(p, true)).status()).isEqualTo(200);
  }

  @Test
  void badTraitsNameEachMemberAndEchoNothingAndATokenIsNeeded() {
    JsonHttp.Res bad = http.post("/insi/search", token, Map.of("birthName", "DUPONT", "sex", "X",
        "birthDate", "01/02/1950"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("violations").findValuesAsText("path")).containsExactly("/firstBirthGivenName",
        "/sex", "/birthDate");
    assertThat(bad.body()).doesNotContain("DUPONT", "01/02/1950");
    assertThat(http.post("/insi/search", null, traits(same.people().get(0), true)).status()).isEqualTo(401);
    JsonHttp.Res badIns = http.post("/insi/verify", token, Map.of("ins", Map.of("number", "123", "authority",
        "NIR_TEST"), "traits", traits(same.people().get(0), true)));
    assertThat(badIns.status()).isEqualTo(422);
    assertThat(badIns.json().at("/violations/0/path").asText()).isEqualTo("/ins/number");
  }
}
