package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoConsent;
import io.vtsdk.fhir.sdo.SdoConsentMapper;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.testkit.internal.JsonHttp;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per finding of the VT-core issue: each path now asks the core's policy, so what one path refused, every
 * path refuses.
 */
@VtServerTest
class CoreFindingsTest {
  ReferenceServer vt;
  Http http;
  String owner;
  String mdph;
  String ime;

  @BeforeEach
  void setUp(ReferenceServer server) {
    vt = server;
    http = new Http(server);
    vt.setClock(Fixtures.NOW);
    owner = vt.tokens().issue(Role.REQUESTER, UnitId.of("U-CARDIO-HCL"), "10003606315");
    mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    ime = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
  }

  private String create(String token, Object dossier) {
    Http.Res r = http.post("/v1/dossiers", token, dossier);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  private String send(String token, String dossier, String... units) {
    Http.Res r = http.post("/v1/dossiers/" + dossier + "/requests", token, Map.of("units", List.of(units)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().at("/items/0/id").asText();
  }

  private Dossier handicap() {
    return Fixtures.handicap().toBuilder().requester(new Requester(UnitId.of("MDPH-69"), null)).build();
  }

  @Test
  void attachmentMetadataSentByAClientIsNeverKeptSoFhirCannotServeAnotherUnitsFile() {
    String victim = create(owner, Fixtures.sanitaire());
    Http.Res up = AttachmentsTest.upload(vt, victim, owner, "application/pdf", AttachmentsTest.PDF);
    assertThat(up.status()).isEqualTo(201);
    String stolen = up.json().get("id").asText();
    // the attacker's dossier claims the victim's attachment in its metadata
    String body = JsonHttp.text(handicap()).replaceFirst("\\{", "{\"attachments\":[{\"id\":\"" + stolen
        + "\",\"fileName\":\"x.pdf\",\"contentType\":\"application/pdf\",\"size\":1}],");
    String attack = create(mdph, body);
    assertThat(http.get("/v1/dossiers/" + attack, mdph).json().get("attachments")).isNull();
    send(mdph, attack, "IME-69");
    String nat = handicap().mdphDecision().nationalId();
    Http.Res consent = http.post("/fhir/Consent", ime, VtFhir.toJson(SdoConsentMapper.toConsent(
        new SdoConsent(HandicapEndToEndTest.IME69_STRUCT, Fixtures.TODAY, nat))));
    assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
    assertThat(http.get("/fhir/DocumentReference/EVAL-" + stolen, ime).status()).isEqualTo(404);
    assertThat(http.get("/v1/attachments/" + stolen, ime).status()).isEqualTo(404);
    assertThat(http.get("/fhir/DocumentReference?type=51848-0&identifier=" + nat, ime).json().path("total").asInt())
        .isZero();
  }

  @Test
  void anEsmsCannotReportAsAnotherStructureOrForAnotherDecisionOnEitherPath() {
    String request = send(mdph, create(mdph, handicap()), "IME-69");
    String asOther = JsonHttp.text(HandicapEndToEndTest.status("40", null)).replace(HandicapEndToEndTest.IME69_STRUCT,
        "1690000021");
    Http.Res spoofed = http.post("/v1/requests/" + request + "/esms-statuses", ime, asOther);
    assertThat(spoofed.status()).isEqualTo(403);
    assertThat(spoofed.json().at("/violations/0/path").asText()).isEqualTo("/idNatStruct");
    String otherDecision = JsonHttp.text(HandicapEndToEndTest.status("40", null))
        .replace(handicap().mdphDecision().idDecision(), "MDPH69-1999-0001");
    Http.Res wrongDecision = http.post("/v1/requests/" + request + "/esms-statuses", ime, otherDecision);
    assertThat(wrongDecision.status()).isEqualTo(403);
    assertThat(wrongDecision.json().at("/violations/0/path").asText()).isEqualTo("/idDecision");
    String mas = vt.tokens().issue(Role.ESMS, UnitId.of("MAS-38"), null);
    assertThat(http.post("/v1/requests/" + request + "/esms-statuses", mas,
        HandicapEndToEndTest.status("40", null)).status()).isEqualTo(404);
    assertThat(http.get("/v1/requests/" + request, ime).json().get("status").asText())
        .isEqualTo("NOTIFICATION_SENT");
  }

  @Test
  void aUnitWhoseRequestWasCancelledNoLongerReadsTheDossierItsChangesOrItsFiles() {
    String dossier = create(owner, Fixtures.sanitaire());
    Http.Res sent = http.post("/v1/dossiers/" + dossier + "/requests", owner,
        Map.of("units", List.of("SMR-CARDIO-69", "SMR-GERIA-01")));
    String cardio = sent.json().at("/items/0/id").asText();
    String smr = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null);
    String geria = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-GERIA-01"), null);
    assertThat(http.get("/v1/dossiers/" + dossier, smr).status()).isEqualTo(200);
    assertThat(http.post("/v1/requests/" + cardio + "/cancel", owner, null).status()).isEqualTo(200);
    String file = AttachmentsTest.upload(vt, dossier, owner, "application/pdf", AttachmentsTest.PDF).json()
        .get("id").asText();
    assertThat(http.get("/v1/dossiers/" + dossier, smr).status()).isEqualTo(404);
    assertThat(http.get("/v1/attachments/" + file, smr).status()).isEqualTo(404);
    assertThat(http.get("/v1/requests/" + cardio, smr).json().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(http.get("/v1/dossiers/" + dossier, geria).status()).isEqualTo(200);
    assertThat(http.get("/v1/attachments/" + file, geria).status()).isEqualTo(200);
    assertThat(http.get("/v1/events", smr).json().get("items").findValuesAsText("type"))
        .doesNotContain("dossier.attachment");
  }

  @Test
  void anAccountOfTheUsagerSpaceSeesOnlyTheDossiersItCreated() {
    String wardDossier = create(owner, Fixtures.sanitaire());
    String usager = vt.tokens().issue(Role.USAGER, UnitId.of("U-CARDIO-HCL"), "usager-1");
    String otherUsager = vt.tokens().issue(Role.USAGER, UnitId.of("U-CARDIO-HCL"), "usager-2");
    assertThat(http.get("/v1/dossiers/" + wardDossier, usager).status()).isEqualTo(404);
    assertThat(http.get("/v1/dossiers", usager).json().get("items")).isEmpty();
    String own = create(usager, Fixtures.grandAge().toBuilder().requester(null).build());
    assertThat(http.get("/v1/dossiers/" + own, usager).status()).isEqualTo(200);
    assertThat(http.get("/v1/dossiers", usager).json().get("items").findValuesAsText("id")).containsExactly(own);
    assertThat(http.get("/v1/dossiers/" + own, otherUsager).status()).isEqualTo(404);
    assertThat(http.get("/v1/events", otherUsager).json().get("items")).isEmpty();
    assertThat(http.get("/v1/dossiers/" + own, owner).status()).as("the ward's professionals see it").isEqualTo(200);
  }

  @Test
  void aggregatesAreScopedToTheCallersUnitOrDepartement() {
    send(mdph, create(mdph, handicap()), "IME-69");
    assertThat(http.get("/v1/indicators/waiting-lists", owner).status()).isEqualTo(403);
    JsonNode imeRows = http.get("/v1/indicators/waiting-lists", ime).json().get("items");
    assertThat(imeRows).hasSize(1);
    assertThat(imeRows.get(0).get("departement").asText()).isEqualTo("69");
    JsonNode mdphRows = http.get("/v1/indicators/waiting-lists", mdph).json().get("items");
    assertThat(mdphRows.findValuesAsText("departement")).isNotEmpty().containsOnly("69");
  }

  @Test
  void cursorsAreOpaqueAndDoNotMoveWithOtherCallersActivity() {
    String geria = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-GERIA-01"), null);
    String before = http.get("/v1/events", geria).json().get("nextCursor").asText();
    for (int i = 0; i < 5; i++) {
      create(owner, Fixtures.sanitaire());
    }
    JsonNode after = http.get("/v1/events?after=" + before, geria).json();
    assertThat(after.get("items")).isEmpty();
    assertThat(after.get("nextCursor").asText()).isEqualTo(before);
    JsonNode mine = http.get("/v1/events?limit=2", owner).json();
    assertThat(mine.get("nextCursor").asText()).doesNotContainPattern("^[0-9]+$").hasSize(22);
    assertThat(http.get("/v1/events?after=3", owner).status()).as("a forged cursor").isEqualTo(400);
    JsonNode page = http.get("/v1/dossiers?limit=2", owner).json();
    assertThat(page.get("nextCursor").asText()).doesNotContainPattern("^[0-9]+$");
    assertThat(http.get("/v1/dossiers?cursor=" + page.get("nextCursor").asText(), owner).json().get("items"))
        .hasSize(3);
  }

  @Test
  void sendingIsGatedByEligibilityNamingTheFailedRuleAndNothingIsWritten() {
    Dossier ame = Fixtures.prado().toBuilder().patient(Fixtures.prado().patient().toBuilder()
        .insurance(new Insurance(Fixtures.prado().patient().insurance().regime(), true, false, false, "691"))
        .build()).build();
    String dossier = create(owner, ame);
    Http.Res preflight = http.post("/v1/dossiers/" + dossier + "/preflight", owner, Map.of("units",
        List.of("CPAM-691")));
    assertThat(preflight.json().get("accepted").asBoolean()).isFalse();
    assertThat(preflight.json().at("/units/0/violations/0/code").asText()).isEqualTo("eligibility.prado.ame");
    Http.Res sent = http.post("/v1/dossiers/" + dossier + "/requests", owner, Map.of("units", List.of("CPAM-691")));
    assertThat(sent.status()).isEqualTo(422);
    assertThat(sent.json().get("type").asText()).endsWith("/ineligible");
    assertThat(sent.json().get("title").asText()).isEqualTo("Critères d'éligibilité non remplis");
    assertThat(sent.json().get("detail").asText()).contains("prado.ame");
    assertThat(sent.json().get("violations").findValuesAsText("code")).contains("eligibility.prado.ame");
    assertThat(http.get("/v1/requests?dossier=" + dossier, owner).json().get("items")).isEmpty();
    assertThat(http.get("/v1/dossiers/" + dossier, owner).json().get("status").asText()).isEqualTo("DRAFT");

    MdphDecision d = handicap().mdphDecision();
    Dossier expired = handicap().toBuilder().mdphDecision(new MdphDecision(d.idDecision(), d.idNatDecision(),
        d.categories(), d.modalities(), Fixtures.TODAY.minusYears(3), Fixtures.TODAY.minusDays(1))).build();
    Http.Res late = http.post("/v1/dossiers/" + create(mdph, expired) + "/requests", mdph,
        Map.of("units", List.of("IME-69")));
    assertThat(late.status()).isEqualTo(422);
    assertThat(late.json().get("violations").findValuesAsText("code")).contains("routing.handicap.expired");
  }

  @Test
  void eightSlowSocketsDoNotStopTheServerFromAnswering() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket s = new Socket(vt.baseUrl().getHost(), vt.port());
        OutputStream out = s.getOutputStream();
        out.write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        out.flush(); // the headers never end
        slow.add(s);
      }
      for (int i = 0; i < 20; i++) {
        assertThat(http.get("/v1/health", null).status()).isEqualTo(200);
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void blankOrOddIdsAnswer404NeverA5xx() {
    for (String route : vt.routes()) {
      if (!route.contains("{id}")) {
        continue;
      }
      String method = route.split(" ")[0];
      for (String odd : List.of("%20", "%2E%2E", "a%00b", "x".repeat(65))) {
        String path = route.split(" ")[1].replace("{id}", odd).replace("{vid}", "1");
        boolean nul = odd.equals("a%00b");
        Http.Res r = Http.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
            .header("Authorization", "Bearer " + (path.startsWith("/fhir") ? ime : owner))
            .header("Content-Type", "application/json") // refused before the body: none sent, so no reset races it
            .method(method, nul ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
            .build());
        if (nul) { // a NUL in a path: the engine refuses the request itself (400, problem)
          assertThat(r.status()).as(route + " with " + odd).isIn(400, 404);
          assertThat(r.header("Content-Type")).startsWith("application/");
        } else {
          assertThat(r.status()).as(route + " with " + odd).isEqualTo(404);
        }
      }
    }
  }

  @Test
  void errorsNameThePointerAndTheRuleNeverTheValue() {
    String secretDate = "1984-13-45";
    String nir = "284122A12345678";
    String dossier = JsonHttp.text(Fixtures.sanitaire());
    Http.Res badDate = http.post("/v1/dossiers", owner, dossier.replace("\"" + Fixtures.sanitaire().patient()
        .birthDate() + "\"", "\"" + secretDate + "\""));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).contains("/patient/birthDate").doesNotContain(secretDate);
    Http.Res nirInSex = http.post("/v1/dossiers", owner, dossier.replaceFirst("\"sex\":\"[A-Z]+\"",
        "\"sex\":\"" + nir + "\""));
    assertThat(nirInSex.status()).isEqualTo(400);
    assertThat(nirInSex.body()).contains("/patient/sex").doesNotContain(nir);
    Http.Res name = http.post("/v1/dossiers", owner, "{\"module\":\"SANITAIRE\",\"patient\": Dupont}");
    assertThat(name.status()).isEqualTo(400);
    assertThat(name.body()).doesNotContain("Dupont");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> io.vtsdk.model.json.VtJson.fromJson(
        dossier.replace("\"" + Fixtures.sanitaire().patient().birthDate() + "\"", "\"" + secretDate + "\""),
        Dossier.class))).hasMessageContaining("/patient/birthDate").hasMessageNotContaining(secretDate);
  }
}
