package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.scenarios.Report;
import io.vtsdk.server.scenarios.Scenarios;
import io.vtsdk.server.scenarios.Session;
import io.vtsdk.testkit.junit.VtScenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 39: the project's own client passes every DPI scenario; a client wrong in one way fails exactly that check.
 */
class ScenariosTest {
  private ReferenceServer vt;

  @BeforeEach
  void start() {
    vt = ReferenceServer.builder().build().start();
    vt.setClock(java.time.Instant.parse("2026-11-23T08:00:00Z"));
  }

  @AfterEach
  void stop() {
    vt.close();
  }

  static List<String> dpiScenarios() {
    return Scenarios.BUILT_IN.stream().filter(n -> n.startsWith("dpi-")).toList();
  }

  /**
   * An EHR built on vt-client, as a vendor would write it: it acts on each step's instruction, keeps its change-feed
   * cursor, and on a 412 reads the dossier again and applies its change to the new version.
   */
  static final class ClientEhr implements Consumer<VtScenarios.Step> {
    private final List<AdmissionRequest> sent = new ArrayList<>();
    private final WatermarkStore cursor = WatermarkStore.inMemory();
    private final List<UnitId> units = new ArrayList<>();
    private VtClient client;
    private Dossier created;

    @Override
    public void accept(VtScenarios.Step s) {
      if (client == null) {
        client = VtClient.builder().baseUrl(s.server().baseUrl()).tokenProvider(TokenProvider.of(s.token())).build();
      }
      com.fasterxml.jackson.databind.JsonNode data = s.step().data();
      if (data != null && data.has("units")) {
        units.clear();
        data.get("units").forEach(u -> units.add(UnitId.of(u.asText())));
      }
      switch (s.step().id()) {
        case "create" -> create(data);
        case "send" -> {
          if (created == null) {
            create(data);
          }
          sent.addAll(client.dossiers().send(created.id(), units));
        }
        case "update" -> {
          try {
            created = client.dossiers().update(created);
          } catch (VtApiException.ConcurrentModification e) { // someone else saved it: re-read, apply, save
            created = client.dossiers().update(client.dossiers().get(created.id()));
          }
        }
        case "confirm" -> {
          for (AdmissionRequest r : sent) {
            if (client.requests().get(r.id()).status() == RequestStatus.ACCEPTED) {
              client.requests().confirmAdmission(r.id());
            }
          }
        }
        default -> client.events().sync(cursor, e -> { }).syncOnce(); // follow the feed from where it was
      }
    }

    private void create(com.fasterxml.jackson.databind.JsonNode data) {
      created = client.dossiers().create(VtJson.newMapper().convertValue(data.get("dossier"), Dossier.class));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dpiScenarios")
  void vtClientPassesEveryDpiScenario(String scenario) {
    Report report = VtScenarios.run(vt, scenario, new ClientEhr());
    assertThat(report.passed()).isTrue();
    assertThat(report.checks()).extracting(Report.Verdict::check).contains("contract", "idempotency-key",
        "no-pii-in-url", "feed-follow");
    assertThat(report.toJUnitXml()).contains("name=\"check idempotency-key\"").doesNotContain("<failure");
  }

  /** A raw HTTP EHR: right in everything but the faults it is asked to make. */
  private static String call(VtScenarios.Step s, String method, String path, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.server().baseUrl() + path))
        .header("Authorization", "Bearer " + s.token()).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the step's dossier with raw HTTP; {@code key} false leaves Idempotency-Key out. */
  private static String sendRaw(VtScenarios.Step s, boolean key) {
    String dossier = s.step().data().get("dossier").toString();
    String created = key ? call(s, "POST", "/v1/dossiers", dossier, "Idempotency-Key", java.util.UUID.randomUUID()
        .toString()) : call(s, "POST", "/v1/dossiers", dossier);
    String id = readId(created);
    String units = s.step().data().get("units").toString();
    call(s, "POST", "/v1/dossiers/" + id + "/requests", "{\"units\":" + units + "}", key
        ? new String[] {"Idempotency-Key", java.util.UUID.randomUUID().toString()} : new String[0]);
    return id;
  }

