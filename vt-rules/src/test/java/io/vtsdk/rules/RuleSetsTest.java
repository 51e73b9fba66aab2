package io.vtsdk.rules;

import static io.vtsdk.rules.StandardFacts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.Coding;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.LivingSituation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.patient.Regime;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven tests of the standard rule sets, including every date boundary. */
class RuleSetsTest {
  static final RuleEngine ENGINE = RuleEngine.standard();
  static final LocalDate D = LocalDate.of(2026, 11, 23);

  static Facts.Builder pradoIc() {
    return Facts.builder()
        .put(REQUESTER_PRADO_VOLETS, Set.of(PradoVolet.INSUFFISANCE_CARDIAQUE, PradoVolet.PERSONNES_AGEES))
        .put(AME, false)
        .put(CPAM_CODE, "691")
        .put(KNOWN_CPAM_CODES, Set.of("691", "381"))
        .put(REQUEST_TYPE, RequestType.EN_HOSPITALISATION)
        .put(PLANNED_DISCHARGE, D.plusDays(3))
        .put(CARDIAC_DECOMPENSATION_STAY, true)
        .put(MEDICAL_SECTION, true)
        .put(CHANNEL, StandardFacts.Channel.VT)
        .put(BIRTH_DATE, LocalDate.of(1950, 6, 1))
        .put(REGIME, Regime.GENERAL);
  }

  static Decision prado(PradoVolet volet, Facts facts, LocalDate on) {
    return ENGINE.evaluate(Target.prado(volet), facts, on);
  }

  // ---------------------------------------------------------------- PRADO

