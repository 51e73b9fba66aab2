package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.request.PradoNonAdhesionMotif;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Happy paths and main refusals of each module's workflow, through HTTP, with the roles. */
class WorkflowEndToEndTest extends ApiTestBase {

  String create(Object dossier) {
    Http.Res r = http.post("/v1/dossiers", requester, dossier);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.header("Location")).isEqualTo("/v1/dossiers/" + r.json().get("id").asText());
    assertThat(r.header("ETag")).isEqualTo("\"1\"");
    return r.json().get("id").asText();
  }

  @Test
  void aRefusedWriteLeavesNoTraceNotEvenAConsumedId() {
    Http.Res refused = http.post("/v1/dossiers", vt.demoToken(Role.CPAM), Fixtures.sanitaire());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(create(Fixtures.sanitaire())).isEqualTo("D-1");
  }

  @Test
  void pradoFromDraftToAdhesionThroughTheCpam() {
    String id = create(Fixtures.prado());
    JsonNode eligibility = http.post("/v1/dossiers/" + id + "/eligibility", requester, "{}").json();
    assertThat(eligibility.get("result").asText()).isEqualTo("ELIGIBLE");
    assertThat(eligibility.get("flags").toString()).contains("prado.priority.volet");
    assertThat(http.post("/v1/dossiers/" + id + "/validate?stage=submission", requester, null).json()
        .get("valid").asBoolean()).isTrue();

    Http.Res sent = http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of("CPAM-691")));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    String request = sent.json().at("/items/0/id").asText();

    String cpam = vt.demoToken(Role.CPAM);
    assertThat(http.get("/v1/requests?status=SENT", cpam).json().get("items")).hasSize(1);
    assertThat(http.get("/v1/requests/" + request + "/available-actions", cpam).json().get("actions").toString())
        .contains("DECLARE_ELIGIBLE_ADMINISTRATIVELY", "RECORD_ADHESION", "RECORD_NON_ADHESION");
    assertThat(http.post("/v1/requests/" + request + "/read", cpam, null).status()).isEqualTo(200);
    assertThat(http.post("/v1/requests/" + request + "/responses", cpam,
        Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, "Dossier complet", null)).json()
        .get("status").asText()).isEqualTo("ELIGIBLE_ADMINISTRATIVELY");
    Http.Res adhesion = http.post("/v1/requests/" + request + "/responses", cpam,
        Response.of(ResponseKind.PRADO_ADHESION, null, null, null));
    assertThat(adhesion.json().get("status").asText()).isEqualTo("ADHESION");
    assertThat(adhesion.json().get("responses")).hasSize(2);

    JsonNode seen = http.get("/v1/requests/" + request, requester).json();
    assertThat(seen.get("status").asText()).isEqualTo("ADHESION");
    assertThat(seen.get("readAt").asText()).isEqualTo(Fixtures.NOW.toString());

    JsonNode feed = http.get("/v1/events?after=0", requester).json();
    assertThat(feed.get("items").findValuesAsText("type")).containsExactly("dossier.created", "request.sent",
        "request.read", "request.declare_eligible_administratively", "request.record_adhesion");
  }

  @Test
  void pradoGoesOnlyToThePatientsCpamAndNonAdhesionNeedsAMotif() {
    String id = create(Fixtures.prado());
    Http.Res wrongCpam = http.post("/v1/dossiers/" + id + "/requests", requester,
        Map.of("units", List.of("CPAM-381")));
    assertThat(wrongCpam.status()).isEqualTo(422);
    assertThat(wrongCpam.json().at("/violations/0/code").asText()).isEqualTo("routing.prado.cpam");
    assertThat(wrongCpam.json().at("/violations/0/path").asText()).isEqualTo("/units/0");

    String request = http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of("CPAM-691")))
        .json().at("/items/0/id").asText();
    String cpam = vt.demoToken(Role.CPAM);
    Http.Res noMotif = http.post("/v1/requests/" + request + "/responses", cpam,
        Response.of(ResponseKind.PRADO_NON_ADHESION, null, null, null));
    assertThat(noMotif.status()).isEqualTo(422);
    assertThat(noMotif.json().at("/violations/0/code").asText()).isEqualTo("response.motifRequired");
    assertThat(http.get("/v1/requests/" + request, cpam).json().get("status").asText()).isEqualTo("SENT");
    assertThat(http.post("/v1/requests/" + request + "/responses", cpam,
        Response.of(ResponseKind.PRADO_NON_ADHESION, PradoNonAdhesionMotif.REFUS_PATIENT, null, null)).json()
        .get("status").asText()).isEqualTo("NON_ADHESION");
  }

  @Test
  void sanitaireSentToThreeSmrOneAcceptsConfirmClosesTheOthers() {
    String id = create(Fixtures.sanitaire());
    JsonNode sent = http.post("/v1/dossiers/" + id + "/requests", requester,
        Map.of("units", List.of("SMR-CARDIO-69", "SMR-GERIA-01", "SMR-POLY-75"))).json();
    assertThat(sent.get("items")).hasSize(3);
    String accepted = sent.at("/items/0/id").asText();
    String smr = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), "10101010101");
    assertThat(http.post("/v1/requests/" + accepted + "/responses", smr, Map.of("kind", "ACCEPTED",
        "proposedEntryDate", "2026-11-30")).json().get("status").asText()).isEqualTo("ACCEPTED");

    Http.Res confirmByReceiver = http.post("/v1/requests/" + accepted + "/confirm-admission", smr, null);
    assertThat(confirmByReceiver.status()).isEqualTo(403);
    assertThat(confirmByReceiver.json().get("action").asText()).isEqualTo("CONFIRM_ADMISSION");
    assertThat(confirmByReceiver.json().get("role").asText()).isEqualTo("RECEIVER");

    assertThat(http.post("/v1/requests/" + accepted + "/confirm-admission", requester, null).json()
        .get("status").asText()).isEqualTo("ADMISSION_CONFIRMED");
    JsonNode all = http.get("/v1/requests?dossier=" + id, requester).json().get("items");
    assertThat(all.findValuesAsText("status")).containsExactlyInAnyOrder("ADMISSION_CONFIRMED", "CLOSED", "CLOSED");
    assertThat(http.get("/v1/dossiers/" + id, requester).json().get("status").asText())
        .isEqualTo("ADMISSION_CONFIRMED");
  }

  @Test
  void illegalTransitionIs409WithFromActionAndRole() {
    String id = create(Fixtures.sanitaire());
    String request = http.post("/v1/dossiers/" + id + "/requests", requester,
        Map.of("units", List.of("SMR-CARDIO-69"))).json().at("/items/0/id").asText();
    Http.Res r = http.post("/v1/requests/" + request + "/confirm-admission", requester, null);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().get("from").asText()).isEqualTo("SENT");
    assertThat(r.json().get("action").asText()).isEqualTo("CONFIRM_ADMISSION");
    assertThat(r.json().get("role").asText()).isEqualTo("REQUESTER");
    assertThat(r.json().get("type").asText()).isEqualTo("https://vtsdk.io/problems/illegal-transition");
  }

  @Test
  void unansweredRequestsAreArchivedAfterTheDelay() {
    String id = create(Fixtures.sanitaire());
    String request = http.post("/v1/dossiers/" + id + "/requests", requester,
        Map.of("units", List.of("SMR-CARDIO-69"))).json().at("/items/0/id").asText();
    assertThat(vt.advanceClock(Duration.ofDays(29))).isZero();
    assertThat(http.post("/__admin/clock/advance", null, Map.of("duration", "P1D")).status()).isEqualTo(200);
    requester = vt.demoToken(Role.REQUESTER); // 30 days later the first token has expired
    assertThat(http.get("/v1/requests/" + request, requester).json().get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(http.get("/v1/events", requester).json().get("items").findValuesAsText("type"))
        .contains("request.archive");
  }

  @Test
  void tndAndGrandAgeAreSentToTheirReceivers() {
    String tnd = create(Fixtures.tnd().toBuilder()
        .patient(Fixtures.tnd().patient().toBuilder().address(new io.vtsdk.model.patient.Address(null, "69003",
            "Lyon", io.vtsdk.model.identity.Departement.of("69"))).build()).build());
    JsonNode decision = http.post("/v1/dossiers/" + tnd + "/eligibility", requester, Map.of("unit", "PCO-69")).json();
    assertThat(decision.get("result").asText()).as(decision.toString()).isEqualTo("ELIGIBLE");
    String request = http.post("/v1/dossiers/" + tnd + "/requests", requester, Map.of("units", List.of("PCO-69")))
        .json().at("/items/0/id").asText();
    String pco = vt.tokens().issue(Role.RECEIVER, UnitId.of("PCO-69"), null);
    assertThat(http.post("/v1/requests/" + request + "/responses", pco, Map.of("kind", "TND_ELIGIBLE")).json()
        .get("status").asText()).isEqualTo("ELIGIBLE");

    String ga = create(Fixtures.grandAge());
    assertThat(http.post("/v1/dossiers/" + ga + "/requests", requester, Map.of("units", List.of("EHPAD-69-A")))
        .status()).isEqualTo(201);
    assertThat(http.post("/v1/dossiers/" + ga + "/requests", requester, Map.of("units", List.of("EHPAD-69-A")))
        .status()).isEqualTo(409);
  }
}
