package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.Coding;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.workflow.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handicap through /v1: the MDPH notifies ESMS, the ESMS reports R357 statuses with ASS_A32 motifs. */
@VtServerTest
class HandicapEndToEndTest {
  ReferenceServer vt;
  Http http;
  String mdph;
  String ime;

  /** idNat_Struct of IME-69 in the demo directory of seed 42 (the FINESS is generated, Luhn-valid). */
  static final String IME69_STRUCT = "1" + ReferenceServer.builder().build().core().directory().unit(UnitId.of("IME-69"))
      .structure().value();

  @BeforeEach
  void setUp(ReferenceServer server) {
    vt = server;
    http = new Http(server);
    vt.setClock(Fixtures.NOW);
    mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    ime = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
  }

  String notify(String unit) {
    String id = http.post("/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
        .requester(new Requester(UnitId.of("MDPH-69"), null)).build()).json().get("id").asText();
    Http.Res sent = http.post("/v1/dossiers/" + id + "/requests", mdph, Map.of("units", List.of(unit)));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.json().at("/items/0/id").asText();
  }

  /**
   * The IME-69 reports {@code code} on the first notification it sees (the demo dossiers'), about that notification's
   * decision.
   */
  static Http.Res reportOnTheFirstNotification(Http http, String ime, String code) {
    String request = http.get("/v1/requests", ime).json().at("/items/0/id").asText();
    String decision = http.get("/v1/dossiers/" + http.get("/v1/requests/" + request, ime).json()
        .get("dossierId").asText(), ime).json().at("/mdphDecision/idDecision").asText();
    EsmsStatus s = status(code, null);
    return http.post("/v1/requests/" + request + "/esms-statuses", ime, new EsmsStatus(s.idNatStruct(),
        s.esmsName(), s.status(), null, s.statusDate(), null, null, null, null, decision, null));
  }

  /** A status of the IME-69 structure (its FINESS from the directory) about the fixture's decision. */
  static EsmsStatus status(String code, String motif) {
    return status(code, motif, IME69_STRUCT);
  }

