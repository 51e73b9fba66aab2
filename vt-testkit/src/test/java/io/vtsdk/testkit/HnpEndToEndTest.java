package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.module.HnpModule;
import io.vtsdk.model.request.RefusalMotif;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HNP, the module added as data, through /v1: a GP's direct admission request to a specialty service. */
class HnpEndToEndTest extends ApiTestBase {
  static final String CARDIO = "HNP-CARDIO-11";
  static final String MEDICINE = "HNP-MED-34";

  String service(String unit) {
    return vt.tokens().issue(Role.RECEIVER, UnitId.of(unit), null);
  }

  /** Sends an HNP dossier to {@code units}; returns the request ids, in the units' order. */
  List<String> send(String... units) {
    return send(Fixtures.hnp(), units);
  }

  List<String> send(Object dossier, String... units) {
    Http.Res created = http.post("/v1/dossiers", requester, dossier);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Http.Res sent = http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of(units)));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.json().get("items").findValuesAsText("id");
  }

  @Test
  void theServiceAcceptsWithAnAdmissionTimeAndTheOtherServiceIsClosedOnConfirmation() {
    List<String> requests = send(CARDIO, MEDICINE);
    String toCardio = requests.get(0);
    String cardio = service(CARDIO);
    assertThat(http.get("/v1/requests/" + toCardio + "/available-actions", cardio).json().get("responseKinds")
        .toString()).contains("ACCEPTED", "REFUSED", "REDIRECTED").doesNotContain("WAITING_LIST");

    Http.Res noTime = http.post("/v1/requests/" + toCardio + "/responses", cardio,
        Response.of(ResponseKind.ACCEPTED, null, null, null));
    assertThat(noTime.status()).as(noTime.toString()).isEqualTo(422);
    assertThat(noTime.json().at("/violations/0/path").asText()).isEqualTo("/admissionAt");
    assertThat(noTime.json().at("/violations/0/code").asText()).isEqualTo("hnp.admissionAt.required");
    assertThat(http.get("/v1/requests/" + toCardio, requester).json().get("status").asText())
        .as("nothing written").isEqualTo("SENT");

    Http.Res tooLate = http.post("/v1/requests/" + toCardio + "/responses", cardio,
        Map.of("kind", "ACCEPTED", "admissionAt", Fixtures.NOW.plus(Duration.ofDays(3)).toString()));
    assertThat(tooLate.json().at("/violations/0/code").asText()).isEqualTo("hnp.admissionAt.tooLate");

    Instant in3Hours = Fixtures.NOW.plus(Duration.ofHours(3));
    Http.Res accepted = http.post("/v1/requests/" + toCardio + "/responses", cardio,
        Map.of("kind", "ACCEPTED", "admissionAt", in3Hours.toString(), "comment", "Lit réservé en USIC"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.json().at("/responses/0/admissionAt").asText()).isEqualTo(in3Hours.toString());

    assertThat(http.post("/v1/requests/" + toCardio + "/confirm-admission", requester, null).json().get("status")
        .asText()).isEqualTo("ADMISSION_CONFIRMED");
    assertThat(http.get("/v1/requests/" + requests.get(1), requester).json().get("status").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void theServiceRefusesWithAMotifOrRedirectsNamingTheService() {
    List<String> requests = send(CARDIO, MEDICINE);
    Http.Res redirectBare = http.post("/v1/requests/" + requests.get(0) + "/responses", service(CARDIO),
        Response.of(ResponseKind.REDIRECTED, null, null, null));
    assertThat(redirectBare.status()).isEqualTo(422);
    assertThat(redirectBare.json().at("/violations/0/path").asText()).isEqualTo("/comment");
    Http.Res redirected = http.post("/v1/requests/" + requests.get(0) + "/responses", service(CARDIO),
        Response.of(ResponseKind.REDIRECTED, null, "Relève de la pneumologie du CH de Narbonne", null));
    assertThat(redirected.json().get("status").asText()).isEqualTo("ORIENTED_ELSEWHERE");

    Http.Res refused = http.post("/v1/requests/" + requests.get(1) + "/responses", service(MEDICINE),
        Response.of(ResponseKind.REFUSED, RefusalMotif.values()[0], null, null));
    assertThat(refused.json().get("status").asText()).as(refused.toString()).isEqualTo("REFUSED");
    Http.Res waiting = http.post("/v1/requests/" + requests.get(1) + "/responses", service(MEDICINE),
        Response.of(ResponseKind.WAITING_LIST, null, null, null));
    assertThat(waiting.status()).isEqualTo(422);
    assertThat(waiting.json().at("/violations/0/code").asText()).isEqualTo("kind.module");
  }

  @Test
  void anUnansweredRequestIsArchivedWithinHoursWhileOtherModulesWaitDays() {
    String hnp = send(CARDIO).get(0);
    String smr = send(Fixtures.sanitaire(), "SMR-CARDIO-69").get(0);

    assertThat(vt.advanceClock(HnpModule.ANSWER_WITHIN.minusMinutes(1))).isZero();
    assertThat(http.get("/v1/requests/" + hnp, requester).json().get("status").asText()).isEqualTo("SENT");
    assertThat(vt.advanceClock(Duration.ofMinutes(2))).isEqualTo(1);
    assertThat(http.get("/v1/requests/" + hnp, requester).json().get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(http.get("/v1/requests/" + smr, requester).json().get("status").asText()).isEqualTo("SENT");
  }

  @Test
  void outsideTheExperimentsAreaSendingIsRefusedByTheRuleSet() {
    Http.Res created = http.post("/v1/dossiers", requester, Fixtures.hnp().toBuilder()
        .patient(Fixtures.adult()).build()); // lives in the Rhône
    String id = created.json().get("id").asText();
    Http.Res sent = http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of(CARDIO)));
    assertThat(sent.status()).isEqualTo(422);
    assertThat(sent.json().at("/violations/0/code").asText()).isEqualTo("eligibility.hnp.experiment-area");
    assertThat(sent.json().toString()).doesNotContain("Lyon", "69002");
  }
}
