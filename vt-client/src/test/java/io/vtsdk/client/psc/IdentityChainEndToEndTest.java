package io.vtsdk.client.psc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.api.PreflightReport;
import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.UnitQuery;
import io.vtsdk.client.VtApiException;
import io.vtsdk.client.VtClient;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.identity.IdentityProof;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Rpps;
import io.vtsdk.model.identity.insi.InsTraits;
import io.vtsdk.model.identity.insi.InsiClient;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import io.vtsdk.server.insi.InsiSimulator;
import io.vtsdk.server.psc.PscProfessional;
import io.vtsdk.server.psc.PscSimulator;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's chain, end to end against the reference server: a doctor logs in through Pro Santé Connect (simulated);
 * the EHR gets his tokens; INSi qualifies the patient; preflight; the Prado request goes to the CPAM, whose adviser —
 * another PSC user — answers. Then each refusal the chain must make: an expired token, a token for another audience,
 * a level below the one required, a unit the professional does not act for, a delegate validating the medical
 * section, an INS sent for an identity that is not qualified.
 */
class IdentityChainEndToEndTest {
  static final String DOCTOR = "810003606315";
  static final String SECRETARY = "3690000010/SEC01";
  static final String CPAM_ADVISER = "3691000001/CPAM01";
  static final UnitId WARD = UnitId.of("U-CARDIO-HCL");
  static final UnitId CPAM = UnitId.of("CPAM-691");
  static final URI CALLBACK = URI.create("http://127.0.0.1:8123/callback");

  static ReferenceServer vt;
  static PscTokenProvider doctorSession;
  static Professional doctor = Professional.of(Rpps.parse("10003606315"), "MEDECIN-DEMO", "Claire",
      Profession.MEDECIN);

  @BeforeAll
  static void start() {
    vt = ReferenceServer.builder().build().start();
    doctorSession = login(DOCTOR);
  }

  @AfterAll
  static void stop() {
    vt.close();
  }

  static PscTokenProvider login(String professional) {
    PscTokenProvider psc = PscTokenProvider.builder(URI.create(vt.baseUrl() + "/psc"))
        .clientId(PscSimulator.DEMO_CLIENT_ID).clientSecret(PscSimulator.DEMO_CLIENT_SECRET).redirectUri(CALLBACK)
        .build();
    PscLogin login = psc.startLogin();
    psc.completeLogin(login, PscBrowser.login(login.authorizationUri(), professional));
    return psc;
  }

  static VtClient client(TokenProvider tokens, UnitId unit) {
    return VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(tokens).actingUnit(unit).maxAttempts(1).build();
  }

  /** What the EHR knows of the patient, qualified through INSi (the vendor's own InsiClient in production). */
  static Patient qualifiedPatient(Patient fromChart) {
    InsiClient insi = InsiSimulator.seeded(42); // the population of the server's seed
    LocalDate today = LocalDate.now();
    InsiSimulator.Person person = ((InsiSimulator) insi).people().stream()
        .filter(p -> Period.between(p.traits().birthDate(), today).getYears() >= 40
            && Period.between(p.traits().birthDate(), today).getYears() < 75)
        .findFirst().orElseThrow();
    InsTraits typed = new InsTraits(person.traits().birthName().toLowerCase(Locale.ROOT),
        person.traits().firstBirthGivenName(), person.traits().sex(), person.traits().birthDate(),
        person.traits().birthPlace()); // as read from the passport, in lower case
    InsiClient.SearchResult found = insi.search(typed);
    assertThat(found.outcome()).isEqualTo(InsiClient.Outcome.FOUND);
    assertThat(insi.verify(found.ins(), typed).ok()).isTrue();
    return fromChart.toBuilder().ins(found.ins())
        .birthName(found.reference().birthName()).firstBirthGivenName(found.reference().firstBirthGivenName())
        .birthGivenNames(found.reference().birthGivenNames()).sex(found.reference().sex())
        .birthDate(found.reference().birthDate()).birthPlace(found.reference().birthPlace())
        .identityProof(IdentityProof.PASSEPORT)
        .identityStatus(IdentityStatus.PROVISOIRE.afterInsi().afterHighTrustDocument())
        .build();
  }

  /** The Prado dossier the doctor writes: his medical section, validated by him. */
  static Dossier pradoDossier() {
    Dossier d = VtFixtures.seeded(20, LocalDate.now()).dossier(VtModule.PRADO).build();
    MedicalSection m = d.medical();
    return d.toBuilder().patient(qualifiedPatient(d.patient()))
        .requester(new Requester(WARD, doctor))
        .orientation(Orientation.prado(PradoVolet.INSUFFISANCE_CARDIAQUE))
        .medical(new MedicalSection(SectionInfo.validated(doctor, 1, Instant.now().minusSeconds(60)), m.summary(),
            m.pathologies(), m.gir(), true))
        .build();
  }

