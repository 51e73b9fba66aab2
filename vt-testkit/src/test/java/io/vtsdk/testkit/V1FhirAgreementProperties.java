package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoConsent;
import io.vtsdk.fhir.sdo.SdoConsentMapper;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.workflow.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For random sequences of operations (notifications, uploads, agreements, statuses, by any ESMS) and every principal
 * of a small world, {@code /v1} and {@code /fhir} agree on what each one sees: the dossier ⇔ its decision document,
 * an attachment ⇔ its evaluation document, and a reported status is a Task only for the ESMS notified about that
 * person (SDO flow 5).
 */
class V1FhirAgreementProperties {
  static ReferenceServer vt;
  static final List<String> ESMS = List.of("IME-69", "SESSAD-69", "MAS-38");

  @BeforeContainer
  static void start() {
    vt = ReferenceServer.builder().build().start();
  }

  @AfterContainer
  static void stop() {
    vt.close();
  }

  /** One operation: what and by which ESMS (index in {@link #ESMS}). */
  record Op(String kind, int esms) {}

  @Provide
  Arbitrary<List<Op>> operations() {
    return Arbitraries.of("notify", "upload", "agree", "status").flatMap(kind -> Arbitraries.integers()
        .between(0, ESMS.size() - 1).map(i -> new Op(kind, i))).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 25)
  void bothPathsAgreeForEveryPrincipal(@ForAll("operations") List<Op> ops) {
    vt.reset();
    vt.setClock(Fixtures.NOW);
    Http http = new Http(vt);
    String mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    // the decision orients to IMEs (183) and SESSADs (182): IME-69 and SESSAD-69 may be notified, MAS-38 may not
    io.vtsdk.model.handicap.MdphDecision d = Fixtures.handicap().mdphDecision();
    java.util.List<io.vtsdk.model.Coding> categories = new ArrayList<>(d.categories());
    categories.add(io.vtsdk.model.nos.Nomenclatures.get(io.vtsdk.model.nos.NosTable.J254).coding("182")
        .orElseThrow());
    String dossier = http.post("/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
        .requester(new Requester(UnitId.of("MDPH-69"), null)).mdphDecision(new io.vtsdk.model.handicap.MdphDecision(
            d.idDecision(), d.idNatDecision(), categories, d.modalities(), d.validFrom(), d.validTo())).build())
        .json().get("id").asText();
    String nat = Fixtures.handicap().mdphDecision().nationalId();
    List<String> files = new ArrayList<>();
    for (Op op : ops) {
      String unit = ESMS.get(op.esms());
      String esms = vt.tokens().issue(Role.ESMS, UnitId.of(unit), null);
      switch (op.kind()) {
        case "notify" -> http.post("/v1/dossiers/" + dossier + "/requests", mdph, Map.of("units", List.of(unit)));
        case "upload" -> {
          Http.Res up = AttachmentsTest.upload(vt, dossier, mdph, "application/pdf", AttachmentsTest.PDF);
          if (up.status() == 201) {
            files.add(up.json().get("id").asText());
          }
        }
        case "agree" -> http.post("/fhir/Consent", esms, VtFhir.toJson(SdoConsentMapper.toConsent(new SdoConsent(
            "1" + vt.core().directory().unit(UnitId.of(unit)).structure().value(), Fixtures.TODAY, nat))));
        default -> {
          String request = http.get("/v1/requests", esms).json().at("/items/0/id").asText("");
          if (!request.isEmpty()) {
            http.post("/v1/requests/" + request + "/esms-statuses", esms, HandicapEndToEndTest.status("40", null,
                "1" + vt.core().directory().unit(UnitId.of(unit)).structure().value()));
          }
        }
      }
      assertThat(http.get("/v1/health", null).status()).isEqualTo(200);
    }
    List<String> disagreements = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    for (String unit : ESMS) {
      String esms = vt.tokens().issue(Role.ESMS, UnitId.of(unit), null);
      http.get("/fhir/Task", esms).json().path("entry").forEach(e -> tasks.add(unit + ":" + e.path("resource")
          .path("id").asText()));
      boolean notified = http.get("/v1/requests", esms).json().get("items").size() > 0;
      boolean v1Dossier = http.get("/v1/dossiers/" + dossier, esms).status() == 200;
      boolean fhirDecision = http.get("/fhir/DocumentReference/DEC-" + dossier, esms).status() == 200;
      if (v1Dossier != fhirDecision || v1Dossier != notified) {
        disagreements.add(unit + ": notified " + notified + ", /v1 dossier " + v1Dossier + ", /fhir decision "
            + fhirDecision);
      }
      for (String file : files) {
        boolean v1 = http.get("/v1/attachments/" + file, esms).status() == 200;
        boolean fhir = http.get("/fhir/DocumentReference/EVAL-" + file, esms).status() == 200;
        if (v1 != fhir) {
          disagreements.add(unit + ": attachment " + file + " /v1 " + v1 + ", /fhir " + fhir);
        }
      }
      if (!notified && http.get("/fhir/Task", esms).json().path("total").asInt() != 0) {
        disagreements.add(unit + ": sees Tasks about a person it was not notified of");
      }
    }
    assertThat(disagreements).as("operations %s", ops).isEmpty();
  }
}
