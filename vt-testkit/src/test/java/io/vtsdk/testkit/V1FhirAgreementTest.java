package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
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
import org.junit.jupiter.api.Test;

/**
 * {@code /v1} and {@code /fhir} agree on visibility and ownership, for every principal of a small world and every
 * state of the agreement (exhaustive rather than sampled: the space is finite): a Handicap dossier notified to two
 * ESMS, with an evaluation attached, with or without the first ESMS's recorded agreement.
 */
@VtServerTest
class V1FhirAgreementTest {
  static final List<String> UNITS = List.of("IME-69", "MAS-38", "MDPH-69", "U-CARDIO-HCL", "SMR-CARDIO-69");

  @Test
  void everyPrincipalSeesTheSameThroughBothPaths(ReferenceServer vt) {
    Http http = new Http(vt);
    List<String> disagreements = new ArrayList<>();
    for (boolean agreed : new boolean[] {false, true}) {
      vt.reset();
      vt.setClock(Fixtures.NOW);
      String mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
      String dossier = http.post("/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
          .requester(new Requester(UnitId.of("MDPH-69"), null)).build()).json().get("id").asText();
      String file = AttachmentsTest.upload(vt, dossier, mdph, "application/pdf", AttachmentsTest.PDF).json()
          .get("id").asText();
      http.post("/v1/dossiers/" + dossier + "/requests", mdph, Map.of("units", List.of("IME-69")));
      String nat = Fixtures.handicap().mdphDecision().nationalId();
      if (agreed) {
        Http.Res c = http.post("/fhir/Consent", vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null),
            VtFhir.toJson(SdoConsentMapper.toConsent(new SdoConsent(HandicapEndToEndTest.IME69_STRUCT,
                Fixtures.TODAY, nat))));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
      }
      for (String unit : UNITS) {
        for (Role role : List.of(Role.ESMS, Role.RECEIVER, Role.MDPH, Role.REQUESTER, Role.CPAM, Role.USAGER)) {
          String token = vt.tokens().issue(role, UnitId.of(unit), "actor-1");
          String who = role + "@" + unit + (agreed ? " (agreed)" : "");
          boolean v1Dossier = http.get("/v1/dossiers/" + dossier, token).status() == 200;
          boolean v1File = http.get("/v1/attachments/" + file, token).status() == 200;
          int fhirDecision = http.get("/fhir/DocumentReference/DEC-" + dossier, token).status();
          int fhirFile = http.get("/fhir/DocumentReference/EVAL-" + file, token).status();
          if (role != Role.ESMS) {
            // the SDO flows are the ESMS's: every other role is refused there, whatever it sees on /v1
            if (fhirDecision != 403 || fhirFile != 403) {
              disagreements.add(who + ": /fhir answered " + fhirDecision + "/" + fhirFile + ", not 403");
            }
            continue;
          }
          if (v1Dossier != (fhirDecision == 200)) {
            disagreements.add(who + ": dossier on /v1 " + v1Dossier + ", decision on /fhir " + fhirDecision);
          }
          if (v1File != (fhirFile == 200)) {
            disagreements.add(who + ": attachment on /v1 " + v1File + ", evaluation on /fhir " + fhirFile);
          }
          boolean expectedFile = agreed && unit.equals("IME-69");
          if (v1File != expectedFile) {
            disagreements.add(who + ": attachment visible " + v1File + ", expected " + expectedFile);
          }
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }
}
