package io.vtsdk.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Nir;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.model.patient.Regime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DossierValidatorTest {
  static final DossierValidator VALIDATOR = DossierValidator.builder()
      .clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))
      .build();

  static List<Dossier> everyModule() {
    return Fixtures.everyModule();
  }

  @ParameterizedTest
  @MethodSource("everyModule")
  void everyModulesFixtureIsValidAtBothStages(Dossier d) {
    assertThat(VALIDATOR.validate(d, Stage.DRAFT).violations()).as(d.module().name()).isEmpty();
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION).violations()).as(d.module().name()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("io.vtsdk.model.testing.Fixtures#modules")
  void anEmptyDraftIsValidAsADraftButNotForSubmission(VtModule module) {
    Dossier empty = Dossier.builder(DossierId.of("D-" + module), module).build();
    assertThat(VALIDATOR.validate(empty, Stage.DRAFT).isValid()).isTrue();
    ValidationReport r = VALIDATOR.validate(empty, Stage.SUBMISSION);
    assertThat(r.codesAt("/patient")).containsExactly("required");
    assertThat(r.codesAt("/requester")).containsExactly("required");
    assertThat(r.codesAt("/orientation")).containsExactly("required");
  }

  @Test
  void submissionReportsEachMissingIdentityTraitOfThePatient() {
    Dossier d = Fixtures.sanitaire().toBuilder()
        .patient(Fixtures.adult().toBuilder().birthName(null).birthDate(null).sex(null).build())
        .build();
    ValidationReport r = VALIDATOR.validate(d, Stage.SUBMISSION, Locale.ENGLISH);
    assertThat(r.violations()).extracting(Violation::path)
        .containsExactly("/patient/birthDate", "/patient/birthName", "/patient/sex");
    assertThat(r.violations()).extracting(Violation::message).containsOnly("is required");
    assertThat(VALIDATOR.validate(d, Stage.DRAFT).isValid()).isTrue();
  }

  @Test
  void aRequiredTextOfSpacesIsMissing() {
    Dossier blankName = Fixtures.sanitaire().toBuilder()
        .patient(Fixtures.adult().toBuilder().birthName("   ").firstBirthGivenName("\t").build()).build();
    ValidationReport r = VALIDATOR.validate(blankName, Stage.SUBMISSION, Locale.ENGLISH);
    assertThat(r.codesAt("/patient/birthName")).containsExactly("required");
    assertThat(r.codesAt("/patient/firstBirthGivenName")).contains("required");
  }

  @Test
  void invalidNirIsReportedWithoutLosingTheRestAndWithoutEchoingIt() {
    String badNir = "2480569123456" + "00";
    Dossier d = Fixtures.prado().toBuilder()
        .patient(Fixtures.adult().toBuilder().ins(new Ins(new Nir(badNir), InsAuthority.NIR)).build())
        .plannedDischargeDate(Fixtures.TODAY.minusDays(30))
        .build();
    ValidationReport fr = VALIDATOR.validate(d, Stage.DRAFT);
    assertThat(fr.codesAt("/patient/ins/number")).containsExactly("nir.key");
    assertThat(fr.codesAt("/plannedDischargeDate")).containsExactly("dates.dischargeBeforeHospitalisation");
    assertThat(fr.violations().get(0).message() + fr.violations().get(1).message()).doesNotContain(badNir);
    assertThat(fr.violations()).extracting(Violation::message)
        .contains("la clé du NIR ne correspond pas au numéro (vérifiez la saisie)");
    assertThat(VALIDATOR.validate(d, Stage.DRAFT, Locale.ENGLISH).violations()).extracting(Violation::message)
        .contains("the NIR key does not match the number (check for a typing error)");
  }

  /** RNIV: validated and qualified identities were checked against a high-trust document. */
  @ParameterizedTest
  @EnumSource(io.vtsdk.model.identity.IdentityProof.class)
  void aValidatedIdentityNeedsAHighTrustProof(io.vtsdk.model.identity.IdentityProof proof) {
    for (IdentityStatus status : IdentityStatus.values()) {
      Dossier d = Fixtures.grandAge().toBuilder()
          .patient(Fixtures.adult().toBuilder().identityStatus(status).identityProof(proof).build()).build();
      boolean refused = (status == IdentityStatus.VALIDEE || status == IdentityStatus.QUALIFIEE) && !proof.highTrust();
      assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/patient/identityProof")).as(status + " " + proof)
          .isEqualTo(refused ? List.of("identity.proofNotHighTrust") : List.of());
    }
  }

  @Test
  void qualifiedIdentityNeedsAnIns() {
    Dossier d = Fixtures.grandAge().toBuilder()
        .patient(Fixtures.adult().toBuilder().ins(null).identityStatus(IdentityStatus.QUALIFIEE).build())
        .build();
    ValidationReport r = VALIDATOR.validate(d, Stage.DRAFT);
    assertThat(r.codesAt("/patient/ins")).containsExactly("identity.insRequired");
    assertThat(r.violations().get(0).message()).contains("« Qualifiée »");
    Dossier provisional = d.toBuilder()
        .patient(d.patient().toBuilder().identityStatus(IdentityStatus.PROVISOIRE).build()).build();
    assertThat(VALIDATOR.validate(provisional, Stage.SUBMISSION).isValid()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(IdentityStatus.class)
  void theInsIsConveyedOnlyWithAQualifiedIdentity(IdentityStatus status) {
    io.vtsdk.model.patient.Patient withIns = Fixtures.adult();
    Dossier d = Fixtures.grandAge().toBuilder().patient(withIns.toBuilder().identityStatus(status).build()).build();
    assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/patient/ins")).as(status.name())
        .isEqualTo(status == IdentityStatus.QUALIFIEE ? List.of() : List.of("identity.insNotQualified"));
    Dossier withoutIns = d.toBuilder().patient(d.patient().toBuilder().ins(null).build()).build();
    assertThat(VALIDATOR.validate(withoutIns, Stage.DRAFT).codesAt("/patient/ins")).as(status.name())
        .isEqualTo(status == IdentityStatus.QUALIFIEE ? List.of("identity.insRequired") : List.of());
  }

  @Test
  void aQualifiedIdentityCarriesEveryInsTraitItsBirthPlaceKnown() {
    io.vtsdk.model.patient.Patient q = Fixtures.adult();
    for (String missing : List.of("birthGivenNames", "birthPlace")) {
      io.vtsdk.model.patient.Patient.Builder b = q.toBuilder();
      if (missing.equals("birthGivenNames")) {
        b.birthGivenNames(null);
      } else {
        b.birthPlace(null);
      }
      Dossier d = Fixtures.grandAge().toBuilder().patient(b.build()).build();
      assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/patient/" + missing)).as(missing)
          .containsExactly("identity.qualifiedNeedsTrait");
      Dossier validated = d.toBuilder().patient(b.identityStatus(IdentityStatus.VALIDEE).ins(null).build()).build();
      assertThat(VALIDATOR.validate(validated, Stage.DRAFT).codesAt("/patient/" + missing)).as("not qualified")
          .isEmpty();
    }
    Dossier unknownPlace = Fixtures.grandAge().toBuilder().patient(q.toBuilder().birthPlace("99999").build()).build();
    assertThat(VALIDATOR.validate(unknownPlace, Stage.DRAFT).codesAt("/patient/birthPlace"))
        .containsExactly("identity.qualifiedBirthPlaceUnknown");
  }

  @Test
  void theListOfBirthGivenNamesBeginsWithTheFirstOne() {
    for (String list : List.of("Claire", "Claire Marie", "CLAIRE marie", "Claïre Marie")) {
      Dossier d = Fixtures.grandAge().toBuilder().patient(Fixtures.adult().toBuilder().birthGivenNames(list).build())
          .build();
      assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/patient/birthGivenNames")).as(list).isEmpty();
    }
    for (String list : List.of("Marie Claire", "Clairette", "Anne")) {
      Dossier d = Fixtures.grandAge().toBuilder().patient(Fixtures.adult().toBuilder().birthGivenNames(list).build())
          .build();
      ValidationReport r = VALIDATOR.validate(d, Stage.DRAFT);
      assertThat(r.codesAt("/patient/birthGivenNames")).as(list).containsExactly("identity.firstGivenNameNotFirst");
      assertThat(r.violations().toString()).doesNotContain(list);
    }
  }

  @Test
  void aBirthAbroadIs99InTheNirAndInTheBirthPlace() {
    io.vtsdk.model.patient.Patient lyon = Fixtures.adult(); // NIR 2 48 05 69 123 …, born in Lyon (69123)
    io.vtsdk.model.patient.Patient abroadNir = lyon.toBuilder().ins(new io.vtsdk.model.identity.Ins(
        Fixtures.nir("2480599134456"), io.vtsdk.model.identity.InsAuthority.NIR)).build();
    record Case(io.vtsdk.model.patient.Patient patient, String place, boolean ok) {}
    for (Case c : List.of(new Case(lyon, "69123", true), new Case(lyon, "69266", true), new Case(lyon, "99134", false),
        new Case(abroadNir, "99134", true), new Case(abroadNir, "69123", false))) {
      Dossier d = Fixtures.grandAge().toBuilder().patient(c.patient().toBuilder().birthPlace(c.place()).build()).build();
      assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/patient/birthPlace")).as(c.place())
          .isEqualTo(c.ok() ? List.of() : List.of("identity.birthPlaceNotNir"));
    }
    // a NIA says nothing of the birthplace; NIRs in 91–96 (Algeria before 1962, protectorates) are not decided here
    Dossier nia = Fixtures.grandAge().toBuilder().patient(abroadNir.toBuilder().ins(new io.vtsdk.model.identity.Ins(
        abroadNir.ins().number(), io.vtsdk.model.identity.InsAuthority.NIA)).birthPlace("69123").build()).build();
    assertThat(VALIDATOR.validate(nia, Stage.DRAFT).codesAt("/patient/birthPlace")).isEmpty();
  }

  @Test
  void aBirthPlaceIsAnInseeCode() {
    for (String bad : List.of("0A123", "6912", "691234", "2C004")) {
      Dossier d = Fixtures.grandAge().toBuilder().patient(Fixtures.adult().toBuilder().birthPlace(bad).build()).build();
      assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/patient/birthPlace")).as(bad)
          .contains("inseeCode.format");
    }
  }

  @Test
  void handicapUsesNoIns() {
    Dossier d = Fixtures.handicap();
    assertThat(d.patient().ins()).as("the fixture").isNull();
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION).isValid()).isTrue();
    Dossier withIns = d.toBuilder().patient(d.patient().toBuilder().ins(Fixtures.adult().ins())
        .identityStatus(IdentityStatus.QUALIFIEE).build()).build();
    ValidationReport r = VALIDATOR.validate(withIns, Stage.DRAFT);
    assertThat(r.codesAt("/patient/ins")).containsExactly("identity.insNotInHandicap");
    assertThat(r.codesAt("/patient/identityStatus")).containsExactly("identity.statusNotInHandicap");
    assertThat(r.violations()).allSatisfy(v -> assertThat(v.message()).doesNotContain(
        withIns.patient().ins().number().value()));
  }

  @Test
  void minorsConsentIsGivenByTheLegalRepresentative() {
    Dossier d = Fixtures.tnd().toBuilder().consent(new Consent(true, Consent.GivenBy.PERSON, Fixtures.TODAY))
        .build();
    assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/consent/givenBy"))
        .containsExactly("consent.representativeRequired");
    Dossier noRepresentative = Fixtures.tnd().toBuilder()
        .patient(Fixtures.tnd().patient().toBuilder().legalRepresentative(null).build()).build();
    assertThat(VALIDATOR.validate(noRepresentative, Stage.DRAFT).codesAt("/patient/legalRepresentative"))
        .containsExactly("consent.representativeMissing");
  }

  @Test
  void protectedAdultNeedsARepresentative() {
    Dossier d = Fixtures.grandAge().toBuilder()
        .patient(Fixtures.adult().toBuilder().protection(ProtectionMeasure.TUTELLE).build())
        .build();
    ValidationReport r = VALIDATOR.validate(d, Stage.DRAFT);
    assertThat(r.codesAt("/patient/legalRepresentative"))
        .containsExactlyInAnyOrder("protection.representativeRequired", "consent.representativeMissing");
    assertThat(r.codesAt("/consent/givenBy")).containsExactly("consent.representativeRequired");
  }

  /** C. civ. art. 459: under curatelle the person is assisted, not represented, and consents themselves. */
  @ParameterizedTest
  @EnumSource(value = ProtectionMeasure.class, names = {"CURATELLE", "CURATELLE_RENFORCEE"})
  void anAdultUnderCuratelleConsentsThemselves(ProtectionMeasure measure) {
    Dossier d = Fixtures.grandAge().toBuilder()
        .patient(Fixtures.adult().toBuilder().protection(measure).build())
        .consent(new io.vtsdk.model.dossier.Consent(true, io.vtsdk.model.dossier.Consent.GivenBy.PERSON,
            Fixtures.TODAY))
        .build();
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION).violations()).isEmpty();
    assertThat(measure.assisted()).isTrue();
    assertThat(measure.needsRepresentative()).isFalse();
  }

  @Test
  void pradoNeedsTheAmeAnswerAVoletAndAPlannedDischarge() {
    Dossier d = Fixtures.prado().toBuilder()
        .patient(Fixtures.adult().toBuilder().insurance(new Insurance(Regime.GENERAL, null, null, null, "691"))
            .build())
        .orientation(new Orientation(VtModule.PRADO, io.vtsdk.model.dossier.TargetKind.PRADO, null, null, null,
            null))
        .plannedDischargeDate(null)
        .build();
    ValidationReport r = VALIDATOR.validate(d, Stage.SUBMISSION);
    assertThat(r.codesAt("/patient/insurance/ame")).containsExactly("prado.ameRequired");
    assertThat(r.codesAt("/orientation/pradoVolet")).containsExactly("required");
    assertThat(r.codesAt("/plannedDischargeDate")).containsExactly("required");
    assertThat(VALIDATOR.validate(d, Stage.DRAFT).isValid()).isTrue();
  }

  @Test
  void smrOrientationNeedsItsMention() {
    Dossier d = Fixtures.sanitaire().toBuilder().orientation(Orientation.smr(null, List.of())).build();
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION).codesAt("/orientation/smrMention"))
        .containsExactly("required");
    Dossier ok = d.toBuilder().orientation(Orientation.smr(SmrMention.GERIATRIE, List.of())).build();
    assertThat(VALIDATOR.validate(ok, Stage.SUBMISSION).isValid()).isTrue();
  }

  @Test
  void tndReferralMustComeFromADoctor() {
    Dossier d = Fixtures.tnd().toBuilder().requester(new Requester(UnitId.of("U1"), Fixtures.nurse())).build();
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION).codesAt("/requester/professional"))
        .containsExactly("tnd.doctorRequired");
  }

  private static io.vtsdk.model.dossier.MedicalSection medicalBy(io.vtsdk.model.dossier.SectionInfo info) {
    io.vtsdk.model.dossier.MedicalSection m = Fixtures.medical();
    return new io.vtsdk.model.dossier.MedicalSection(info, m.summary(), m.pathologies(), m.gir(),
        m.cardiacDecompensationStay());
  }

  /** Seed 002: a GP's collaborator authenticated by CPx card fills the dossier for him; seed 003: he alone validates. */
  @Test
  void aCpxDelegateFillsForTheDoctorButOnlyTheDoctorValidatesTheMedicalSection() {
    io.vtsdk.model.actor.Professional secretary = new io.vtsdk.model.actor.Professional(null, "DUPONT", "Anne",
        io.vtsdk.model.actor.Profession.SECRETAIRE_MEDICAL,
        new io.vtsdk.model.actor.Professional.Delegation(Fixtures.doctor().rpps(), true));
    Dossier filled = Fixtures.tnd().toBuilder().requester(new Requester(UnitId.of("U1"), secretary))
        .medical(medicalBy(io.vtsdk.model.dossier.SectionInfo.draft(secretary))).build();
    assertThat(VALIDATOR.validate(filled, Stage.SUBMISSION).violations()).isEmpty();
    Dossier validatedByDelegate = filled.toBuilder().medical(medicalBy(
        io.vtsdk.model.dossier.SectionInfo.validated(secretary, 1, Fixtures.NOW))).build();
    assertThat(VALIDATOR.validate(validatedByDelegate, Stage.DRAFT).codesAt("/medical/info/author"))
        .containsExactly("medical.validatedByPrescriber");
    io.vtsdk.model.actor.Professional noCpx = new io.vtsdk.model.actor.Professional(null, "DUPONT", "Anne",
        io.vtsdk.model.actor.Profession.SECRETAIRE_MEDICAL,
        new io.vtsdk.model.actor.Professional.Delegation(Fixtures.doctor().rpps(), false));
    assertThat(VALIDATOR.validate(filled.toBuilder().requester(new Requester(UnitId.of("U1"), noCpx)).build(),
        Stage.SUBMISSION).codesAt("/requester/professional")).containsExactly("tnd.doctorRequired");
    io.vtsdk.model.actor.Professional coordonnateur = io.vtsdk.model.actor.Professional.of(Fixtures.doctor().rpps(),
        "MARTIN", "Luc", io.vtsdk.model.actor.Profession.MEDECIN_COORDONNATEUR);
    assertThat(VALIDATOR.validate(Fixtures.tnd().toBuilder().requester(new Requester(UnitId.of("U1"), coordonnateur))
        .build(), Stage.SUBMISSION).violations()).as("a coordinating doctor is a doctor").isEmpty();
  }

  @Test
  void handicapNeedsTheMdphDecisionConsentAndAMatchingCategory() {
    Dossier missing = Fixtures.handicap().toBuilder().mdphDecision(null).consent(null).build();
    ValidationReport r = VALIDATOR.validate(missing, Stage.SUBMISSION);
    assertThat(r.codesAt("/mdphDecision")).containsExactly("required");
    assertThat(r.codesAt("/consent")).containsExactly("required");

    Dossier mas = Fixtures.handicap().toBuilder()
        .orientation(Orientation.esms(Nomenclatures.get(NosTable.J254).coding("255").orElseThrow())).build();
    assertThat(VALIDATOR.validate(mas, Stage.DRAFT).codesAt("/orientation/esmsCategory"))
        .containsExactly("mdph.categoryNotInDecision");
  }

  @Test
  void refusedConsentBlocksSubmission() {
    Dossier d = Fixtures.grandAge().toBuilder().consent(new Consent(false, Consent.GivenBy.PERSON, Fixtures.TODAY))
        .build();
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION).codesAt("/consent/granted"))
        .containsExactly("consent.notGranted");
    assertThat(VALIDATOR.validate(d, Stage.DRAFT).isValid()).isTrue();
  }

  @Test
  void birthDateInTheFutureIsRefused() {
    Dossier d = Fixtures.sanitaire().toBuilder()
        .patient(Fixtures.adult().toBuilder().birthDate(Fixtures.TODAY.plusDays(1)).build()).build();
    assertThat(VALIDATOR.validate(d, Stage.DRAFT).codesAt("/patient/birthDate")).containsExactly("date.future");
  }

  @Test
  void attachmentsAreLimitedInSizeAndType() {
    Attachment big = new Attachment(AttachmentId.of("A2"), "scan.pdf", "application/pdf", 21L * 1024 * 1024,
        "b".repeat(64), Fixtures.NOW);
    Attachment zip = new Attachment(AttachmentId.of("A3"), "x.zip", "application/zip", 10, "c".repeat(64),
        Fixtures.NOW);
    Attachment pdfWithParams = new Attachment(AttachmentId.of("A4"), "y.pdf", "Application/PDF; name=y.pdf", 10,
        "d".repeat(64), Fixtures.NOW);
    Dossier d = Fixtures.sanitaire().toBuilder().attachments(List.of(big, zip, pdfWithParams)).build();
    ValidationReport r = VALIDATOR.validate(d, Stage.DRAFT);
    assertThat(r.codesAt("/attachments/0/size")).containsExactly("attachment.tooLarge");
    assertThat(r.codesAt("/attachments/1/contentType")).containsExactly("attachment.contentType");
    assertThat(r.violations()).hasSize(2);
    assertThat(r.violations().get(0).message()).contains("20971520");

    DossierValidator small = VALIDATOR.newBuilder().maxAttachmentBytes(5).allowedContentTypes(Set.of("application/zip"))
        .build();
    ValidationReport r2 = small.validate(d, Stage.DRAFT);
    assertThat(r2.codesAt("/attachments/1/size")).containsExactly("attachment.tooLarge");
    assertThat(r2.codesAt("/attachments/1/contentType")).isEmpty();
    assertThat(r2.codesAt("/attachments/2/contentType")).containsExactly("attachment.contentType");
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> DossierValidator.builder().maxAttachmentBytes(0))
        .hasMessageContaining("maxAttachmentBytes must be positive");
    assertThatThrownBy(() -> DossierValidator.builder().allowedContentTypes(Set.of()))
        .hasMessageContaining("empty");
  }

  @Test
  void orThrowCarriesTheReportAndListsPathsAndCodesOnly() {
    Dossier d = Dossier.builder(DossierId.of("X"), VtModule.PRADO).build();
    assertThatThrownBy(() -> VALIDATOR.validate(d, Stage.SUBMISSION).orThrow())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.report().violations()).isNotEmpty())
        .hasMessageContaining("/patient required");
  }

  @Test
  void aDossierReadFromJsonWithBadValuesIsReportedNotLost() {
    String json = VtJson.toJson(Fixtures.sanitaire())
        .replace("\"departement\":\"69\"", "\"departement\":\"99\"")
        .replace("\"postalCode\":\"69002\"", "\"postalCode\":\"6900\"");
    Dossier d = VtJson.fromJson(json, Dossier.class);
    ValidationReport r = VALIDATOR.validate(d, Stage.DRAFT);
    assertThat(r.codesAt("/patient/address/departement/code")).containsExactly("departement.format");
    assertThat(r.codesAt("/patient/address/postalCode")).containsExactly("postalCode.format");
  }

  @Test
  void unknownLocaleFallsBackToFrench() {
    Dossier d = Dossier.builder(DossierId.of("X"), VtModule.TND).build();
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION, Locale.GERMAN).violations().get(0).message())
        .isEqualTo("est obligatoire");
    assertThat(VALIDATOR.validate(d, Stage.SUBMISSION, Locale.forLanguageTag("en-GB")).violations().get(0).message())
        .isEqualTo("is required");
  }

  @Test
  void dateHelpers() {
    assertThat(Fixtures.adult().ageOn(LocalDate.of(2026, 5, 1))).isEqualTo(77);
    assertThat(Fixtures.adult().ageOn(LocalDate.of(2026, 5, 2))).isEqualTo(78);
  }
}
