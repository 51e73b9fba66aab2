package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.api.testing.OpenApiContract;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The server answers as its OpenAPI document says: a scenario calls every documented operation, as each role would,
 * with good and bad input. Every answer (status, content type, JSON body against the schema, formats asserted) and
 * every request body the server accepted are checked against the document, and every operation must have been
 * answered 2xx.
 */
@VtServerTest
class OpenApiConformanceTest {
  static final OpenApiContract CONTRACT = OpenApiContract.load();

  ReferenceServer vt;
  Http http;
  final List<String> problems = new ArrayList<>();
  final Set<String> answered = new TreeSet<>();

  /** One call, checked both ways. */
  Http.Res call(String method, String path, String token, Object body, String... headers) {
    String op = CONTRACT.operation(method, path).orElseThrow(() -> new AssertionError(method + " " + path
        + " is not in the document"));
    Http.Res r = switch (method) {
      case "GET" -> http.get(path, token, headers);
      case "PUT" -> http.put(path, token, body, headers);
      default -> http.post(path, token, body, headers);
    };
    problems.addAll(CONTRACT.checkAnswer(op, r.status(), r.header("Content-Type"), r.body()));
    if (r.status() / 100 == 2) {
      // what the server accepted, the document allows
      if (body != null) {
        problems.addAll(CONTRACT.checkRequest(op, "application/json", Http.text(body)));
      }
      answered.add(op);
    }
    return r;
  }

  /** A streamed answer: its status, type and first block (the stream goes on: it is closed after that). */
  void stream(String path, String token) throws Exception {
    String op = CONTRACT.operation("GET", path).orElseThrow();
    java.net.http.HttpResponse<java.io.InputStream> r = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(vt.url(path)).header("Authorization", "Bearer " + token).build(),
        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    StringBuilder first = new StringBuilder();
    try (java.io.InputStream in = r.body()) {
      int c;
      while (!first.toString().contains("stream.open") && (c = in.read()) >= 0) {
        first.append((char) c);
      }
    }
    String type = r.headers().firstValue("Content-Type").orElse(null);
    problems.addAll(CONTRACT.checkAnswer(op, r.statusCode(), type, first.toString()));
    if (r.statusCode() == 200) {
      answered.add(op);
    }
  }

  @Test
  void everyOperationAnswersAsDocumented(ReferenceServer server) throws Exception {
    vt = server;
    http = new Http(server);
    vt.setClock(Fixtures.NOW);
    String requester = vt.demoToken(Role.REQUESTER);
    String receiver = vt.demoToken(Role.RECEIVER);
    String cpam = vt.demoToken(Role.CPAM);
    String mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    String ime = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);

    call("GET", "/v1/health", null, null);
    io.vtsdk.server.scenarios.Session session = vt.startSession(
        io.vtsdk.server.scenarios.Scenarios.builtIn("dpi-prado"));
    session.begin(); // a step under way: the answer carries its instruction and data
    call("GET", "/v1/test-session", session.token(), null);
    session.finish();
    call("GET", "/v1/units?module=SANITAIRE&departement=69", requester, null);
    call("GET", "/v1/units/SMR-CARDIO-69", requester, null);