  @Test
  void theDoctorSendsAsHimselfAndTheCpamAdviserAnswersAsHerself() {
    assertThat(doctorSession.subject()).isEqualTo(DOCTOR);
    VtClient ehr = client(doctorSession, WARD);
    Dossier created = ehr.dossiers().create(pradoDossier());
    assertThat(created.patient().identityStatus()).isEqualTo(IdentityStatus.QUALIFIEE);
    assertThat(created.patient().ins()).as("a qualified identity conveys its INS").isNotNull();

    UnitId cpam = ehr.directory().search(UnitQuery.all().module(VtModule.PRADO)).stream()
        .filter(u -> "691".equals(u.cpamCode())).findFirst().orElseThrow().id();
    assertThat(cpam).isEqualTo(CPAM);
    PreflightReport preflight = ehr.dossiers().preflight(created.id(), List.of(cpam));
    assertThat(preflight.accepted()).as(preflight.toString()).isTrue();
    AdmissionRequest sent = ehr.dossiers().send(created.id(), List.of(cpam)).get(0);

    VtClient adviser = client(login(CPAM_ADVISER), null); // one activity: no unit to name
    adviser.requests().read(sent.id());
    adviser.requests().respond(sent.id(), Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, null,
        null));
    adviser.requests().respond(sent.id(), Response.of(ResponseKind.PRADO_ADHESION, null, null, null));
    AdmissionRequest seen = ehr.requests().get(sent.id());
    assertThat(seen.status()).isEqualTo(RequestStatus.ADHESION);
    assertThat(vt.core().dossiers().get(new io.vtsdk.core.Principal(io.vtsdk.model.workflow.Role.REQUESTER, WARD, "x"),
        created.id()).requester().professional().rpps().value()).isEqualTo("10003606315");
  }

  @Test
  void tokensThatAreExpiredMisdirectedOrTooWeakAreRefused() {
    PscSimulator psc = vt.psc();
    PscProfessional who = psc.professional(DOCTOR).orElseThrow();
    String expired = psc.issueAccessToken(who, PscSimulator.VT_AUDIENCE, PscSimulator.ACR_SUBSTANTIAL,
        Instant.now().minusSeconds(120));
    String misdirected = psc.issueAccessToken(who, "another-service", PscSimulator.ACR_SUBSTANTIAL,
        Instant.now().plusSeconds(300));
    String weak = psc.issueAccessToken(who, PscSimulator.VT_AUDIENCE, "eidas-low", Instant.now().plusSeconds(300));
    for (String token : List.of(expired, misdirected, weak)) {
      assertThatThrownBy(() -> client(TokenProvider.of(token), WARD).dossiers().create(pradoDossier()))
          .isInstanceOf(VtApiException.Unauthorized.class);
    }
    assertThatThrownBy(() -> client(TokenProvider.of(weak), WARD).directory().search(UnitQuery.all()))
        .isInstanceOfSatisfying(VtApiException.Unauthorized.class,
            e -> assertThat(e.problem().detail()).contains(PscSimulator.ACR_SUBSTANTIAL));
  }

  @Test
  void aUnitTheProfessionalDoesNotActForIsRefused() {
    assertThatThrownBy(() -> client(doctorSession, UnitId.of("SMR-CARDIO-69")).dossiers().create(pradoDossier()))
        .isInstanceOf(VtApiException.Forbidden.class);
    assertThatThrownBy(() -> client(doctorSession, null).dossiers().create(pradoDossier()))
        .as("two activities and none named").isInstanceOfSatisfying(VtApiException.class,
            e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aDelegateFillsButDoesNotValidateTheMedicalSection() {
    Dossier draft = pradoDossier();
    Dossier unvalidated = draft.toBuilder().medical(new MedicalSection(SectionInfo.draft(doctor),
        draft.medical().summary(), draft.medical().pathologies(), draft.medical().gir(), true)).build();
    VtClient secretary = client(login(SECRETARY), null);
    Dossier created = secretary.dossiers().create(unvalidated);
    Dossier validating = created.toBuilder().medical(new MedicalSection(SectionInfo.validated(doctor, 1,
        Instant.now()), draft.medical().summary(), draft.medical().pathologies(), draft.medical().gir(), true))
        .build();
    assertThatThrownBy(() -> secretary.dossiers().update(validating))
        .isInstanceOf(VtApiException.Forbidden.class).hasMessageContaining("403");
    Dossier validated = client(doctorSession, WARD).dossiers().update(validating);
    assertThat(validated.medical().info().validatedVersion()).isEqualTo(1);
  }

  @Test
  void anInsForAnIdentityThatIsNotQualifiedIsRefusedWithoutEchoingIt() {
    Dossier d = pradoDossier();
    Dossier recovered = d.toBuilder().patient(d.patient().toBuilder().identityStatus(IdentityStatus.RECUPEREE)
        .identityProof(null).build()).build();
    assertThatThrownBy(() -> client(doctorSession, WARD).dossiers().create(recovered))
        .isInstanceOfSatisfying(VtApiException.Validation.class, e -> {
          assertThat(e.violations()).extracting(v -> v.path() + " " + v.code())
              .contains("/patient/ins identity.insNotQualified");
          assertThat(e.getMessage() + e.problem()).doesNotContain(d.patient().ins().number().value());
        });
  }
}
