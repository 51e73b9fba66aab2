package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN §5 conventions: problem+json, ETag/If-Match, Idempotency-Key, tokens, language, limits. */
class ConventionsTest extends ApiTestBase {

  @Test
  void healthIsPublicAndTheCorrelationIdIsEchoed() {
    Http.Res r = http.get("/v1/health", null, "X-Correlation-Id", "abc-123");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("UP");
    assertThat(r.header("X-Correlation-Id")).isEqualTo("abc-123");
    assertThat(http.get("/v1/health", null).header("X-Correlation-Id")).isNotBlank();
  }

  @Test
  void updatesNeedIfMatch428WhenMissing412WhenStale() {
    Http.Res created = http.post("/v1/dossiers", requester, Fixtures.sanitaire());
    String id = created.json().get("id").asText();
    JsonNode body = created.json();
    assertThat(http.put("/v1/dossiers/" + id, requester, body).status()).isEqualTo(428);
    Http.Res ok = http.put("/v1/dossiers/" + id, requester, body, "If-Match", "\"1\"");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.header("ETag")).isEqualTo("\"2\"");
    Http.Res stale = http.put("/v1/dossiers/" + id, requester, body, "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
    assertThat(http.get("/v1/dossiers/" + id, requester).header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void idempotencyKeyReplaysTheResponseAndRefusesAnotherBody() {
    Http.Res first = http.post("/v1/dossiers", requester, Fixtures.sanitaire(), "Idempotency-Key", "k-1");
    Http.Res again = http.post("/v1/dossiers", requester, Fixtures.sanitaire(), "Idempotency-Key", "k-1");
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(http.get("/v1/dossiers", requester).json().get("items")).hasSize(1);
    Http.Res other = http.post("/v1/dossiers", requester, Fixtures.prado(), "Idempotency-Key", "k-1");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("type").asText()).endsWith("/idempotency-key-reused");
  }

  @Test
  void tokensMissingForgedExpiredOrForAnotherUnitAreRefused() {
    assertThat(http.get("/v1/dossiers", null).status()).isEqualTo(401);
    String forged = requester.substring(0, requester.lastIndexOf('.')) + ".AAAA";
    assertThat(http.get("/v1/dossiers", forged).status()).isEqualTo(401);
    String expired = vt.tokens().issue(Role.REQUESTER, ReferenceServer.DEMO_REQUESTER_UNIT, null,
        Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(http.get("/v1/dossiers", expired).status()).isEqualTo(401);
    String otherServer = ReferenceServer.builder().build().tokens().issue(Role.REQUESTER,
        ReferenceServer.DEMO_REQUESTER_UNIT, null);
    assertThat(http.get("/v1/dossiers", otherServer).status()).isEqualTo(401);

    String id = http.post("/v1/dossiers", requester, Fixtures.sanitaire()).json().get("id").asText();
    String otherUnit = vt.tokens().issue(Role.REQUESTER, UnitId.of("U-NEURO-CHU38"), null);
    assertThat(http.get("/v1/dossiers/" + id, otherUnit).status()).isEqualTo(404);
    Http.Res othersList = http.get("/v1/dossiers", otherUnit);
    assertThat(othersList.json().get("items")).as(othersList.toString()).isEmpty();
    String smr = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null);
    assertThat(http.get("/v1/dossiers/" + id, smr).status()).as("not sent to it yet").isEqualTo(404);
    http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of("SMR-CARDIO-69")));
    assertThat(http.get("/v1/dossiers/" + id, smr).status()).as("sent to it").isEqualTo(200);
    assertThat(http.put("/v1/dossiers/" + id, smr, Fixtures.sanitaire(), "If-Match", "\"2\"").status())
        .isEqualTo(403);
  }

  @Test
  void aRoleThatCannotSendCannotCreate() {
    Http.Res r = http.post("/v1/dossiers", vt.demoToken(Role.CPAM), Fixtures.prado());
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void badInputGetsPreciseProblemsNever5xxAndNothingIsWritten() {
    assertProblem(http.post("/v1/dossiers", requester, "{not json"), 400, "bad-request");
    assertProblem(http.post("/v1/dossiers", requester, "[1,2]"), 400, "invalid-body");
    assertProblem(http.post("/v1/dossiers", requester, "{\"module\":\"NOPE\"}"), 400, "invalid-body");
    Http.Res wrongType = http.post("/v1/dossiers", requester,
        VtJson.toJson(Fixtures.sanitaire()).replace("\"birthDate\":\"1948-05-02\"",
            "\"birthDate\":{\"a\":1}"));
    assertProblem(wrongType, 400, "invalid-body");
    assertThat(wrongType.json().get("detail").asText()).contains("/patient/birthDate");
    Http.Res missingModule = http.post("/v1/dossiers", requester, "{}");
    assertProblem(missingModule, 400, "invalid-body");
    assertThat(missingModule.json().get("detail").asText()).contains("module");
    assertProblem(http.post("/v1/dossiers", requester, "x".repeat(2 * 1024 * 1024)), 413, "payload-too-large");
    assertProblem(http.post("/v1/dossiers", requester, "{}", "Content-Type", "text/plain"), 415,
        "unsupported-media-type");
    Http.Res invalid = http.post("/v1/dossiers", requester, VtJson.toJson(Fixtures.sanitaire())
        .replace("\"postalCode\":\"69002\"", "\"postalCode\":\"6\""));
    assertProblem(invalid, 422, "validation-failed");
    assertThat(invalid.json().at("/violations/0/path").asText()).isEqualTo("/patient/address/postalCode");
    assertProblem(http.get("/v1/dossiers?limit=0", requester), 400, "bad-request");
    assertProblem(http.get("/v1/events?after=abc", requester), 400, "bad-request");
    assertProblem(http.get("/v1/nowhere", requester), 404, "not-found");
    assertProblem(http.put("/v1/health", requester, "{}"), 405, "method-not-allowed");
    assertThat(http.get("/v1/dossiers", requester).json().get("items")).isEmpty();
  }

  @Test
  void messagesFollowAcceptLanguage() {
    String bad = VtJson.toJson(Fixtures.sanitaire()).replace("\"postalCode\":\"69002\"", "\"postalCode\":\"6\"");
    Http.Res fr = http.post("/v1/dossiers", requester, bad);
    Http.Res en = http.post("/v1/dossiers", requester, bad, "Accept-Language", "en-GB,en;q=0.8");
    assertThat(fr.json().get("title").asText()).isEqualTo("Données invalides");
    assertThat(en.json().get("title").asText()).isEqualTo("Validation failed");
    assertThat(fr.json().at("/violations/0/message").asText()).isEqualTo("doit être un code postal de 5 chiffres");
    assertThat(en.json().at("/violations/0/message").asText()).isEqualTo("must be a 5-digit postal code");
  }

  @Test
  void directorySearchByModuleTargetDepartementAndCategory() {
    JsonNode cpams = http.get("/v1/units?module=PRADO&target=PRADO", requester).json().get("items");
    assertThat(cpams.findValuesAsText("name")).contains("691 - CPAM du Rhône", "131 - CPAM des Bouches-du-Rhône",
        "202 - CPAM de la Haute-Corse", "971 - CGSS de la Guadeloupe", "976 - Caisse de sécurité sociale de Mayotte")
        .hasSize(101);
    assertThat(http.get("/v1/units?module=handicap&category=183", requester).json().get("items")
        .findValuesAsText("id")).containsExactly("IME-69");
    assertThat(http.get("/v1/units?departement=2a", requester).json().get("items").findValuesAsText("id"))
        .containsExactlyInAnyOrder("EHPAD-2A", "CPAM-201", "PCO-2A");
    assertThat(http.get("/v1/units?pradoVolet=AVC", requester).json().get("items").findValuesAsText("id"))
        .containsExactlyInAnyOrder("U-CARDIO-HCL", "U-NEURO-CHU38");
    assertThat(http.get("/v1/units/CPAM-691", requester).json().get("cpamCode").asText()).isEqualTo("691");
    for (JsonNode cpam : cpams) {
      assertThat(cpam.get("id").asText()).as("a CPAM's id is its code").isEqualTo("CPAM-" + cpam.get("cpamCode")
          .asText());
    }
    // a unit's id says what it is: J254 449 is a foyer (EANM), not an ESAT
    assertThat(http.get("/v1/units?module=handicap&category=449", requester).json().get("items")
        .findValuesAsText("id")).containsExactly("EANM-01");
    assertProblem(http.get("/v1/units?module=HOTEL", requester), 400, "bad-request");
  }

  @Test
  void listingIsPaginatedWithACursor() {
    for (int i = 0; i < 5; i++) {
      http.post("/v1/dossiers", requester, Fixtures.sanitaire());
    }
    JsonNode page1 = http.get("/v1/dossiers?limit=2", requester).json();
    assertThat(page1.get("items")).hasSize(2);
    JsonNode page2 = http.get("/v1/dossiers?limit=2&cursor=" + page1.get("nextCursor").asText(), requester).json();
    JsonNode page3 = http.get("/v1/dossiers?limit=2&cursor=" + page2.get("nextCursor").asText(), requester).json();
    assertThat(page3.get("items")).hasSize(1);
    assertThat(page3.has("nextCursor")).isFalse();
    assertThat(page1.at("/items/0/id").asText()).isNotEqualTo(page2.at("/items/0/id").asText());
  }

  static void assertProblem(Http.Res r, int status, String code) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().get("type").asText()).isEqualTo("https://vtsdk.io/problems/" + code);
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("correlationId").asText()).isNotBlank();
  }
}
