package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every route × every caller, with the expected status. The callers: the owner ward, another ward, the receiving
 * SMR, another SMR, a CPAM, an ESMS, an MDPH, a usager, a SYSTEM token, and no token. A route added to the server
 * without a row here fails the test.
 */
@VtServerTest
class AuthorizationMatrixTest {

  enum Caller { OWNER, OTHER_WARD, RECEIVER, OTHER_RECEIVER, CPAM, ESMS, MDPH, USAGER, OBSERVER, SYSTEM, NONE }

  @Test
  void everyRouteForEveryCaller(ReferenceServer vt) {
    Http http = new Http(vt);
    vt.setClock(Fixtures.NOW);
    Map<Caller, String> tokens = new LinkedHashMap<>();
    tokens.put(Caller.OWNER, vt.tokens().issue(Role.REQUESTER, UnitId.of("U-CARDIO-HCL"), null));
    tokens.put(Caller.OTHER_WARD, vt.tokens().issue(Role.REQUESTER, UnitId.of("U-NEURO-CHU38"), null));
    tokens.put(Caller.RECEIVER, vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null));
    tokens.put(Caller.OTHER_RECEIVER, vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-GERIA-01"), null));
    tokens.put(Caller.CPAM, vt.tokens().issue(Role.CPAM, UnitId.of("CPAM-691"), null));
    tokens.put(Caller.ESMS, vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null));
    tokens.put(Caller.MDPH, vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null));
    tokens.put(Caller.USAGER, vt.tokens().issue(Role.USAGER, UnitId.of("U-CARDIO-HCL"), null));
    tokens.put(Caller.OBSERVER, vt.tokens().issue(Role.OBSERVER, UnitId.of("GRADES-ARA"), null));
    tokens.put(Caller.SYSTEM, vt.tokens().issue(Role.SYSTEM, UnitId.of("U-CARDIO-HCL"), null));
    tokens.put(Caller.NONE, null);

    // Expected status per caller, in Caller order. Mutations are tried on fresh state each time (reset + setup).
    // USAGER is an account of the usager space acting for the ward: it sees only the dossiers it created, so none
    // of these (the owner created them). OBSERVER (a GRADeS) reads the observatory and nothing else: it answers as
    // USAGER elsewhere. Aggregates are for receiving units (their own) and MDPHs (their département).
    // What a caller may not see is 404 (existence not revealed); a party without the right role gets 403; an
    // action that does not exist from the current status is 409 for every party. SMR has no eligibility rule set
    // (the orientation aid covers Sanitaire), hence 422 for the parties. SYSTEM tokens are refused everywhere.
    Map<String, int[]> matrix = new LinkedHashMap<>();
    matrix.put("GET /v1/health", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /v1/openapi.json", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /v1/units", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    matrix.put("GET /v1/units/{id}", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    matrix.put("POST /v1/dossiers", row(201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401));
    matrix.put("GET /v1/dossiers", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    matrix.put("GET /v1/dossiers/{id}", row(200, 404, 200, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("PUT /v1/dossiers/{id}", row(200, 404, 403, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("POST /v1/dossiers/{id}/validate", row(200, 404, 200, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("POST /v1/dossiers/{id}/eligibility", row(422, 404, 422, 404, 404, 404, 404, 404, 404, 403, 401));
    // "{}" gives no units: 422 for anyone authenticated, before any look-up
    matrix.put("POST /v1/dossiers/{id}/preflight", row(422, 422, 422, 422, 422, 422, 422, 422, 422, 403, 401));
    matrix.put("POST /v1/dossiers/{id}/requests", row(201, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401));
    // the matrix uploads without ?fileName=: 422 for anyone authenticated, before any look-up (reveals nothing)
    matrix.put("POST /v1/dossiers/{id}/attachments", row(422, 422, 422, 422, 422, 422, 422, 422, 422, 403, 401));
    matrix.put("GET /v1/attachments/{id}", row(404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("GET /v1/requests", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    matrix.put("GET /v1/requests/{id}", row(200, 404, 200, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("GET /v1/requests/{id}/available-actions", row(200, 404, 200, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("POST /v1/requests/{id}/read", row(403, 404, 200, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("POST /v1/requests/{id}/responses", row(403, 404, 200, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("POST /v1/requests/{id}/cancel", row(200, 404, 403, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("POST /v1/requests/{id}/confirm-admission", row(409, 404, 409, 404, 404, 404, 404, 404, 404, 403, 401));
    // the body "{}" is not a valid ESMS status: 422 for anyone authenticated (it reveals nothing about the request)
    matrix.put("POST /v1/requests/{id}/esms-statuses", row(422, 422, 422, 422, 422, 422, 422, 422, 422, 403, 401));
    matrix.put("GET /v1/requests/{id}/esms-statuses", row(200, 404, 200, 404, 404, 404, 404, 404, 404, 403, 401));
    matrix.put("GET /v1/waiting-lists", row(403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 401));
    // an accompagnant's dashboard (role ACCOMPAGNANT, DuaEndToEndTest): no other role
    matrix.put("GET /v1/accompanied-requests", row(403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 401));
    matrix.put("GET /v1/indicators/requests", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    matrix.put("GET /v1/indicators/waiting-lists", row(403, 403, 200, 200, 200, 200, 200, 403, 403, 403, 401));
    // the observatory (seed 003): a hospital's units their establishment, a CPAM its own, a GRADeS/ARS its region for
    // the TUV; an MDPH its département, a GRADeS/ARS its region, an ESMS its notifications for Handicap
    matrix.put("GET /v1/observatory/scopes", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    matrix.put("GET /v1/observatory/tuv", row(200, 200, 403, 403, 200, 403, 403, 403, 200, 403, 401));
    matrix.put("GET /v1/observatory/tuv/chart", row(200, 200, 403, 403, 200, 403, 403, 403, 200, 403, 401));
    matrix.put("GET /v1/observatory/handicap", row(403, 403, 403, 403, 403, 200, 200, 403, 200, 403, 401));
    matrix.put("GET /v1/observatory/handicap/chart", row(403, 403, 403, 403, 403, 200, 200, 403, 200, 403, 401));
    matrix.put("GET /v1/events", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    // asked with HEAD (the stream's headers, no stream): the same callers as the feed
    matrix.put("GET /v1/events/stream", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 401));
    // the console: public files and vocabulary; the demo sign-in refuses "{}" (no unit) for anyone
    matrix.put("GET /console", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /console/{file}", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /console/vendor/{file}", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /console/api/principals", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /console/api/vocabulary", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("POST /console/api/sign-in", row(422, 422, 422, 422, 422, 422, 422, 422, 422, 422, 422));
    // the INSi simulator: care units' software only (AccessPolicy.canCallInsi); "{}" has no traits (422)
    matrix.put("POST /insi/search", row(422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 401));
    // Pro Santé Connect, simulated: an OpenID provider's public endpoints. No parameters: an error page (400); "{}"
    // is not a form (400); the server's own tokens are not PSC access tokens (401 at userinfo)
    matrix.put("GET /psc/.well-known/openid-configuration", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /psc/jwks", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /psc/auth", row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400));
    matrix.put("POST /psc/login", row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400));
    matrix.put("POST /psc/token", row(400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400));
    matrix.put("GET /psc/userinfo", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401));
    matrix.put("POST /__admin/psc/rotate-keys", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("POST /insi/verify", row(422, 422, 422, 422, 403, 403, 403, 403, 403, 403, 401));
    // SDO FHIR: ESMS only; other roles 403; "{}" is not FHIR JSON at all (no resourceType: 400); unknown Task 404
    matrix.put("GET /fhir/metadata", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("POST /fhir/Task", row(403, 403, 403, 403, 403, 400, 403, 403, 403, 403, 401));
    matrix.put("POST /fhir/Consent", row(403, 403, 403, 403, 403, 400, 403, 403, 403, 403, 401));
    // no type: 400 for the ESMS (the search needs one)
    matrix.put("GET /fhir/DocumentReference", row(403, 403, 403, 403, 403, 400, 403, 403, 403, 403, 401));
    matrix.put("GET /fhir/DocumentReference/{id}", row(403, 403, 403, 403, 403, 404, 403, 403, 403, 403, 401));
    matrix.put("GET /fhir/Task", row(403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 401));
    matrix.put("GET /fhir/Task/{id}", row(403, 403, 403, 403, 403, 404, 403, 403, 403, 403, 401));
    matrix.put("GET /fhir/Task/{id}/_history/{vid}", row(403, 403, 403, 403, 403, 404, 403, 403, 403, 403, 401));
    // "{}" is not FHIR JSON: 400 for the ESMS, before any look-up
    matrix.put("PUT /fhir/Task/{id}", row(403, 403, 403, 403, 403, 400, 403, 403, 403, 403, 401));
    // the control API takes its own token only (the NONE column sends it): user tokens get 401
    matrix.put("POST /__admin/reset", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 204));
    matrix.put("POST /__admin/fixtures", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 422)); // "{}": no dossiers
    matrix.put("POST /__admin/tokens", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 422)); // "{}": no role
    matrix.put("POST /__admin/observatory/omv", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 422)); // no csv
    matrix.put("GET /__admin/clock", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("PUT /__admin/clock", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("POST /__admin/faults", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 400));
    matrix.put("GET /__admin/faults", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("DELETE /__admin/faults", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 204));
    matrix.put("GET /__admin/journal", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("GET /__admin/state", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("POST /__admin/clock/advance", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("GET /__admin/counterparts", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    // "{}": no counterparts array (422); no csv nor bundle (422)
    matrix.put("PUT /__admin/counterparts", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 422));
    matrix.put("POST /__admin/directory", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 422));
    // the counterparts file's JSON Schema is documentation: anyone
    matrix.put("GET /__admin/counterparts/schema", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /__admin/scenarios/schema", row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
    matrix.put("GET /__admin/scenarios", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("POST /__admin/sessions", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 422)); // no scenario
    matrix.put("GET /__admin/sessions", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 200));
    matrix.put("GET /__admin/sessions/{id}", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 404));
    matrix.put("GET /__admin/sessions/{id}/report", row(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 404));
    // a session's own token reads its session; any other token has none: 404 (SessionsTest reads one)
    matrix.put("GET /v1/test-session", row(404, 404, 404, 404, 404, 404, 404, 404, 404, 403, 401));

    assertThat(matrix.keySet()).as("every route has a row").containsExactlyInAnyOrderElementsOf(vt.routes());

    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, int[]> e : matrix.entrySet()) {
      String method = e.getKey().split(" ")[0];
      String template = e.getKey().split(" ")[1];
      for (Caller caller : Caller.values()) {
        vt.reset();
        vt.setClock(Fixtures.NOW);
        String owner = vt.tokens().issue(Role.REQUESTER, UnitId.of("U-CARDIO-HCL"), null);
        String dossier = http.post("/v1/dossiers", owner, Fixtures.sanitaire()).json().get("id").asText();
        String request = http.post("/v1/dossiers/" + dossier + "/requests", owner,
            Map.of("units", List.of("SMR-CARDIO-69"))).json().at("/items/0/id").asText();
        if (template.endsWith("/requests") && template.contains("{id}")) {
          dossier = http.post("/v1/dossiers", owner, Fixtures.sanitaire()).json().get("id").asText();
        }
        String path = template.replace("{id}", template.startsWith("/v1/requests") ? request
            : template.startsWith("/v1/units") ? "CPAM-691" : dossier).replace("{vid}", "1")
            .replace("vendor/{file}", "vendor/preact.js").replace("{file}", "console.js");
        String token = tokens.get(caller);
        Http.Res r = switch (method) {
          case "GET" -> template.endsWith("/stream") ? head(vt, path, token) : http.get(path, token);
          case "DELETE" -> Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(vt.baseUrl() + path))
              .header("Authorization", "Bearer " + (token != null ? token : vt.adminToken())).DELETE().build());
          case "PUT" -> template.contains("clock") ? http.put(path, token, Map.of("instant", Fixtures.NOW.toString()))
              : http.put(path, token, Fixtures.sanitaire(), "If-Match", "\"2\"");
          default -> http.post(path, token, body(template));
        };
        int expected = e.getValue()[caller.ordinal()];
        if (r.status() != expected) {
          mismatches.add(e.getKey() + " as " + caller + ": expected " + expected + ", got " + r);
        }
        if (r.status() >= 500) {
          mismatches.add(e.getKey() + " as " + caller + ": 5xx");
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  static Object body(String template) {
    if (template.equals("/v1/dossiers")) {
      return Fixtures.sanitaire();
    }
    if (template.endsWith("/requests")) {
      return Map.of("units", List.of("SMR-GERIA-01"));
    }
    if (template.endsWith("/responses")) {
      return Map.of("kind", "WAITING_LIST");
    }
    if (template.endsWith("/advance")) {
      return Map.of("duration", "PT1H");
    }
    return "{}";
  }

  static int[] row(int... statuses) {
    return statuses;
  }

  @Test
  void noCrossUnitReadThroughListsOrTheFeed(ReferenceServer vt) {
    Http http = new Http(vt);
    String owner = vt.demoToken(Role.REQUESTER);
    String dossier = http.post("/v1/dossiers", owner, Fixtures.sanitaire()).json().get("id").asText();
    http.post("/v1/dossiers/" + dossier + "/requests", owner, Map.of("units", List.of("SMR-CARDIO-69")));
    for (String outsider : List.of(vt.tokens().issue(Role.REQUESTER, UnitId.of("U-NEURO-CHU38"), null),
        vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-GERIA-01"), null),
        vt.tokens().issue(Role.CPAM, UnitId.of("CPAM-691"), null))) {
      assertThat(http.get("/v1/dossiers", outsider).json().get("items")).isEmpty();
      assertThat(http.get("/v1/requests", outsider).json().get("items")).isEmpty();
      assertThat(http.get("/v1/events", outsider).json().get("items")).isEmpty();
    }
    Set<String> receiverSees = new TreeSet<>(http.get("/v1/events", vt.tokens().issue(Role.RECEIVER,
        UnitId.of("SMR-CARDIO-69"), null)).json().get("items").findValuesAsText("type"));
    assertThat(receiverSees).containsExactly("request.sent");
  }

  /** HEAD: the answer's status without its body (for a stream, without the stream). */
  static Http.Res head(ReferenceServer vt, String path, String token) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(vt.baseUrl() + path))
        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return Http.send(b.build());
  }
}