  @ParameterizedTest(name = "{0} -> rule set {1}")
  @CsvSource({"2020-01-01, 2020", "2025-03-31, 2020", "2025-04-01, 2025-04", "2026-12-31, 2025-04",
      "2027-01-01, 2027-01", "2040-01-01, 2027-01"})
  void pradoRuleSetIsChosenByDate(LocalDate on, String version) {
    Decision d = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().build(), on);
    assertThat(d.ruleSetVersion()).isEqualTo(version);
    assertThat(d.ruleSetId()).isEqualTo("prado.insuffisance_cardiaque");
    assertThat(d).isInstanceOf(Decision.Eligible.class);
    assertThat(d.evaluatedOn()).isEqualTo(on);
  }

  @Test
  void beforeVtPradoThereIsNoRuleSet() {
    assertThatThrownBy(() -> prado(PradoVolet.AVC, pradoIc().build(), LocalDate.of(2019, 12, 31)))
        .isInstanceOfSatisfying(NoRuleSetException.class, e -> {
          assertThat(e.target()).isEqualTo(Target.prado(PradoVolet.AVC));
          assertThat(e.date()).isEqualTo(LocalDate.of(2019, 12, 31));
        })
        .hasMessageContaining("no rule set for PRADO/AVC on 2019-12-31")
        .hasMessageContaining("2020-01-01..2025-03-31 (v2020)");
  }

  @ParameterizedTest(name = "channel OTHER on {0} -> {1}")
  @CsvSource({"2026-12-31, ELIGIBLE", "2027-01-01, INELIGIBLE"})
  void afterEnd2026OnlyRequestsThroughVtAreHandled(LocalDate on, Decision.Result result) {
    Decision d = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(CHANNEL, StandardFacts.Channel.OTHER).build(),
        on);
    assertThat(d.result()).isEqualTo(result);
    if (result == Decision.Result.INELIGIBLE) {
      assertThat(((Decision.Ineligible) d).failed()).containsExactly("prado.vt-only");
    } else {
      assertThat(d.flags()).contains("prado.outside-vt-tolerated");
    }
  }

  @ParameterizedTest(name = "no medical section on {0} -> {1}")
  @CsvSource({"2025-03-31, INCOMPLETE", "2025-04-01, ELIGIBLE"})
  void theSimplifiedDossierOfApril2025NoLongerNeedsTheMedicalSection(LocalDate on, Decision.Result result) {
    Decision d = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(MEDICAL_SECTION, false).build(), on);
    assertThat(d.result()).isEqualTo(result);
    if (d instanceof Decision.Incomplete incomplete) {
      assertThat(incomplete.missing()).containsExactly("/medical");
    }
  }

  @Test
  void ameBeneficiaryIsIneligibleAndUnansweredAmeIsIncomplete() {
    Decision ame = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(AME, true).build(), D);
    assertThat(ame).isInstanceOfSatisfying(Decision.Ineligible.class,
        i -> assertThat(i.failed()).containsExactly("prado.ame"));
    Decision unanswered = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(AME, null).build(), D);
    assertThat(unanswered).isInstanceOfSatisfying(Decision.Incomplete.class,
        i -> assertThat(i.missing()).containsExactly("/patient/insurance/ame"));
  }

  @Test
  void pradoNeedsAConventionForTheVolet() {
    Decision d = prado(PradoVolet.AVC, pradoIc().build(), D);
    assertThat(d.failedRules()).containsExactly("prado.convention");
    assertThat(d.trace().get(0).reasonEn()).isEqualTo("the unit holds no Prado convention for this volet");
  }

  @Test
  void pradoNeedsAResolvableCpam() {
    assertThat(prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(CPAM_CODE, "999").build(), D).failedRules())
        .containsExactly("prado.cpam");
    assertThat(prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(KNOWN_CPAM_CODES, null).build(), D)
        .missingInputs()).containsExactly("/directory/cpamCodes");
  }

  @Test
  void inHospitalRequestNeedsAPlannedDischargeDateButAHomeRequestDoesNot() {
    assertThat(prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(PLANNED_DISCHARGE, null).build(), D)
        .missingInputs()).containsExactly("/plannedDischargeDate");
    assertThat(prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(PLANNED_DISCHARGE, null)
        .put(REQUEST_TYPE, RequestType.A_DOMICILE).build(), D).result()).isEqualTo(Decision.Result.ELIGIBLE);
  }

  @ParameterizedTest(name = "born {0}, evaluated {1} -> {2}")
  @CsvSource({"1951-11-23, 2026-11-23, ELIGIBLE", "1951-11-23, 2026-11-22, INELIGIBLE",
      "1951-11-24, 2026-11-23, INELIGIBLE", "1920-01-01, 2026-11-23, ELIGIBLE"})
  void personnesAgeesFrom75OnTheEvaluationDate(LocalDate birth, LocalDate on, Decision.Result result) {
    Decision d = prado(PradoVolet.PERSONNES_AGEES, pradoIc().put(BIRTH_DATE, birth).build(), on);
    assertThat(d.result()).isEqualTo(result);
    if (result == Decision.Result.INELIGIBLE) {
      assertThat(d.failedRules()).containsExactly("prado.pa.age");
    }
  }

  @Test
  void personnesAgeesNeedsTheRegimeGeneral() {
    assertThat(prado(PradoVolet.PERSONNES_AGEES, pradoIc().put(BIRTH_DATE, LocalDate.of(1940, 1, 1))
        .put(REGIME, Regime.AGRICOLE).build(), D).failedRules()).containsExactly("prado.pa.regime");
  }

  @Test
  void insuffisanceCardiaqueNeedsAStayForDecompensation() {
    assertThat(prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(CARDIAC_DECOMPENSATION_STAY, false).build(), D)
        .failedRules()).containsExactly("prado.ic.decompensation");
    assertThat(prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(CARDIAC_DECOMPENSATION_STAY, null).build(), D)
        .missingInputs()).containsExactly("/medical/cardiacDecompensationStay");
  }

  @Test
  void c2sOnTheInsuranceMeetsTheBenefitsCriterion() {
    Decision viaInsurance = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(C2S, true)
        .put(BENEFITS, Set.of()).build(), D);
    assertThat(viaInsurance.flags()).contains("prado.fragility.benefits");
    Decision neither = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().put(C2S, false)
        .put(BENEFITS, Set.of()).build(), D);
    assertThat(neither.flags()).doesNotContain("prado.fragility.benefits");
  }

  @Test
  void theAmeRuleIsSourcedAsAnAssumption() {
    Rule ame = io.vtsdk.rules.sets.PradoRuleSets.all(Thresholds.defaults()).stream()
        .flatMap(rs -> rs.rules().stream()).filter(r -> r.id().equals("prado.ame")).findFirst().orElseThrow();
    assertThat(ame.source().kind()).isEqualTo(Source.Kind.ASSUMPTION);
  }

  @Test
  void priorityCriteriaAreFlaggedNotDecided() {
    Facts fragile = pradoIc().put(HAS_TREATING_DOCTOR, false).put(LIVING_SITUATION, LivingSituation.ALONE)
        .put(COMPLEMENTARY_INSURANCE, true).build();
    Decision d = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, fragile, D);
    assertThat(d.result()).isEqualTo(Decision.Result.ELIGIBLE);
    assertThat(d.flags()).containsExactly("prado.priority.volet", "prado.priority.no-treating-doctor",
        "prado.fragility.alone-or-carer");
    // the unknown fragility criteria are in the trace as UNKNOWN but do not make the decision INCOMPLETE
    assertThat(d.trace()).anyMatch(e -> e.ruleId().equals("prado.fragility.housing")
        && e.outcome() == Outcome.UNKNOWN);
    Decision chirurgie = prado(PradoVolet.CHIRURGIE, pradoIc().put(REQUESTER_PRADO_VOLETS,
        Set.of(PradoVolet.CHIRURGIE)).build(), D);
    assertThat(chirurgie.flags()).doesNotContain("prado.priority.volet");
  }

  @Test
  void traceRecordsTheInputsEachRuleRead() {
    Decision d = prado(PradoVolet.INSUFFISANCE_CARDIAQUE, pradoIc().build(), D);
    TraceEntry cpam = d.trace().stream().filter(e -> e.ruleId().equals("prado.cpam")).findFirst().orElseThrow();
    assertThat(cpam.inputs()).containsEntry("/patient/insurance/cpamCode", "691")
        .containsKey("/directory/cpamCodes");
    assertThat(cpam.version()).isEqualTo("1");
    assertThat(cpam.reason(java.util.Locale.FRENCH)).isEqualTo("la CPAM de rattachement est connue");
  }

  // ---------------------------------------------------------------- GRAND_AGE

  static Facts.Builder elderly(LocalDate birth) {
    return Facts.builder().put(BIRTH_DATE, birth).put(GIR, 3).put(MEDICAL_SECTION, true);
  }

  @ParameterizedTest(name = "{0} born {1} -> {2}")
  @CsvSource({"EHPAD, 1966-11-23, ELIGIBLE", "EHPAD, 1966-11-24, INELIGIBLE",
      "RESIDENCE_AUTONOMIE, 1966-11-23, ELIGIBLE", "RESIDENCE_AUTONOMIE, 1970-01-01, INELIGIBLE"})
  void grandAgeFrom60(TargetKind kind, LocalDate birth, Decision.Result result) {
    Decision d = ENGINE.evaluate(Target.of(kind), elderly(birth).build(), D);
    assertThat(d.result()).isEqualTo(result);
  }

  @Test
  void documentedDerogationTurnsTheAgeFailIntoAPassAndSaysSo() {
    Decision d = ENGINE.evaluate(Target.of(TargetKind.EHPAD), elderly(LocalDate.of(1970, 1, 1))
        .put(AGE_DEROGATION, "Arrêté CD69 n° 2026-117").build(), D);
    assertThat(d.result()).isEqualTo(Decision.Result.ELIGIBLE);
    assertThat(d.trace().get(0).reasonFr()).contains("dérogation d'âge : Arrêté CD69 n° 2026-117");
    assertThat(d.trace().get(0).inputs()).containsEntry("/adminSocial/ageDerogation", "Arrêté CD69 n° 2026-117");
  }

  @Test
  void girMustBeRecordedAndApaIsInformative() {
    assertThat(ENGINE.evaluate(Target.of(TargetKind.EHPAD), elderly(LocalDate.of(1940, 1, 1)).put(GIR, null).build(), D)
        .missingInputs()).containsExactly("/medical/gir");
    assertThat(ENGINE.evaluate(Target.of(TargetKind.EHPAD), elderly(LocalDate.of(1940, 1, 1)).build(), D).flags())
        .containsExactly("grand-age.apa");
    assertThat(ENGINE.evaluate(Target.of(TargetKind.EHPAD), elderly(LocalDate.of(1940, 1, 1)).put(GIR, 5).build(), D)
        .flags()).isEmpty();
  }

  @Test
  void usldNeedsTheMedicalSection() {
    Decision d = ENGINE.evaluate(Target.of(TargetKind.USLD), elderly(LocalDate.of(1940, 1, 1))
        .put(MEDICAL_SECTION, false).build(), D);
    assertThat(d.missingInputs()).containsExactly("/medical");
  }

  // ---------------------------------------------------------------- HANDICAP

  static Facts.Builder handicap() {
    MdphDecision decision = Fixtures.mdphDecision(); // J254 183 (IME), valid TODAY-1 month .. TODAY+5 years
    return Facts.builder()
        .put(MDPH_DECISION, decision)
        .put(TARGET_ESMS_CATEGORY, "183")
        .put(BIRTH_DATE, LocalDate.of(2016, 3, 14))
        .put(CONSENT, new Consent(true, Consent.GivenBy.LEGAL_REPRESENTATIVE, Fixtures.TODAY));
  }

  @Test
  void handicapEligibleWithAValidDecisionForTheCategoryAndConsent() {
    assertThat(ENGINE.evaluate(Target.of(TargetKind.ESMS), handicap().build(), Fixtures.TODAY).result())
        .isEqualTo(Decision.Result.ELIGIBLE);
  }

  @ParameterizedTest(name = "decision on {0} -> {1}")
  @CsvSource({"2026-10-22, INELIGIBLE", "2026-10-23, ELIGIBLE", "2031-11-23, ELIGIBLE", "2031-11-24, INELIGIBLE"})
  void mdphDecisionValidityBoundsAreInclusive(LocalDate on, Decision.Result result) {
    assertThat(ENGINE.evaluate(Target.of(TargetKind.ESMS), handicap().build(), on).result()).isEqualTo(result);
  }

  @Test
  void handicapCategoryConsentAndStatusPairs() {
    assertThat(ENGINE.evaluate(Target.of(TargetKind.ESMS), handicap().put(TARGET_ESMS_CATEGORY, "255").build(),
        Fixtures.TODAY).failedRules()).containsExactly("handicap.category");
    assertThat(ENGINE.evaluate(Target.of(TargetKind.ESMS), handicap().put(CONSENT,
        new Consent(true, Consent.GivenBy.PERSON, Fixtures.TODAY)).build(), Fixtures.TODAY).failedRules())
        .containsExactly("handicap.consent");
    assertThat(ENGINE.evaluate(Target.of(TargetKind.ESMS), handicap().put(CONSENT, null).build(), Fixtures.TODAY)
        .missingInputs()).containsExactly("/consent");
    assertThat(ENGINE.evaluate(Target.of(TargetKind.ESMS), handicap().put(ESMS_STATUS, status("45", "86")).build(),
        Fixtures.TODAY).result()).isEqualTo(Decision.Result.ELIGIBLE);
    assertThat(ENGINE.evaluate(Target.of(TargetKind.ESMS), handicap().put(ESMS_STATUS, status("47", "86")).build(),
        Fixtures.TODAY).failedRules()).containsExactly("handicap.esms-status-motif");
  }

  static EsmsStatus status(String status, String motif) {
    return new EsmsStatus("1690000013", null, Coding.of(NosTable.R357.url(), status),
        Coding.of(NosTable.R358.url(), motif), Fixtures.TODAY, null, null, null, null, "D1", null);
  }

  // ---------------------------------------------------------------- TND

  static Facts.Builder child(LocalDate birth) {
    return Facts.builder().put(BIRTH_DATE, birth).put(REFERRAL_BY_DOCTOR, true).put(DEPARTEMENT, "69")
        .put(TARGET_COVERED_DEPARTEMENTS, Set.of("69", "01"));
  }

  @ParameterizedTest(name = "9-year-old on {0} -> {1}")
  @CsvSource({"2021-03-31, INELIGIBLE", "2021-04-01, ELIGIBLE"})
  void pco712OpensOnFirstApril2021(LocalDate on, Decision.Result result) {
    Decision d = ENGINE.evaluate(Target.of(TargetKind.PCO_7_12), child(on.minusYears(9).minusDays(10)).build(), on);
    assertThat(d.result()).isEqualTo(result);
    if (result == Decision.Result.INELIGIBLE) {
      assertThat(d.failedRules()).containsExactly("tnd.band-7-12-open");
      assertThat(d.ruleSetVersion()).isEqualTo("2019-01");
    } else {
      assertThat(d.ruleSetVersion()).isEqualTo("2021-04");
    }
  }

  @ParameterizedTest(name = "{0} born {1} -> {2}")
  @CsvSource({"PCO_0_6, 2020-11-24, ELIGIBLE", "PCO_0_6, 2019-11-24, ELIGIBLE", "PCO_0_6, 2019-11-23, INELIGIBLE",
      "PCO_0_6, 2026-11-23, ELIGIBLE", "PCO_7_12, 2019-11-23, ELIGIBLE", "PCO_7_12, 2019-11-24, INELIGIBLE",
      "PCO_7_12, 2013-11-24, ELIGIBLE", "PCO_7_12, 2013-11-23, INELIGIBLE"})
  void tndAgeBandsAreInclusive(TargetKind kind, LocalDate birth, Decision.Result result) {
    assertThat(ENGINE.evaluate(Target.of(kind), child(birth).build(), D).result()).isEqualTo(result);
  }

  @Test
  void tndReferralByADoctorToThePcoOfTheDepartement() {
    assertThat(ENGINE.evaluate(Target.of(TargetKind.PCO_0_6), child(LocalDate.of(2023, 1, 1))
        .put(REFERRAL_BY_DOCTOR, false).build(), D).failedRules()).containsExactly("tnd.referral-by-doctor");
    assertThat(ENGINE.evaluate(Target.of(TargetKind.PCO_0_6), child(LocalDate.of(2023, 1, 1))
        .put(DEPARTEMENT, "38").build(), D).failedRules()).containsExactly("tnd.pco-coverage");
    assertThatThrownBy(() -> ENGINE.evaluate(Target.of(TargetKind.PCO_0_6), child(LocalDate.of(2015, 1, 1)).build(),
        LocalDate.of(2018, 12, 31))).isInstanceOf(NoRuleSetException.class)
        .hasMessageContaining("cover 2019-01-01..… (v2019-01)");
  }

  // ---------------------------------------------------------------- HNP

  @ParameterizedTest(name = "patient in {0} on {1} -> {2} (v{3})")
  @CsvSource({"11, 2023-01-01, ELIGIBLE, 2023-01", "31, 2023-06-30, INELIGIBLE, 2023-01",
      "31, 2023-07-01, ELIGIBLE, 2023-07", "34, 2026-11-23, ELIGIBLE, 2023-07", "66, 2026-11-23, ELIGIBLE, 2023-07",
      "69, 2026-11-23, INELIGIBLE, 2023-07", "2A, 2026-11-23, INELIGIBLE, 2023-07"})
  void hnpIsOnlyTriedInTheExperimentsDepartementsAsTheyJoined(String dep, LocalDate on, Decision.Result result,
      String version) {
    Decision d = ENGINE.evaluate(Target.of(TargetKind.SPECIALTY_SERVICE), Facts.builder().put(DEPARTEMENT, dep)
        .put(MEDICAL_SECTION, true).build(), on);
    assertThat(d.result()).isEqualTo(result);
    assertThat(d.ruleSetId() + " v" + d.ruleSetVersion()).isEqualTo("hnp.direct-admission v" + version);
    if (result == Decision.Result.INELIGIBLE) {
      assertThat(d.failedRules()).containsExactly("hnp.experiment-area");
    }
  }

  @Test
  void hnpNeedsTheMedicalSectionAndDidNotExistBefore2023() {
    Target hnp = Target.of(TargetKind.SPECIALTY_SERVICE);
    assertThat(ENGINE.evaluate(hnp, Facts.builder().put(DEPARTEMENT, "11").put(MEDICAL_SECTION, false).build(), D)
        .failedRules()).containsExactly("hnp.medical-section");
    assertThat(ENGINE.evaluate(hnp, Facts.builder().put(DEPARTEMENT, "11").build(), D).result())
        .isEqualTo(Decision.Result.INCOMPLETE);
    assertThatThrownBy(() -> ENGINE.evaluate(hnp, Facts.builder().put(DEPARTEMENT, "11").put(MEDICAL_SECTION, true)
        .build(), LocalDate.of(2022, 12, 31))).isInstanceOf(NoRuleSetException.class);
    assertThat(ENGINE.evaluate(hnp, DossierFacts.of(Fixtures.hnp()).build(), D).result())
        .isEqualTo(Decision.Result.ELIGIBLE);
  }

  // ---------------------------------------------------------------- engine

  @Test
  void ruleSetsAddedLaterOverrideTheStandardOnes() {
    RuleSet strict = new RuleSet("my.ehpad", "local-1", Target.of(TargetKind.EHPAD), LocalDate.of(2026, 1, 1), null,
        Source.assumption("our département's own rule"), List.of(Rule.builder("my.always-no")
            .source(Source.assumption("test")).description("non", "no")
            .when((f, on) -> Verdict.fail("non", "no")).build()));
    RuleEngine engine = ENGINE.newBuilder().add(strict).build();
    assertThat(engine.evaluate(Target.of(TargetKind.EHPAD), elderly(LocalDate.of(1940, 1, 1)).build(), D)
        .ruleSetId()).isEqualTo("my.ehpad");
    assertThat(engine.evaluate(Target.of(TargetKind.EHPAD), elderly(LocalDate.of(1940, 1, 1)).build(),
        LocalDate.of(2025, 12, 31)).ruleSetId()).isEqualTo("grand-age.ehpad");
  }

  @Test
  void thresholdsAreConfigurable() {
    RuleEngine engine = RuleEngine.builder().addStandard(Thresholds.defaults().with("grandAge.minAge", "55")).build();
    assertThat(engine.evaluate(Target.of(TargetKind.EHPAD), elderly(LocalDate.of(1970, 1, 1)).build(), D).result())
        .isEqualTo(Decision.Result.ELIGIBLE);
    assertThatThrownBy(() -> Thresholds.defaults().with("grandAge.minAg", "55"))
        .hasMessageContaining("unknown threshold 'grandAge.minAg'");
    assertThatThrownBy(() -> Thresholds.defaults().with("grandAge.minAge", "soixante"))
        .hasMessageContaining("must be an integer");
    assertThatThrownBy(() -> Thresholds.defaults().with("tnd.pco712.opens", "2021-13-01"))
        .hasMessageContaining("must be a date");
  }

  @Test
  void everyStandardRuleCitesASourceAndHasBothLanguages() {
    for (RuleSet s : ENGINE.ruleSets()) {
      for (Rule r : s.rules()) {
        assertThat(r.source().citation()).as(r.id()).isNotBlank();
        assertThat(r.descriptionFr()).as(r.id()).isNotBlank();
        assertThat(r.descriptionEn()).as(r.id()).isNotBlank();
      }
    }
    assertThat(ENGINE.ruleSets()).extracting(RuleSet::target).contains(Target.prado(PradoVolet.MATERNITE),
        Target.of(TargetKind.USLD), Target.of(TargetKind.ESMS), Target.of(TargetKind.PCO_7_12));
  }

  @Test
  void targetParsing() {
    assertThat(Target.parse("prado/avc")).isEqualTo(Target.prado(PradoVolet.AVC));
    assertThat(Target.parse("EHPAD").toString()).isEqualTo("EHPAD");
    assertThatThrownBy(() -> Target.parse("PRADO")).hasMessageContaining("needs a volet");
    assertThatThrownBy(() -> Target.parse("HOTEL")).hasMessageContaining("unknown target 'HOTEL'");
  }
}