  private static String readId(String json) {
    try {
      return VtJson.newMapper().readTree(json).get("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Report runRaw(java.util.function.BiConsumer<VtScenarios.Step, String> extra, boolean key) {
    Session session = VtScenarios.start(vt, "dpi-prado");
    for (var s = session.begin(); s.isPresent(); s = session.begin()) {
      VtScenarios.Step step = new VtScenarios.Step(s.get(), session.token(), vt);
      if (s.get().id().equals("send")) {
        extra.accept(step, sendRaw(step, key));
      }
      session.end();
    }
    return session.finish();
  }

  @Test
  void aClientWithoutIdempotencyKeysFailsExactlyThatCheck() {
    Report r = runRaw((s, id) -> { }, false);
    assertThat(r.failedChecks()).containsExactly("idempotency-key");
    assertThat(r.toJUnitXml()).contains("name=\"check idempotency-key\"><failure");
    assertThat(r.toJson().get("passed").asBoolean()).isFalse();
    assertThatThrownBy(() -> VtScenarios.run(vt, "dpi-prado", s -> {
      if (s.step().id().equals("send")) {
        sendRaw(s, false);
      }
    })).isInstanceOf(AssertionError.class).hasMessageContaining("check idempotency-key")
        .hasMessageNotContaining("check no-pii-in-url");
  }

  @Test
  void aNirInAQueryStringFailsExactlyNoPiiInUrlAndTheReportDoesNotRepeatIt() {
    String nir = "2480569123456";
    Report r = runRaw((s, id) -> call(s, "GET", "/v1/dossiers?nir=" + nir, null), true);
    assertThat(r.failedChecks()).containsExactly("no-pii-in-url");
    assertThat(r.toJson().toString()).doesNotContain(nir);
    assertThat(r.toHtml()).doesNotContain(nir).contains("data-check=\"no-pii-in-url\" class=\"fail\"");
  }

  @Test
  void anUpdateWithoutIfMatchFailsExactlyIfMatch() {
    Report r = runRaw((s, id) -> call(s, "PUT", "/v1/dossiers/" + id, s.step().data().get("dossier").toString()),
        true);
    assertThat(r.failedChecks()).containsExactly("if-match");
  }

  @Test
  void aStepWhoseOutcomeNeverComesFailsStateReached() {
    Session session = VtScenarios.start(vt, "dpi-prado");
    session.begin();
    session.end(); // nothing sent
    Report r = session.finish();
    assertThat(r.failedChecks()).containsExactly("state-reached");
    assertThat(r.steps()).extracting(s -> s.step() + " " + s.reached()).containsExactly("send false", "follow false");
  }

  /** dpi-prado whose first create answers 503 with Retry-After: {@code seconds}. */
  private io.vtsdk.server.scenarios.Scenario withA503OnTheFirstCreate(int seconds) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
        VtJson.newMapper().readTree(ScenariosTest.class.getResourceAsStream(
            "/io/vtsdk/server/scenarios/dpi-prado.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("steps").get(0)).putArray("faults").addObject()
        .put("method", "POST").put("path", "/v1/dossiers").put("kind", "STATUS").put("status", 503)
        .put("retryAfterSeconds", seconds).put("times", 1);
    return Scenarios.parse(root, "dpi-prado-503.json");
  }

  @Test
  void vtClientWaitsAsRetryAfterSaysAndAClientRetryingAtOnceFailsExactlyRetryAfter() throws Exception {
    Session good = vt.startSession(withA503OnTheFirstCreate(1));
    ClientEhr ehr = new ClientEhr();
    for (var s = good.begin(); s.isPresent(); s = good.begin()) {
      ehr.accept(new VtScenarios.Step(s.get(), good.token(), vt));
      good.end();
    }
    Report passed = good.finish();
    assertThat(passed.failedChecks()).isEmpty();
    assertThat(good.exchanges()).extracting(e -> e.route() + " " + e.status()).startsWith("/v1/dossiers 503",
        "/v1/dossiers 201");

    // 30 s: a retry "at once" is far under it however busy the machine
    Session hasty = vt.startSession(withA503OnTheFirstCreate(30));
    for (var s = hasty.begin(); s.isPresent(); s = hasty.begin()) {
      VtScenarios.Step step = new VtScenarios.Step(s.get(), hasty.token(), vt);
      if (s.get().id().equals("send")) {
        String key = java.util.UUID.randomUUID().toString();
        String dossier = s.get().data().get("dossier").toString();
        call(step, "POST", "/v1/dossiers", dossier, "Idempotency-Key", key); // 503, Retry-After: 30
        String id = readId(call(step, "POST", "/v1/dossiers", dossier, "Idempotency-Key", key)); // at once
        call(step, "POST", "/v1/dossiers/" + id + "/requests", "{\"units\":" + s.get().data().get("units") + "}",
            "Idempotency-Key", java.util.UUID.randomUUID().toString());
      }
      hasty.end();
    }
    Report failed = hasty.finish();
    assertThat(failed.failedChecks()).containsExactly("retry-after");
    assertThat(failed.checks().stream().filter(v -> !v.passed()).findFirst().orElseThrow().evidence().get(0))
        .startsWith("POST /v1/dossiers → 201: sent ").endsWith("after an answer saying Retry-After: 30");
  }

  @Test
  void aBadScenarioFileIsRefusedWithItsPointerAndAnUnknownCheckIsNamed(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("mine.json"), """
        {"name": "mine", "unit": "U-CARDIO-HCL", "checks": ["state-reached", "telepathy"],
         "steps": [{"id": "a", "instruction": {"fr": "x", "en": "x"}}]}
        """);
    assertThatThrownBy(() -> Scenarios.read(file)).isInstanceOfSatisfying(io.vtsdk.server.InvalidFileException.class,
        e -> {
          assertThat(e.location()).isEqualTo("/checks/1");
          assertThat(e.rule()).contains("idempotency-key", "no-pii-in-url");
        });
    java.nio.file.Path step = java.nio.file.Files.writeString(dir.resolve("step.json"), """
        {"name": "mine", "unit": "U-CARDIO-HCL", "checks": ["state-reached"],
         "steps": [{"id": "a", "instruction": {"fr": "x", "en": "x"}, "expect": {"requests": {"MAYBE": 1}}}]}
        """);
    assertThatThrownBy(() -> Scenarios.read(step)).isInstanceOfSatisfying(io.vtsdk.server.InvalidFileException.class,
        e -> assertThat(e.location()).isEqualTo("/steps/0/expect/requests/MAYBE"));
    assertThatThrownBy(() -> Scenarios.builtIn("dpi-teleport")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dpi-prado");
  }
}
