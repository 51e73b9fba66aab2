package io.vtsdk.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.model.patient.Regime;
import io.vtsdk.server.fixtures.VtFixtures;
import io.vtsdk.testkit.internal.JsonHttp;
import io.vtsdk.testkit.internal.JsonHttp.Res;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The VT API contract (DESIGN §5) as JUnit 5 tests that run against any implementation: extend this class and return
 * the {@link ConformanceTarget} to check.
 *
 * <pre>{@code
 * class MySandboxConformanceTest extends VtConformanceSuite {
 *   @Override
 *   protected ConformanceTarget target() {
 *     return ConformanceTarget.fromSystemProperties();   // or builder(...), or of(referenceServer)
 *   }
 * }
 * }</pre>
 *
 * <p>The suite only talks HTTP, needs no control API and only adds data: every test creates its own dossiers, so it
 * can run against a shared sandbox that already holds data. It checks what a client may rely on: status codes,
 * problem+json with a {@code type}, ETag/If-Match, Idempotency-Key replay, correlation ids, Accept-Language, roles and
 * unit isolation, the SANITAIRE and PRADO workflows, available actions, the change feed's cursor, directory search and
 * the OpenAPI document. It does not check implementation details (demo data, ids' format, message wording).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class VtConformanceSuite {
  private static final String PROBLEM_JSON = "application/problem+json";

  private ConformanceTarget target;
  private JsonHttp http;
  private VtFixtures fixtures;

  /** The implementation to check; called before each test. */
  protected abstract ConformanceTarget target();

  @BeforeEach
  final void connect() {
    target = target();
    assertNotNull(target, "target() returned null");
    http = new JsonHttp(target.baseUrl());
    fixtures = VtFixtures.seeded(System.nanoTime(), LocalDate.now(ZoneOffset.UTC));
  }

  // ------------------------------------------------------------------------------------------------ basics

  @Test
  @DisplayName("GET /v1/health answers 200 without a token and echoes X-Correlation-Id")
  void healthAndCorrelationId() {
    Res r = http.get("/v1/health", null, "X-Correlation-Id", "conformance-1");
    assertStatus(200, r);
    assertEquals("conformance-1", r.header("X-Correlation-Id"), "correlation id echoed");
    assertNotNull(http.get("/v1/health", null).header("X-Correlation-Id"), "a correlation id is generated");
  }

  @Test
  @DisplayName("GET /v1/openapi.json is an OpenAPI 3.1 document listing the dossier and request routes")
  void openApiDocument() {
    Res r = http.get("/v1/openapi.json", null);
    assertStatus(200, r);
    JsonNode doc = r.json();
    assertTrue(doc.path("openapi").asText().startsWith("3.1"), "openapi version: " + doc.path("openapi"));
    for (String path : List.of("/v1/dossiers", "/v1/dossiers/{id}", "/v1/dossiers/{id}/requests",
        "/v1/requests/{id}/responses", "/v1/events")) {
      assertTrue(doc.path("paths").has(path), "paths has " + path);
    }
  }

  @Test
  @DisplayName("Calls without a valid bearer token get 401 problem+json")
  void unauthenticated() {
    assertProblem(401, http.get("/v1/dossiers", null));
    assertProblem(401, http.get("/v1/dossiers", "not-a-token"));
    assertProblem(401, http.post("/v1/dossiers", null, dossier(VtModule.SANITAIRE)));
  }

  // ------------------------------------------------------------------------------------------------ dossiers

  @Test
  @DisplayName("A valid dossier of each module the requester may send is created: 201, Location, ETag, DRAFT")
  void createEveryModule() {
    for (VtModule module : requesterModules()) {
      Res r = http.post("/v1/dossiers", target.requester().token(), dossier(module));
      assertStatus(201, r);
      String id = r.json().path("id").asText();
      assertFalse(id.isBlank(), module + ": id assigned");
      assertEquals("DRAFT", r.json().path("status").asText(), module + ": status");
      assertNotNull(r.header("ETag"), module + ": ETag");
      assertTrue(String.valueOf(r.header("Location")).endsWith("/v1/dossiers/" + id), module + ": Location");
      Res validated = http.post("/v1/dossiers/" + id + "/validate?stage=submission", target.requester().token(),
          null);
      assertStatus(200, validated);
      assertTrue(validated.json().path("valid").asBoolean(), module + " valid at submission: " + validated);
    }
  }

  @Test
  @DisplayName("PUT needs If-Match: 428 without, 412 with a stale ETag (and the current version), 200 otherwise")
  void optimisticConcurrency() {
    Res created = create(VtModule.SANITAIRE);
    String id = created.json().path("id").asText();
    String etag = created.header("ETag");
    String token = target.requester().token();
    assertProblem(428, http.put("/v1/dossiers/" + id, token, created.body()));
    Res updated = http.put("/v1/dossiers/" + id, token, created.body(), "If-Match", etag);
    assertStatus(200, updated);
    assertNotEquals(etag, updated.header("ETag"), "ETag changes on update");
    Res stale = http.put("/v1/dossiers/" + id, token, created.body(), "If-Match", etag);
    assertProblem(412, stale);
    assertEquals(updated.header("ETag"), http.get("/v1/dossiers/" + id, token).header("ETag"),
        "the stale write changed nothing");
  }

  @Test
  @DisplayName("Idempotency-Key: a replay returns the stored response; the same key with another body is 422")
  void idempotency() {
    String key = "conformance-" + UUID.randomUUID();
    Dossier d = dossier(VtModule.SANITAIRE);
    String token = target.requester().token();
    Res first = http.post("/v1/dossiers", token, d, "Idempotency-Key", key);
    assertStatus(201, first);
    Res again = http.post("/v1/dossiers", token, d, "Idempotency-Key", key);
    assertStatus(201, again);
    assertEquals(first.json().path("id"), again.json().path("id"), "replay returns the same dossier");
    assertProblem(422, http.post("/v1/dossiers", token, dossier(VtModule.PRADO), "Idempotency-Key", key));
  }

  @Test
  @DisplayName("Bad bodies get 4xx problem+json, never 5xx, and create nothing")
  void badInput() {
    String token = target.requester().token();
    int before = countDossiers(token);
    String valid = JsonHttp.text(dossier(VtModule.SANITAIRE));
    for (String bad : List.of("{not json", "[1,2]", "{}", "{\"module\":\"NOPE\"}",
        valid.replaceFirst("\"birthDate\":\"[0-9-]+\"", "\"birthDate\":{\"a\":1}"),
        valid.replaceFirst("\"postalCode\":\"[0-9]+\"", "\"postalCode\":\"6\""))) {
      Res r = http.post("/v1/dossiers", token, bad);
      assertTrue(r.status() == 400 || r.status() == 422, "400 or 422 for " + abbreviate(bad) + ", got " + r);
      assertProblem(r.status(), r);
    }
    assertEquals(before, countDossiers(token), "nothing was written");
  }

  @Test
  @DisplayName("Validation problems list violations with a JSON-pointer path and a code, in the asked language")
  void violationsAndLanguage() {
    String bad = JsonHttp.text(dossier(VtModule.SANITAIRE))
        .replaceFirst("\"postalCode\":\"[0-9]+\"", "\"postalCode\":\"6\"");
    Res fr = http.post("/v1/dossiers", target.requester().token(), bad, "Accept-Language", "fr");
    Res en = http.post("/v1/dossiers", target.requester().token(), bad, "Accept-Language", "en");
    assertProblem(422, fr);
    JsonNode violation = fr.json().path("violations").path(0);
    assertEquals("/patient/address/postalCode", violation.path("path").asText(), "path: " + fr);
    assertFalse(violation.path("code").asText().isBlank(), "a stable code");
    assertEquals(violation.path("code"), en.json().path("violations").path(0).path("code"), "same code in en");
    assertNotEquals(violation.path("message").asText(),
        en.json().path("violations").path(0).path("message").asText(), "message follows Accept-Language");
  }

  // ------------------------------------------------------------------------------------------------ workflows

  @Test
  @DisplayName("SANITAIRE: send, the receiver reads and accepts, the requester confirms admission")
  void sanitaireHappyPath() {
    String dossier = create(VtModule.SANITAIRE).json().path("id").asText();
    String request = send(dossier, target.receiver().unit().value());
    String receiver = target.receiver().token();

    Res inbox = http.get("/v1/requests?dossier=" + dossier, receiver);
    assertStatus(200, inbox);
    assertEquals(Set.of(request), ids(inbox.json().path("items")), "the receiver sees the request");
    assertStatus(200, http.get("/v1/dossiers/" + dossier, receiver));
    assertTrue(actions(request, receiver).containsAll(Set.of("READ", "ACCEPT", "REFUSE")),
        "receiver's actions: " + actions(request, receiver));

    assertStatus(200, http.post("/v1/requests/" + request + "/read", receiver, null));
    Res accepted = http.post("/v1/requests/" + request + "/responses", receiver,
        Map.of("kind", "ACCEPTED", "proposedEntryDate", fixtures.today().plusDays(3).toString()));
    assertStatus(200, accepted);
    assertEquals("ACCEPTED", accepted.json().path("status").asText());

    Res confirmed = http.post("/v1/requests/" + request + "/confirm-admission", target.requester().token(), null);
    assertStatus(200, confirmed);
    assertEquals("ADMISSION_CONFIRMED", confirmed.json().path("status").asText());
    assertEquals("ADMISSION_CONFIRMED", http.get("/v1/dossiers/" + dossier, target.requester().token()).json()
        .path("status").asText(), "dossier status follows");
  }

  @Test
  @DisplayName("HNP: the service accepts with an admission time (422 without it, nothing written); redirecting names"
      + " the service")
  void hnpDirectAdmission() {
    ConformanceTarget.Party service = target.hnpService().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(service != null, "the target runs no HNP service");
    String token = service.token();
    Dossier hnp = dossier(VtModule.HNP);
    String first = http.post("/v1/dossiers", target.requester().token(), hnp).json().path("id").asText();
    String request = send(first, service.unit().value());
    assertTrue(actions(request, token).containsAll(Set.of("READ", "ACCEPT", "REFUSE", "ORIENT_ELSEWHERE")),
        "service's actions: " + actions(request, token));
    Res noTime = http.post("/v1/requests/" + request + "/responses", token, Map.of("kind", "ACCEPTED"));
    assertStatus(422, noTime);
    assertEquals("/admissionAt", noTime.json().path("violations").path(0).path("path").asText(), "pointer");
    assertEquals("SENT", http.get("/v1/requests/" + request, token).json().path("status").asText(),
        "a refused answer writes nothing");
    String at = java.time.Instant.now().plus(java.time.Duration.ofHours(2)).toString();
    Res accepted = http.post("/v1/requests/" + request + "/responses", token,
        Map.of("kind", "ACCEPTED", "admissionAt", at));
    assertStatus(200, accepted);
    assertEquals("ACCEPTED", accepted.json().path("status").asText());
    assertEquals(java.time.Instant.parse(at), java.time.Instant.parse(accepted.json().path("responses").path(0)
        .path("admissionAt").asText()), "admission time kept");

    String second = http.post("/v1/dossiers", target.requester().token(), dossier(VtModule.HNP)).json().path("id")
        .asText();
    String other = send(second, service.unit().value());
    Res redirected = http.post("/v1/requests/" + other + "/responses", token,
        Map.of("kind", "REDIRECTED", "comment", "Relève de la pneumologie"));
    assertStatus(200, redirected);
    assertEquals("ORIENTED_ELSEWHERE", redirected.json().path("status").asText());
  }

  @Test
  @DisplayName("Illegal transitions are 409 with from/action/role; actions of another role are 403; nothing changes")
  void refusals() {
    String dossier = create(VtModule.SANITAIRE).json().path("id").asText();
    String request = send(dossier, target.receiver().unit().value());
    Res early = http.post("/v1/requests/" + request + "/confirm-admission", target.requester().token(), null);
    assertProblem(409, early);
    assertEquals("SENT", early.json().path("from").asText());
    assertEquals("CONFIRM_ADMISSION", early.json().path("action").asText());
    assertEquals("REQUESTER", early.json().path("role").asText());

    Res wrongRole = http.post("/v1/requests/" + request + "/responses", target.requester().token(),
        Map.of("kind", "ACCEPTED"));
    assertProblem(403, wrongRole);
    Res unknownKind = http.post("/v1/requests/" + request + "/responses", target.receiver().token(),
        Map.of("kind", "MAYBE"));
    assertProblem(400, unknownKind);
    assertEquals("SENT", http.get("/v1/requests/" + request, target.requester().token()).json().path("status")
        .asText(), "the refused calls changed nothing");
  }

  @Test
  @DisplayName("A unit sees only what concerns it: another unit gets 403/404 and empty lists")
  void unitIsolation() {
    String dossier = create(VtModule.SANITAIRE).json().path("id").asText();
    String outsider = target.outsiderToken();
    assertHidden(http.get("/v1/dossiers/" + dossier, target.receiver().token()), "not sent to the receiver yet");
    String request = send(dossier, target.receiver().unit().value());
    assertHidden(http.get("/v1/dossiers/" + dossier, outsider), "dossier");
    assertHidden(http.get("/v1/requests/" + request, outsider), "request");
    assertHidden(http.post("/v1/requests/" + request + "/read", outsider, null), "read");
    Res list = http.get("/v1/requests?dossier=" + dossier, outsider);
    if (list.status() == 200) {
      assertTrue(list.json().path("items").isEmpty(), "outsider's list is empty: " + list);
    } else {
      assertHidden(list, "request list");
    }
  }

  @Test
  @DisplayName("PRADO: the CPAM of the patient declares eligibility then records adhesion")
  void pradoThroughTheCpam() {
    String dossier = create(VtModule.PRADO).json().path("id").asText();
    String request = send(dossier, target.cpam().unit().value());
    String cpam = target.cpam().token();
    assertTrue(actions(request, cpam).contains("DECLARE_ELIGIBLE_ADMINISTRATIVELY"), "CPAM's actions");
    Res eligible = http.post("/v1/requests/" + request + "/responses", cpam,
        Map.of("kind", "PRADO_ELIGIBLE_ADMINISTRATIVELY"));
    assertStatus(200, eligible);
    assertEquals("ELIGIBLE_ADMINISTRATIVELY", eligible.json().path("status").asText());
    Res noMotif = http.post("/v1/requests/" + request + "/responses", cpam, Map.of("kind", "PRADO_NON_ADHESION"));
    assertProblem(422, noMotif);
    Res adhesion = http.post("/v1/requests/" + request + "/responses", cpam, Map.of("kind", "PRADO_ADHESION"));
    assertStatus(200, adhesion);
    assertEquals("ADHESION", adhesion.json().path("status").asText());
  }

  @Test
  @DisplayName("The change feed lists the dossier's events in order; re-reading from a cursor gives the same events")
  void changeFeed() {
    String token = target.requester().token();
    String start = lastCursor(token);
    String dossier = create(VtModule.SANITAIRE).json().path("id").asText();
    send(dossier, target.receiver().unit().value());
    List<JsonNode> events = eventsAfter(start, token);
    List<String> types = new ArrayList<>();
    for (JsonNode e : events) {
      if (dossier.equals(e.path("dossierId").asText())) {
        types.add(e.path("type").asText());
      }
    }
    assertEquals(List.of("dossier.created", "request.sent"), types, "events of the new dossier");
    assertEquals(events, eventsAfter(start, token), "a cursor is stable");
    assertTrue(eventsAfter(lastCursor(token), token).isEmpty(), "nothing after the last cursor");
  }

  @Test
  @DisplayName("Directory search by module finds the receiver and the CPAM; unknown codes are 400")
  void directory() {
    String token = target.requester().token();
    Res smr = http.get("/v1/units?module=SANITAIRE", token);
    assertStatus(200, smr);
    assertTrue(ids(smr.json().path("items")).contains(target.receiver().unit().value()), "receiver listed");
    Res prado = http.get("/v1/units?module=PRADO", token);
    assertTrue(ids(prado.json().path("items")).contains(target.cpam().unit().value()), "CPAM listed");
    assertStatus(200, http.get("/v1/units/" + target.receiver().unit().value(), token));
    assertProblem(400, http.get("/v1/units?module=HOTEL", token));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private Dossier dossier(VtModule module) {
    Dossier d = fixtures.dossier(module).build();
    Insurance i = d.patient().insurance();
    return d.toBuilder()
        .requester(new Requester(target.requester().unit(), d.requester().professional()))
        .patient(d.patient().toBuilder().insurance(new Insurance(i == null ? Regime.GENERAL : i.regime(), false,
            false, true, target.cpamCode())).build())
        .build();
  }

  /** The modules whose requests the requester sends (every module described, but Handicap's MDPH notifications). */
  private static List<VtModule> requesterModules() {
    return io.vtsdk.model.module.VtModules.all().stream()
        .filter(d -> d.workflow().senders().contains(io.vtsdk.model.workflow.Role.REQUESTER))
        .map(io.vtsdk.model.module.ModuleDescriptor::module).toList();
  }

  private Res create(VtModule module) {
    Res r = http.post("/v1/dossiers", target.requester().token(), dossier(module));
    assertStatus(201, r);
    return r;
  }

  private String send(String dossier, String unit) {
    Res r = http.post("/v1/dossiers/" + dossier + "/requests", target.requester().token(),
        Map.of("units", List.of(unit)));
    assertStatus(201, r);
    JsonNode items = r.json().path("items");
    assertEquals(1, items.size(), "one request per unit: " + r);
    return items.path(0).path("id").asText();
  }

  private Set<String> actions(String request, String token) {
    Res r = http.get("/v1/requests/" + request + "/available-actions", token);
    assertStatus(200, r);
    Set<String> out = new java.util.TreeSet<>();
    r.json().path("actions").forEach(a -> out.add(a.asText()));
    return out;
  }

  private int countDossiers(String token) {
    int n = 0;
    String cursor = null;
    do {
      Res r = http.get("/v1/dossiers?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), token);
      assertStatus(200, r);
      n += r.json().path("items").size();
      cursor = r.json().hasNonNull("nextCursor") ? r.json().get("nextCursor").asText() : null;
    } while (cursor != null);
    return n;
  }

  private String lastCursor(String token) {
    String cursor = "0";
    while (true) {
      Res r = http.get("/v1/events?limit=1000&after=" + cursor, token);
      assertStatus(200, r);
      String next = r.json().path("nextCursor").asText(cursor);
      if (r.json().path("items").isEmpty() || next.equals(cursor)) {
        return next;
      }
      cursor = next;
    }
  }

  private List<JsonNode> eventsAfter(String cursor, String token) {
    Res r = http.get("/v1/events?limit=1000&after=" + cursor, token);
    assertStatus(200, r);
    List<JsonNode> out = new ArrayList<>();
    r.json().path("items").forEach(out::add);
    return out;
  }

  private static Set<String> ids(JsonNode items) {
    Set<String> out = new java.util.TreeSet<>();
    items.forEach(i -> out.add(i.path("id").asText()));
    return out;
  }

  private static void assertStatus(int expected, Res r) {
    if (r.status() != expected) {
      fail("expected HTTP " + expected + ", got " + abbreviate(r.toString()));
    }
  }

  private static void assertProblem(int expected, Res r) {
    assertStatus(expected, r);
    assertEquals(PROBLEM_JSON, mediaType(r.header("Content-Type")), "problem+json for " + r);
    JsonNode p = r.json();
    assertTrue(p instanceof ObjectNode && p.hasNonNull("type") && p.hasNonNull("title"), "type and title: " + r);
    assertEquals(expected, p.path("status").asInt(), "status member");
  }

  private static void assertHidden(Res r, String what) {
    assertTrue(r.status() == 403 || r.status() == 404, what + ": expected 403 or 404, got " + abbreviate(r.toString()));
    assertProblem(r.status(), r);
  }

  private static String mediaType(String contentType) {
    return contentType == null ? null : contentType.split(";")[0].trim();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