    // Sanitaire: draft, read, update, validate, eligibility, preflight, send, attach
    Http.Res created = call("POST", "/v1/dossiers", requester, Fixtures.sanitaire());
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    call("GET", "/v1/dossiers?module=SANITAIRE&status=DRAFT&limit=5", requester, null);
    Http.Res read = call("GET", "/v1/dossiers/" + id, requester, null);
    assertThat(call("GET", "/v1/dossiers/" + id, requester, null, "If-None-Match", read.header("ETag")).status())
        .isEqualTo(304);
    JsonNode dossier = read.json();
    assertThat(call("PUT", "/v1/dossiers/" + id, requester, dossier.toString(), "If-Match", read.header("ETag"))
        .status()).isEqualTo(200);
    assertThat(call("PUT", "/v1/dossiers/" + id, requester, dossier.toString(), "If-Match", read.header("ETag"))
        .status()).as("stale").isEqualTo(412);
    call("POST", "/v1/dossiers/" + id + "/validate?stage=SUBMISSION", requester, null);
    assertThat(call("POST", "/v1/dossiers/" + id + "/eligibility", requester, "{}").status()).as("no SMR rule set")
        .isEqualTo(422);
    call("POST", "/v1/dossiers/" + id + "/preflight", requester, Map.of("units", List.of("SMR-CARDIO-69")));
    Http.Res upload = Http.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + "/v1/dossiers/" + id
        + "/attachments?fileName=cr.pdf")).header("Authorization", "Bearer " + requester)
        .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofString("%PDF-1.4 x")).build());
    problems.addAll(CONTRACT.checkAnswer("POST /v1/dossiers/{id}/attachments", upload.status(),
        upload.header("Content-Type"), upload.body()));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    answered.add("POST /v1/dossiers/{id}/attachments");
    Http.Res download = call("GET", "/v1/attachments/" + upload.json().get("id").asText(), requester, null);
    assertThat(download.body()).isEqualTo("%PDF-1.4 x");
    Http.Res sent = call("POST", "/v1/dossiers/" + id + "/requests", requester,
        Map.of("units", List.of("SMR-CARDIO-69")));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    String request = sent.json().at("/items/0/id").asText();

    // the receiving unit reads and accepts; the requester confirms
    call("GET", "/v1/requests?status=SENT", receiver, null);
    call("GET", "/v1/requests/" + request, receiver, null);
    JsonNode actions = call("GET", "/v1/requests/" + request + "/available-actions", receiver, null).json();
    assertThat(actions.get("responseKinds").toString()).contains("ACCEPTED", "REFUSED", "WAITING_LIST");
    call("POST", "/v1/requests/" + request + "/read", receiver, null);
    call("POST", "/v1/requests/" + request + "/responses", receiver,
        Response.of(ResponseKind.ACCEPTED, null, null, null));
    call("POST", "/v1/requests/" + request + "/confirm-admission", requester, null);

    // another one, cancelled
    String second = call("POST", "/v1/dossiers", requester, Fixtures.sanitaire()).json().get("id").asText();
    String toCancel = call("POST", "/v1/dossiers/" + second + "/requests", requester,
        Map.of("units", List.of("SMR-CARDIO-69"))).json().at("/items/0/id").asText();
    call("POST", "/v1/requests/" + toCancel + "/cancel", requester, null);

    // Prado: the CPAM answers
    String prado = call("POST", "/v1/dossiers", requester, Fixtures.prado()).json().get("id").asText();
    assertThat(call("POST", "/v1/dossiers/" + prado + "/eligibility", requester,
        Map.of("date", "2026-11-23")).json().get("trace")).isNotEmpty();
    String pradoRequest = call("POST", "/v1/dossiers/" + prado + "/requests", requester,
        Map.of("units", List.of("CPAM-691"))).json().at("/items/0/id").asText();
    call("POST", "/v1/requests/" + pradoRequest + "/responses", cpam,
        Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, "Dossier complet", null));

    // Handicap: the MDPH notifies, the ESMS reports statuses and keeps its waiting list
    String handicap = call("POST", "/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
        .requester(new Requester(UnitId.of("MDPH-69"), null)).build()).json().get("id").asText();
    String notification = call("POST", "/v1/dossiers/" + handicap + "/requests", mdph,
        Map.of("units", List.of("IME-69"))).json().at("/items/0/id").asText();
    for (String code : List.of("40", "41", "42", "72")) {
      assertThat(call("POST", "/v1/requests/" + notification + "/esms-statuses", ime,
          HandicapEndToEndTest.status(code, null)).status()).isEqualTo(200);
    }
    call("GET", "/v1/requests/" + notification + "/esms-statuses", mdph, null);
    call("GET", "/v1/waiting-lists", ime, null);
    call("GET", "/v1/accompanied-requests", vt.demoToken(Role.ACCOMPAGNANT), null);
    call("GET", "/v1/accompanied-requests", ime, null); // 403: an accompagnant's dashboard

    // the observatory and the feed
    call("GET", "/v1/indicators/requests?module=SANITAIRE", requester, null);
    call("GET", "/v1/indicators/waiting-lists", mdph, null);
    String observer = vt.demoToken(Role.OBSERVER);
    call("GET", "/v1/observatory/scopes", observer, null);
    call("GET", "/v1/observatory/tuv?by=quarter&group=establishment-volet", cpam, null);
    call("GET", "/v1/observatory/tuv/chart?lang=en", observer, null);
    call("GET", "/v1/observatory/handicap", mdph, null);
    call("GET", "/v1/observatory/handicap/chart?indicator=waiting-list/category", observer, null);
    assertThat(call("GET", "/v1/observatory/tuv?by=week", observer, null).status()).isEqualTo(400);
    assertThat(call("GET", "/v1/observatory/handicap", cpam, null).status()).isEqualTo(403);
    JsonNode events = call("GET", "/v1/events?limit=3", requester, null).json();
    call("GET", "/v1/events?after=" + events.get("nextCursor").asText() + "&limit=100", requester, null);
    stream("/v1/events/stream?after=" + events.get("nextCursor").asText(), requester);

    // refusals are documented problems too
    assertThat(call("GET", "/v1/dossiers/" + id, null, null).status()).isEqualTo(401);
    assertThat(call("GET", "/v1/dossiers/NOPE-1", requester, null).status()).isEqualTo(404);
    assertThat(call("POST", "/v1/dossiers", requester, "{\"module\":\"SANITAIRE\",\"x\":1}").status()).isEqualTo(400);
    assertThat(call("POST", "/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of())).status())
        .isEqualTo(422);
    assertThat(call("POST", "/v1/requests/" + request + "/cancel", receiver, null).status()).isIn(403, 409);

    assertThat(problems).isEmpty();
    Set<String> documented = new TreeSet<>(CONTRACT.operations());
    documented.remove("GET /v1/openapi.json");
    documented.removeAll(answered);
    assertThat(documented).as("operations never answered 2xx").isEmpty();
  }

  @Test
  void theDocumentServedIsVtApisWithThisServerInServers(ReferenceServer server) {
    JsonNode served = new Http(server).get("/v1/openapi.json", null).json();
    assertThat(served.at("/servers/0/url").asText()).isEqualTo(server.baseUrl().toString().replaceAll("/$", ""));
    com.fasterxml.jackson.databind.node.ObjectNode mine = ((com.fasterxml.jackson.databind.node.ObjectNode) served)
        .deepCopy();
    mine.remove("servers");
    com.fasterxml.jackson.databind.node.ObjectNode contract = CONTRACT.document().deepCopy();
    contract.remove("servers");
    assertThat(mine).isEqualTo(contract);
  }
}