  /** The same status, reported as the structure {@code idNatStruct}. */
  static EsmsStatus status(String code, String motif, String idNatStruct) {
    return new EsmsStatus(idNatStruct, "IME Les Érables", Coding.of(NosTable.R357.url(), code),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), Fixtures.TODAY, null, null, null, null,
        "MDPH69-2026-0042", null);
  }

  @Test
  void notificationToEntryThroughReportedStatusesAndTheWaitingList() {
    String request = notify("IME-69");
    assertThat(http.get("/v1/requests/" + request, ime).json().get("status").asText()).isEqualTo("NOTIFICATION_SENT");
    for (String code : List.of("40", "41", "42", "72")) {
      Http.Res r = http.post("/v1/requests/" + request + "/esms-statuses", ime, status(code, null));
      assertThat(r.status()).as(code + " " + r).isEqualTo(200);
    }
    JsonNode waiting = http.get("/v1/waiting-lists", ime).json().get("items");
    assertThat(waiting.findValuesAsText("status")).containsExactly("WAITING_LIST_ADMISSIBLE");
    http.post("/v1/requests/" + request + "/esms-statuses", ime, status("71", null));
    http.post("/v1/requests/" + request + "/esms-statuses", ime, status("47", null));
    assertThat(http.get("/v1/requests/" + request, mdph).json().get("status").asText()).isEqualTo("USER_ENTERED");
    assertThat(http.get("/v1/waiting-lists", ime).json().get("items")).isEmpty();
    assertThat(http.get("/v1/requests/" + request + "/esms-statuses", mdph).json().get("items")).hasSize(6);
  }

  @Test
  void impossibleAdmissionSignalledWithAPairedMotifThenEndorsedByTheMdph() {
    String request = notify("IME-69");
    Http.Res unpaired = http.post("/v1/requests/" + request + "/esms-statuses", ime, status("45", "84"));
    assertThat(unpaired.status()).isEqualTo(422);
    assertThat(unpaired.json().at("/violations/0/code").asText()).isEqualTo("esms.motifNotPaired");
    assertThat(http.post("/v1/requests/" + request + "/esms-statuses", ime, status("45", "86")).status())
        .isEqualTo(200);
    Http.Res byEsms = http.post("/v1/requests/" + request + "/esms-statuses", ime, status("46", null));
    assertThat(byEsms.status()).isEqualTo(403);
    assertThat(http.post("/v1/requests/" + request + "/esms-statuses", mdph, status("46", null)).json()
        .get("status").asText()).isEqualTo("ADMISSION_IMPOSSIBLE_ENDORSED");
  }

  @Test
  void statusesMustFollowTheWorkflowAndTheDecision() {
    String request = notify("IME-69");
    Http.Res jump = http.post("/v1/requests/" + request + "/esms-statuses", ime, status("48", null));
    assertThat(jump.status()).isEqualTo(409);
    assertThat(jump.json().get("from").asText()).isEqualTo("NOTIFICATION_SENT");
    assertThat(jump.json().get("to").asText()).isEqualTo("USER_EXITED");
    String id = http.post("/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
        .requester(new Requester(UnitId.of("MDPH-69"), null)).build()).json().get("id").asText();
    Http.Res mas = http.post("/v1/dossiers/" + id + "/requests", mdph, Map.of("units", List.of("MAS-38")));
    assertThat(mas.status()).isEqualTo(422);
    assertThat(mas.json().at("/violations/0/code").asText()).isEqualTo("routing.handicap.category");
    assertThat(http.get("/v1/waiting-lists?unit=MAS-38", ime).status()).isEqualTo(403);
  }

  @Test
  void reStatingTheCurrentStatusUpdatesItWithoutATransition() {
    String request = notify("IME-69");
    http.post("/v1/requests/" + request + "/esms-statuses", ime, status("42", null));
    EsmsStatus later = status("42", null);
    later = new EsmsStatus(later.idNatStruct(), later.esmsName(), later.status(), null, Fixtures.TODAY.plusDays(3),
        null, null, null, null, later.idDecision(), null);
    Http.Res again = http.post("/v1/requests/" + request + "/esms-statuses", ime, later);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("WAITING_LIST_ANALYSIS");
    JsonNode statuses = http.get("/v1/requests/" + request + "/esms-statuses", ime).json().get("items");
    assertThat(statuses.findValuesAsText("statusDate")).endsWith(Fixtures.TODAY.plusDays(3).toString());
    Http.Res notTheEsmsStatus = http.post("/v1/requests/" + request + "/esms-statuses", ime, status("39", null));
    assertThat(notTheEsmsStatus.status()).as("39 is the MDPH's, and not current").isEqualTo(409);
  }

  @Test
  void afterAReorientationRequestThePersonCanLeaveForAnotherEsms() {
    String request = notify("IME-69");
    http.post("/v1/requests/" + request + "/esms-statuses", ime, status("41", null));
    Http.Res reorient = http.post("/v1/requests/" + request + "/esms-statuses", ime, status("51", "92"));
    assertThat(reorient.status()).as(reorient.toString()).isEqualTo(200);
    Http.Res exit = http.post("/v1/requests/" + request + "/esms-statuses", ime, status("48", null));
    assertThat(exit.status()).as(exit.toString()).isEqualTo(200);
    assertThat(exit.json().get("status").asText()).isEqualTo("USER_EXITED");
  }

  @Test
  void theStatusDateIsOptionalAsInSdoTask() {
    String request = notify("IME-69");
    EsmsStatus s = status("40", null);
    EsmsStatus undated = new EsmsStatus(s.idNatStruct(), s.esmsName(), s.status(), null, null, null, null, null,
        null, s.idDecision(), null);
    Http.Res r = http.post("/v1/requests/" + request + "/esms-statuses", ime, undated);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  @Test
  void whenTheDecisionExpiresVtCancelsTheNotificationsOfPeopleNotAtTheEsms() {
    String waiting = notify("IME-69");
    http.post("/v1/requests/" + waiting + "/esms-statuses", ime, status("42", null));
    String entered = notify("IME-69");
    for (String code : List.of("42", "71", "47")) {
      http.post("/v1/requests/" + entered + "/esms-statuses", ime, status(code, null));
    }
    java.time.LocalDate validTo = Fixtures.mdphDecision().validTo();
    vt.setClock(validTo.atTime(23, 0).toInstant(java.time.ZoneOffset.UTC));
    vt.core().sweep();
    assertThat(http.get("/v1/requests/" + waiting, mdph).json().get("status").asText())
        .as("still valid on its last day").isEqualTo("WAITING_LIST_ANALYSIS");
    vt.setClock(validTo.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    vt.core().sweep();
    assertThat(http.get("/v1/requests/" + waiting, mdph).json().get("status").asText())
        .isEqualTo("NOTIFICATION_CANCELLED");
    JsonNode last = http.get("/v1/requests/" + waiting + "/esms-statuses", ime).json().get("items").get(1);
    assertThat(last.at("/status/code").asText() + "/" + last.at("/motif/code").asText()).isEqualTo("49/174");
    assertThat(http.get("/v1/requests/" + entered, mdph).json().get("status").asText()).isEqualTo("USER_ENTERED");
  }
}
