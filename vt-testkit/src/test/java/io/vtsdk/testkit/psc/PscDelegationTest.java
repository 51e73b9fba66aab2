package io.vtsdk.server.psc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.identity.Rpps;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import io.vtsdk.testkit.internal.JsonHttp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who fills and who validates the medical section, when Pro Santé Connect says who acts (seeds 002 and 003): a
 * collaborator authenticated by CPx card fills it for the doctor; a professional on e-CPS who is not a doctor does
 * not; only the prescribing doctor — the section's author, by RPPS — validates it.
 */
class PscDelegationTest {
  ReferenceServer vt;
  JsonHttp http;
  PscSimulator psc;
  Professional doctor = Professional.of(Rpps.parse("10003606315"), "MEDECIN-DEMO", "Claire", Profession.MEDECIN);

  @BeforeEach
  void start() {
    vt = ReferenceServer.builder().build().start();
    http = new JsonHttp(vt.baseUrl());
    psc = vt.psc();
  }

  @AfterEach
  void stop() {
    vt.close();
  }

  String token(String who) {
    return psc.issueAccessToken(psc.professional(who).orElseThrow(), PscSimulator.VT_AUDIENCE,
        PscSimulator.ACR_SUBSTANTIAL, Instant.now().plusSeconds(300));
  }

  /** A Prado dossier of the ward whose medical section the doctor wrote, validated ({@code version}) or not (0). */
  Dossier dossier(int validatedVersion) {
    Dossier d = VtFixtures.seeded(3, LocalDate.now()).dossier(VtModule.PRADO).build();
    SectionInfo info = validatedVersion == 0 ? SectionInfo.draft(doctor)
        : SectionInfo.validated(doctor, validatedVersion, Instant.now().minusSeconds(60));
    return withMedical(d, info);
  }

  static Dossier withMedical(Dossier d, SectionInfo info) {
    MedicalSection m = d.medical();
    return d.toBuilder().medical(new MedicalSection(info, m.summary(), m.pathologies(), m.gir(),
        m.cardiacDecompensationStay())).build();
  }

  JsonHttp.Res create(String who, Dossier d) {
    return http.post("/v1/dossiers", token(who), d, "X-VT-Unit", "U-CARDIO-HCL");
  }

  @Test
  void aSecretaryWithACpxCardFillsTheSectionButOnlyTheDoctorValidatesIt() {
    String secretary = "3690000010/SEC01";
    JsonHttp.Res created = create(secretary, dossier(0));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode stored = created.json();
    String id = stored.get("id").asText();

    Dossier validated = VtJson.fromJson(stored.toString(), Dossier.class);
    validated = withMedical(validated, SectionInfo.validated(doctor, 1, Instant.now()));
    JsonHttp.Res bySecretary = http.put("/v1/dossiers/" + id, token(secretary), validated, "If-Match", "\"1\"");
    assertThat(bySecretary.status()).isEqualTo(403);
    assertThat(bySecretary.body()).contains("prescribing doctor");

    JsonHttp.Res byDoctor = http.put("/v1/dossiers/" + id, token("810003606315"), validated, "If-Match", "\"1\"",
        "X-VT-Unit", "U-CARDIO-HCL");
    assertThat(byDoctor.status()).as(byDoctor.toString()).isEqualTo(200);
    assertThat(byDoctor.json().at("/medical/info/validatedVersion").asInt()).isEqualTo(1);
  }

  @Test
  void aNurseOnECpsDoesNotFillTheMedicalSection() {
    JsonHttp.Res r = create("810101010105", dossier(0));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("CPx card");
    Dossier withoutMedical = dossier(0).toBuilder().medical(null).build();
    assertThat(create("810101010105", withoutMedical).status()).as("the other sections are theirs to fill")
        .isEqualTo(201);
  }

  @Test
  void aDoctorValidatesOnlyWhatHeWrote() {
    Professional colleague = Professional.of(VtFixtures.seeded(9).rpps(), "AUTRE", "Jean", Profession.MEDECIN);
    Dossier d = dossier(1);
    Dossier someoneElses = withMedical(d, SectionInfo.validated(colleague, 1, Instant.now()));
    assertThat(create("810003606315", someoneElses).status()).isEqualTo(403);
    assertThat(create("810003606315", d).status()).isEqualTo(201);
  }
}
