package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.Coding;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DUA (seed 002): the usager (or its aidant) sends one admission form, for a person with an MDPH decision, to ESMS
 * of the categories the decision allows; each ESMS answers along the SDO statuses; the accompagnant médico-social the
 * person named follows every current request on its dashboard; the MDPH sees none of it (its policy row: its own
 * notifications).
 */
@VtServerTest
class DuaEndToEndTest {
  static final UnitId USAGER_SPACE = UnitId.of("U-CARDIO-HCL"); // the demo's usager-space unit (ReferenceServer)
  ReferenceServer vt;
  Http http;
  String usager;
  String accompagnant;
  String ime;
  String sessad;

  @BeforeEach
  void setUp(ReferenceServer server) {
    vt = server;
    http = new Http(server);
    vt.setClock(Fixtures.NOW);
    usager = vt.tokens().issue(Role.USAGER, USAGER_SPACE, "famille-leroy");
    accompagnant = vt.tokens().issue(Role.ACCOMPAGNANT, UnitId.of("SESSAD-69"), "acc-martin");
    ime = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
    sessad = vt.tokens().issue(Role.ESMS, UnitId.of("SESSAD-69"), null);
  }

  /** The person's DUA: the fixture's Handicap dossier, its decision allowing IME (183) and SESSAD (182). */
  Dossier dua() {
    MdphDecision d = Fixtures.mdphDecision();
    MdphDecision both = new MdphDecision(d.idDecision(), d.idNatDecision(), List.of(
        Nomenclatures.get(NosTable.J254).coding("183").orElseThrow(),
        Nomenclatures.get(NosTable.J254).coding("182").orElseThrow()), d.modalities(), d.validFrom(), d.validTo());
    return Fixtures.handicap().toBuilder().requester(new Requester(USAGER_SPACE, null)).mdphDecision(both)
        .accompagnants(List.of("acc-martin")).build();
  }

  static String structureOf(ReferenceServer vt, String unit) {
    return "1" + vt.core().directory().unit(UnitId.of(unit)).structure().value();
  }

  Http.Res report(String token, String request, String unit, String code) {
    EsmsStatus s = new EsmsStatus(structureOf(vt, unit), unit, Coding.of(NosTable.R357.url(), code), null,
        Fixtures.TODAY, null, null, null, null, "MDPH69-2026-0042", null);
    return http.post("/v1/requests/" + request + "/esms-statuses", token, s);
  }

  @Test
  void aDuaGoesToTwoEsmsOfTheDecisionAndTheAccompagnantFollowsBoth() {
    Http.Res created = http.post("/v1/dossiers", usager, dua());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();

    // an ESMS of a category the decision does not allow (MAS, 255) is refused, naming the rule and the unit
    Http.Res outside = http.post("/v1/dossiers/" + id + "/requests", usager, Map.of("units", List.of("MAS-38")));
    assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
    assertThat(outside.json().findValuesAsText("code")).contains("routing.handicap.category");

    Http.Res sent = http.post("/v1/dossiers/" + id + "/requests", usager,
        Map.of("units", List.of("IME-69", "SESSAD-69")));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    String toIme = sent.json().at("/items/0/id").asText();
    String toSessad = sent.json().at("/items/1/id").asText();

    // each ESMS sees it in its worklist and answers along the SDO statuses: one admits, one keeps it waiting
    assertThat(http.get("/v1/requests", ime).json().findValuesAsText("id")).contains(toIme).doesNotContain(toSessad);
    for (String code : List.of("40", "41", "42", "72", "71", "47")) {
      assertThat(report(ime, toIme, "IME-69", code).status()).as(code).isEqualTo(200);
    }
    for (String code : List.of("40", "41")) {
      assertThat(report(sessad, toSessad, "SESSAD-69", code).status()).as(code).isEqualTo(200);
    }

    // the accompagnant's dashboard: both current requests, with their statuses; it reads the dossier, never edits
    JsonNode board = http.get("/v1/accompanied-requests", accompagnant).json().get("items");
    assertThat(board.findValuesAsText("id")).containsExactlyInAnyOrder(toIme, toSessad);
    assertThat(http.get("/v1/requests/" + toIme, accompagnant).json().get("status").asText())
        .isEqualTo("USER_ENTERED");
    assertThat(http.get("/v1/requests/" + toSessad, accompagnant).json().get("status").asText())
        .isEqualTo("CONTACT_MADE");
    assertThat(http.get("/v1/dossiers/" + id, accompagnant).status()).isEqualTo(200);
    Http.Res edit = http.put("/v1/dossiers/" + id, accompagnant, http.get("/v1/dossiers/" + id, accompagnant).json(),
        "If-Match", "*");
    assertThat(edit.status()).as(edit.toString()).isEqualTo(403);

    // another accompagnant, whom the person did not name, sees nothing; the ESMS has no dashboard
    String other = vt.tokens().issue(Role.ACCOMPAGNANT, UnitId.of("SESSAD-69"), "acc-autre");
    assertThat(http.get("/v1/accompanied-requests", other).json().get("items")).isEmpty();
    assertThat(http.get("/v1/dossiers/" + id, other).status()).isEqualTo(404);
    assertThat(http.get("/v1/accompanied-requests", ime).status()).isEqualTo(403);

    // the MDPH sees what its row allows: its own notifications, not the usager's DUA
    String mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    assertThat(http.get("/v1/dossiers/" + id, mdph).status()).isEqualTo(404);
    assertThat(http.get("/v1/requests/" + toIme, mdph).status()).isEqualTo(404);
  }
}
