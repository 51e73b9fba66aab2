package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.scenarios.Scenarios;
import io.vtsdk.server.scenarios.Session;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 39 over HTTP: a session started on the control API runs by itself while the software under test reads its
 * instruction at {@code GET /v1/test-session} with the session's token and acts; the report is served when it ends.
 * Bad requests are refused with the pointer and the rule; a session's token reaches neither another session nor its
 * data; one running session per unit.
 */
class SessionsTest {
  private ReferenceServer vt;
  private Http http;

  @BeforeEach
  void start() {
    vt = ReferenceServer.builder().admin(true).build().start();
    vt.setClock(Fixtures.NOW);
    http = new Http(vt);
  }

  @AfterEach
  void stop() {
    vt.close();
  }

  /** Polls (the session runs on its own thread) until {@code done}; 60 s at most, far beyond a busy machine's need. */
  private JsonNode await(String token, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
    long until = System.nanoTime() + 60_000_000_000L;
    JsonNode s = http.get("/v1/test-session", token, "Accept-Language", "en").json();
    while (!done.test(s) && System.nanoTime() < until) {
      Thread.sleep(50);
      s = http.get("/v1/test-session", token, "Accept-Language", "en").json();
    }
    assertThat(done.test(s)).as("session state %s", s).isTrue();
    return s;
  }

  @Test
  void aSessionStartedOverHttpGuidesTheSoftwareAndServesItsReport() throws Exception {
    Http.Res started = http.post("/__admin/sessions", null, Map.of("scenario", "dpi-prado", "idle", "PT0.3S"));
    assertThat(started.status()).isEqualTo(201);
    String token = started.json().get("token").asText();
    String id = started.json().get("session").asText();

    JsonNode s = await(token, n -> "send".equals(n.path("step").asText()));
    assertThat(s.get("instruction").asText()).startsWith("Create the given Prado dossier");
    assertThat(s.get("steps")).extracting(n -> n.get("state").asText()).containsExactly("current", "pending");
    String dossier = http.post("/v1/dossiers", token, s.at("/data/dossier"), "Idempotency-Key",
        UUID.randomUUID().toString()).json().get("id").asText();
    assertThat(http.post("/v1/dossiers/" + dossier + "/requests", token, Map.of("units", s.at("/data/units")),
        "Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(201);

    JsonNode ended = await(token, n -> "ended".equals(n.path("status").asText()));
    assertThat(ended.get("passed").asBoolean()).as("%s", ended).isTrue();
    assertThat(ended.get("steps")).extracting(n -> n.get("state").asText()).containsExactly("done", "done");

    Http.Res html = http.get("/__admin/sessions/" + id + "/report?format=html", null);
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).contains("id=\"verdict\" class=\"pass\"");
    assertThat(http.get("/__admin/sessions/" + id + "/report?format=xml", null).body())
        .contains("name=\"check feed-follow\"");
    assertThat(http.get("/__admin/sessions/" + id + "/report", null).json().get("passed").asBoolean()).isTrue();
    assertThat(http.get("/__admin/sessions/" + id + "/report?format=pdf", null).status()).isEqualTo(400);
    assertThat(http.get("/__admin/sessions", null).json().get("items")).extracting(n -> n.get("session").asText())
        .containsExactly(id);
  }

  @Test
  void badSessionRequestsAreRefusedWithThePointerAndTheRule() {
    Http.Res unknown = http.post("/__admin/sessions", null, Map.of("scenario", "dpi-teleport"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().at("/violations/0/path").asText()).isEqualTo("/scenario");
    assertThat(unknown.body()).contains("dpi-prado").doesNotContain("teleport");

    Http.Res bad = http.post("/__admin/sessions", null, Map.of("scenario", Map.of("name", "mine", "unit",
        "U-CARDIO-HCL", "checks", List.of("telepathy"), "steps", List.of(Map.of("id", "a", "instruction",
            Map.of("fr", "x", "en", "x"))))));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().at("/violations/0/path").asText()).isEqualTo("/scenario/checks/0");
    assertThat(bad.body()).contains("no-pii-in-url").doesNotContain("telepathy");

    Http.Res idle = http.post("/__admin/sessions", null, Map.of("scenario", "dpi-prado", "idle", "forever"));
    assertThat(idle.json().at("/violations/0/path").asText()).isEqualTo("/idle");
    assertThat(vt.sessions()).as("nothing started by a refused request").isEmpty();
    assertThat(http.get("/v1/test-session", vt.demoToken(Role.REQUESTER)).status()).isEqualTo(404);
    assertThat(http.get("/__admin/scenarios", null).json().get("items")).extracting(n -> n.get("name").asText())
        .containsExactlyElementsOf(Scenarios.BUILT_IN);
  }

  @Test
  void oneRunningSessionPerUnitAndASessionTokenReachesNoOtherSessionsData() throws Exception {
    Session a = vt.startSession(Scenarios.builtIn("dpi-prado"));
    Http.Res again = http.post("/__admin/sessions", null, Map.of("scenario", "dpi-sanitaire"));
    assertThat(again.status()).as("dpi-sanitaire acts for the same unit").isEqualTo(409);
    assertThat(again.body()).contains(a.id());

    // another vendor's session, on a unit of its own: its token sees nothing of the first session
    com.fasterxml.jackson.databind.node.ObjectNode mine = (com.fasterxml.jackson.databind.node.ObjectNode)
        io.vtsdk.model.json.VtJson.newMapper().readTree(Scenarios.class.getResourceAsStream("dpi-prado.json"));
    mine.put("name", "dpi-prado-neuro").put("unit", "U-NEURO-CHU38");
    Session b = vt.startSession(Scenarios.parse(mine, "mine.json"));
    var step = a.begin().orElseThrow();
    String dossier = http.post("/v1/dossiers", a.token(), step.data().get("dossier"), "Idempotency-Key",
        UUID.randomUUID().toString()).json().get("id").asText();
    assertThat(http.get("/v1/dossiers/" + dossier, b.token()).status()).isEqualTo(404);
    assertThat(http.get("/v1/test-session", b.token()).json().get("session").asText()).isEqualTo(b.id());
    assertThat(http.get("/__admin/sessions/" + a.id(), b.token()).status()).isEqualTo(401);
    a.finish();
    assertThat(vt.startSession(Scenarios.builtIn("dpi-sanitaire")).scenario().unit())
        .as("the unit is free once the session ended").isEqualTo(UnitId.of("U-CARDIO-HCL"));
  }
}
