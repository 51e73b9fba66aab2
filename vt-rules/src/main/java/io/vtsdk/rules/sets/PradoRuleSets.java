package io.vtsdk.rules.sets;

import static io.vtsdk.rules.StandardFacts.*;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.dossier.LivingSituation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.SocialBenefit;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.model.patient.Regime;
import io.vtsdk.rules.Rule;
import io.vtsdk.rules.RuleSet;
import io.vtsdk.rules.Source;
import io.vtsdk.rules.StandardFacts;
import io.vtsdk.rules.Target;
import io.vtsdk.rules.Thresholds;
import io.vtsdk.rules.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Prado rule sets, one per volet and per period: {@code 2020} (classic dossier), {@code 2025-04} (module simplified
 * since April 2025, seed 003) and {@code 2027-01} (after the end-2026 deadline, only requests sent through VT are
 * handled, seed 003). Priority criteria (seed 003) are informative rules: they flag, they never decide.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PradoRuleSets {
  private PradoRuleSets() {}

  static final Source SEED_ORIENTATION = Source.seed("seed 003 – « L'orientation PRADO dans ViaTrajectoire (1/2) »");
  static final Source AME_ASSUMPTION = Source.assumption("seed 003 shows only the question « Le patient est-il"
      + " bénéficiaire de l'AME ? » first in the Prado orientation; that a « oui » closes Prado is inferred (Prado serves"
      + " the Assurance Maladie's insured; AME is State aid outside it), not written in a public text");
  static final Source SEED_PRIORITIES = Source.seed("seed 003 – « Évolution du dispositif Prado » : critères de"
      + " fragilité et publics prioritaires (IC, AVC, BPCO, sans médecin traitant)");
  static final Source SEED_DEADLINE = Source.seed("seed 003 – « L'orientation de toutes les demandes via VT Prado »"
      + " : échéance limite fin 2026");

  // ---- verdicts (constants: evaluation allocates none)
  private static final Verdict CONVENTION_OK = Verdict.pass("l'unité a une convention pour ce volet",
      "the unit holds a convention for this volet");
  private static final Verdict CONVENTION_NO = Verdict.fail("l'unité n'a pas de convention Prado pour ce volet",
      "the unit holds no Prado convention for this volet");
  private static final Verdict CONVENTION_UNKNOWN = Verdict.unknown(REQUESTER_PRADO_VOLETS);
  private static final Verdict NOT_AME = Verdict.pass("le patient n'est pas bénéficiaire de l'AME",
      "the patient is not an AME beneficiary");
  private static final Verdict IS_AME = Verdict.fail("le patient est bénéficiaire de l'AME : Prado n'est pas ouvert",
      "the patient is an AME beneficiary: Prado is not open");
  private static final Verdict AME_UNKNOWN = Verdict.unknown(AME);
  private static final Verdict CPAM_OK = Verdict.pass("la CPAM de rattachement est connue",
      "the patient's CPAM is known");
  private static final Verdict CPAM_NO = Verdict.fail("la CPAM de rattachement n'est pas dans l'annuaire",
      "the patient's CPAM is not in the directory");
  private static final Verdict CPAM_CODE_UNKNOWN = Verdict.unknown(CPAM_CODE);
  private static final Verdict CPAM_DIRECTORY_UNKNOWN = Verdict.unknown(KNOWN_CPAM_CODES);
  private static final Verdict DISCHARGE_OK = Verdict.pass("date de sortie prévue renseignée",
      "planned discharge date present");
  private static final Verdict DISCHARGE_NA = Verdict.pass("demande à domicile : pas de date de sortie",
      "home request: no discharge date needed");
  private static final Verdict DISCHARGE_UNKNOWN = Verdict.unknown(PLANNED_DISCHARGE);
  private static final Verdict REQUEST_TYPE_UNKNOWN = Verdict.unknown(REQUEST_TYPE);
  private static final Verdict BIRTH_UNKNOWN = Verdict.unknown(BIRTH_DATE);
  private static final Verdict REGIME_OK = Verdict.pass("affilié au régime général", "affiliated to the régime général");
  private static final Verdict REGIME_NO = Verdict.fail("non affilié au régime général",
      "not affiliated to the régime général");
  private static final Verdict REGIME_UNKNOWN = Verdict.unknown(REGIME);
  private static final Verdict DECOMP_OK = Verdict.pass("séjour pour décompensation cardiaque",
      "stay for cardiac decompensation");
  private static final Verdict DECOMP_NO = Verdict.fail("le séjour n'est pas une décompensation cardiaque",
      "the stay is not for cardiac decompensation");
  private static final Verdict DECOMP_UNKNOWN = Verdict.unknown(CARDIAC_DECOMPENSATION_STAY);
  private static final Verdict MEDICAL_OK = Verdict.pass("volet médical présent", "medical section present");
  private static final Verdict MEDICAL_UNKNOWN = Verdict.unknown(MEDICAL_SECTION);
  private static final Verdict VIA_VT = Verdict.pass("demande adressée par ViaTrajectoire", "request sent through VT");
  private static final Verdict NOT_VIA_VT = Verdict.fail("demande hors ViaTrajectoire : non traitée par la CAM",
      "request not sent through VT: not handled by the CPAM");
  private static final Verdict CHANNEL_UNKNOWN = Verdict.unknown(CHANNEL);
  private static final Verdict VIA_VT_NOT_FLAGGED = Verdict.fail("demande adressée par ViaTrajectoire",
      "request sent through VT");
  private static final Verdict OUTSIDE_VT = Verdict.pass("demande hors ViaTrajectoire, tolérée jusqu'à fin 2026",
      "request outside VT, tolerated until the end of 2026");
  private static final Verdict CRITERION_MET = Verdict.pass("critère rempli", "criterion met");
  private static final Verdict CRITERION_NOT_MET = Verdict.fail("critère non rempli", "criterion not met");

  /** Every Prado rule set, every volet and period, with {@code t}'s thresholds. */
  public static List<RuleSet> all(Thresholds t) {
    LocalDate simplified = t.date("prado.simplified.from");
    LocalDate vtOnly = t.date("prado.vtOnly.from");
    LocalDate start = LocalDate.of(2020, 1, 1);
    List<RuleSet> out = new ArrayList<>();
    for (PradoVolet v : PradoVolet.values()) {
      out.add(set(v, "2020", start, simplified.minusDays(1), t, Period.CLASSIC));
      out.add(set(v, "2025-04", simplified, vtOnly.minusDays(1), t, Period.SIMPLIFIED));
      out.add(set(v, "2027-01", vtOnly, null, t, Period.VT_ONLY));
    }
    return out;
  }

  private enum Period {
    CLASSIC,
    SIMPLIFIED,
    VT_ONLY
  }

  private static RuleSet set(PradoVolet volet, String version, LocalDate from, LocalDate to, Thresholds t, Period p) {
    List<Rule> rules = new ArrayList<>();
    rules.add(convention(volet));
    rules.add(ame());
    rules.add(cpam());
    rules.add(dischargeDate());
    if (volet == PradoVolet.PERSONNES_AGEES) {
      rules.add(minAge(t.integer("prado.personnesAgees.minAge")));
      rules.add(regimeGeneral());
    }
    if (volet == PradoVolet.INSUFFISANCE_CARDIAQUE) {
      rules.add(cardiacDecompensation());
    }
    if (p == Period.CLASSIC) {
      rules.add(medicalSection());
    }
    rules.add(channel(p == Period.VT_ONLY));
    rules.addAll(priorities(volet));
    return new RuleSet("prado." + volet.name().toLowerCase(java.util.Locale.ROOT), version, Target.prado(volet),
        from, to, p == Period.VT_ONLY ? SEED_DEADLINE : SEED_ORIENTATION, rules);
  }

  static Rule convention(PradoVolet volet) {
    return Rule.builder("prado.convention").source(Source.seed("seed 003 – « Les établissements (et unités) ayant"
            + " paramétré le conventionnement de volets PRADO … ont la possibilité de sélectionner l'orientation"
            + " PRADO »"))
        .description("L'unité demandeuse a une convention pour le volet " + volet.label(),
            "The requesting unit holds a convention for volet " + volet.label())
        .reads(REQUESTER_PRADO_VOLETS)
        .when((f, on) -> {
          Set<?> volets = f.get(REQUESTER_PRADO_VOLETS);
          return volets == null ? CONVENTION_UNKNOWN : volets.contains(volet) ? CONVENTION_OK : CONVENTION_NO;
        })
        .build();
  }

  /**
   * The AME question. The seed shows only that VT asks it first ("le patient est-il bénéficiaire de l'AME ?"); that
   * an AME beneficiary cannot enter Prado is our inference (Prado is an Assurance Maladie service for its insured; AME
   * beneficiaries are not insured by the régime général): an assumption, sourced as such.
   */
  static Rule ame() {
    return Rule.builder("prado.ame").source(AME_ASSUMPTION)
        .description("La question AME est renseignée et le patient n'est pas bénéficiaire de l'AME",
            "The AME question is answered and the patient is not an AME beneficiary")
        .reads(AME)
        .when((f, on) -> {
          Boolean ame = f.get(AME);
          return ame == null ? AME_UNKNOWN : ame ? IS_AME : NOT_AME;
        })
        .build();
  }

  static Rule cpam() {
    return Rule.builder("prado.cpam").source(Source.seed("seed 003 – « L'envoi à la CPAM de rattachement se fait en"
            + " un clic »"))
        .description("La CPAM de rattachement du patient est connue de l'annuaire",
            "The patient's CPAM is known to the directory")
        .reads(CPAM_CODE, KNOWN_CPAM_CODES)
        .when((f, on) -> {
          String code = f.get(CPAM_CODE);
          Set<?> known = f.get(KNOWN_CPAM_CODES);
          if (code == null) {
            return CPAM_CODE_UNKNOWN;
          }
          return known == null ? CPAM_DIRECTORY_UNKNOWN : known.contains(code) ? CPAM_OK : CPAM_NO;
        })
        .build();
  }

  static Rule dischargeDate() {
    return Rule.builder("prado.planned-discharge")
        .source(Source.seed("seed 003 – le dossier Prado montre « Date de sortie prévue » pour une demande"
            + " « En cours d'hospitalisation »"))
        .description("Une demande en cours d'hospitalisation a une date de sortie prévue",
            "An in-hospital request has a planned discharge date")
        .reads(REQUEST_TYPE, PLANNED_DISCHARGE)
        .when((f, on) -> {
          RequestType type = f.get(REQUEST_TYPE);
          if (type == null) {
            return REQUEST_TYPE_UNKNOWN;
          }
          if (type != RequestType.EN_HOSPITALISATION) {
            return DISCHARGE_NA;
          }
          return f.has(PLANNED_DISCHARGE) ? DISCHARGE_OK : DISCHARGE_UNKNOWN;
        })
        .build();
  }

  static Rule minAge(int minAge) {
    Verdict ok = Verdict.pass("âgé de " + minAge + " ans ou plus", "aged " + minAge + " or over");
    Verdict no = Verdict.fail("âgé de moins de " + minAge + " ans", "under " + minAge);
    return Rule.builder("prado.pa.age").source(Source.specification("vt-rules issue – Prado personnes âgées : 75 ans"
            + " et plus à la date d'évaluation (offre Prado PA de l'Assurance Maladie)"))
        .description(minAge + " ans ou plus à la date d'évaluation", minAge + " or over on the evaluation date")
        .reads(BIRTH_DATE)
        .when((f, on) -> {
          LocalDate birth = f.get(BIRTH_DATE);
          return birth == null ? BIRTH_UNKNOWN : Ages.on(birth, on) >= minAge ? ok : no;
        })
        .build();
  }

  static Rule regimeGeneral() {
    return Rule.builder("prado.pa.regime").source(Source.specification("vt-rules issue – Prado personnes âgées :"
            + " affiliés au régime général"))
        .description("Affilié au régime général", "Affiliated to the régime général")
        .reads(REGIME)
        .when((f, on) -> {
          Regime r = f.get(REGIME);
          return r == null ? REGIME_UNKNOWN : r == Regime.GENERAL ? REGIME_OK : REGIME_NO;
        })
        .build();
  }

  static Rule cardiacDecompensation() {
    return Rule.builder("prado.ic.decompensation").source(Source.seed("seed 003 – « PRADO Insuffisance Cardiaque :"
            + " Service de Retour à Domicile après Décompensation Cardiaque »"))
        .description("Hospitalisation pour décompensation cardiaque", "Hospital stay for cardiac decompensation")
        .reads(CARDIAC_DECOMPENSATION_STAY)
        .when((f, on) -> {
          Boolean b = f.get(CARDIAC_DECOMPENSATION_STAY);
          return b == null ? DECOMP_UNKNOWN : b ? DECOMP_OK : DECOMP_NO;
        })
        .build();
  }

  static Rule medicalSection() {
    return Rule.builder("prado.medical-section")
        .source(Source.assumption("before the April 2025 simplification the Prado dossier was a classic VT dossier"
            + " with its médical section (seed 003 says it was simplified; the previous content is our reading)"))
        .description("Le dossier classique comporte le volet médical", "The classic dossier has its medical section")
        .reads(MEDICAL_SECTION)
        .when((f, on) -> Boolean.TRUE.equals(f.get(MEDICAL_SECTION)) ? MEDICAL_OK : MEDICAL_UNKNOWN)
        .build();
  }

  static Rule channel(boolean vtOnly) {
    if (vtOnly) {
      return Rule.builder("prado.vt-only").source(SEED_DEADLINE)
          .description("Seules les demandes adressées par ViaTrajectoire sont traitées",
              "Only requests sent through VT are handled")
          .reads(CHANNEL)
          .when((f, on) -> {
            StandardFacts.Channel c = f.get(CHANNEL);
            return c == null ? CHANNEL_UNKNOWN : c == StandardFacts.Channel.VT ? VIA_VT : NOT_VIA_VT;
          })
          .build();
    }
    return Rule.builder("prado.outside-vt-tolerated").informative().source(SEED_DEADLINE)
        .description("Demande hors ViaTrajectoire, tolérée jusqu'à fin 2026 (objectif : 100 % dans VT)",
            "Request outside VT, tolerated until the end of 2026 (goal: 100% through VT)")
        .reads(CHANNEL)
        .when((f, on) -> {
          StandardFacts.Channel c = f.get(CHANNEL);
          return c == null ? CHANNEL_UNKNOWN : c == StandardFacts.Channel.VT ? VIA_VT_NOT_FLAGGED : OUTSIDE_VT;
        })
        .build();
  }

  /** Informative priority criteria of seed 003; PASS means "criterion met". */
  static List<Rule> priorities(PradoVolet volet) {
    boolean priorityVolet = volet == PradoVolet.INSUFFISANCE_CARDIAQUE || volet == PradoVolet.AVC
        || volet == PradoVolet.BPCO;
    Verdict voletVerdict = priorityVolet ? CRITERION_MET : CRITERION_NOT_MET;
    Verdict noDoctorUnknown = Verdict.unknown(HAS_TREATING_DOCTOR);
    Verdict livingUnknown = Verdict.unknown(LIVING_SITUATION);
    Verdict housingUnknown = Verdict.unknown(HOUSING_NEEDS_ADAPTATION);
    Verdict helpUnknown = Verdict.unknown(NEEDS_HELP_PLANNING_CARE);
    Verdict complementaryUnknown = Verdict.unknown(COMPLEMENTARY_INSURANCE);
    Verdict benefitsUnknown = Verdict.unknown(BENEFITS);
    Verdict protectionUnknown = Verdict.unknown(PROTECTION);
    return List.of(
        priority("prado.priority.volet", "Volet prioritaire (IC, AVC, BPCO)", "Priority volet (HF, stroke, COPD)")
            .when((f, on) -> voletVerdict).build(),
        priority("prado.priority.no-treating-doctor", "Patient sans médecin traitant", "No treating doctor")
            .reads(HAS_TREATING_DOCTOR)
            .when((f, on) -> {
              Boolean has = f.get(HAS_TREATING_DOCTOR);
              return has == null ? noDoctorUnknown : has ? CRITERION_NOT_MET : CRITERION_MET;
            }).build(),
        priority("prado.fragility.alone-or-carer", "Vit seul ou avec un aidant en difficulté",
            "Lives alone or with a struggling carer")
            .reads(LIVING_SITUATION, CARER_STRUGGLING)
            .when((f, on) -> {
              LivingSituation s = f.get(LIVING_SITUATION);
              if (s == LivingSituation.ALONE || Boolean.TRUE.equals(f.get(CARER_STRUGGLING))) {
                return CRITERION_MET;
              }
              return s == null ? livingUnknown : CRITERION_NOT_MET;
            }).build(),
        flag("prado.fragility.housing", "Logement nécessitant des adaptations", "Housing needs adaptation",
            HOUSING_NEEDS_ADAPTATION, housingUnknown),
        flag("prado.fragility.help-planning", "Besoin d'aide significatif pour planifier les soins et la sortie",
            "Significant help needed to plan care and discharge", NEEDS_HELP_PLANNING_CARE, helpUnknown),
        priority("prado.fragility.no-complementary", "Sans complémentaire santé", "No complementary insurance")
            .reads(COMPLEMENTARY_INSURANCE)
            .when((f, on) -> {
              Boolean c = f.get(COMPLEMENTARY_INSURANCE);
              return c == null ? complementaryUnknown : c ? CRITERION_NOT_MET : CRITERION_MET;
            }).build(),
        priority("prado.fragility.benefits", "Bénéficiaire de la C2S, l'AAH, l'ASI, l'APA ou l'ASPA",
            "Beneficiary of C2S, AAH, ASI, APA or ASPA")
            .reads(BENEFITS, C2S)
            .when((f, on) -> {
              // C2S is recorded with the insurance (Insurance.c2s) or, on older dossiers, among the benefits.
              if (Boolean.TRUE.equals(f.get(C2S))) {
                return CRITERION_MET;
              }
              Set<?> b = f.get(BENEFITS);
              if (b == null) {
                return benefitsUnknown;
              }
              return b.contains(SocialBenefit.C2S) || b.contains(SocialBenefit.AAH) || b.contains(SocialBenefit.ASI)
                  || b.contains(SocialBenefit.APA) || b.contains(SocialBenefit.ASPA) ? CRITERION_MET
                  : CRITERION_NOT_MET;
            }).build(),
        priority("prado.fragility.tutelle-or-invalidity", "Sous tutelle ou en invalidité",
            "Under guardianship or in invalidity")
            .reads(PROTECTION, BENEFITS)
            .when((f, on) -> {
              ProtectionMeasure p = f.get(PROTECTION);
              Set<?> b = f.get(BENEFITS);
              if (p == ProtectionMeasure.TUTELLE || (b != null && b.contains(SocialBenefit.INVALIDITE))) {
                return CRITERION_MET;
              }
              return p == null ? protectionUnknown : b == null ? benefitsUnknown : CRITERION_NOT_MET;
            }).build());
  }

  private static Rule.Builder priority(String id, String fr, String en) {
    return Rule.builder(id).informative().source(SEED_PRIORITIES).description(fr, en);
  }

  private static Rule flag(String id, String fr, String en, io.vtsdk.rules.Fact<Boolean> fact, Verdict unknown) {
    return priority(id, fr, en).reads(fact)
        .when((f, on) -> {
          Boolean b = f.get(fact);
          return b == null ? unknown : b ? CRITERION_MET : CRITERION_NOT_MET;
        }).build();
  }

  /** This module's rule sets in the registry of modules ({@code META-INF/services/io.vtsdk.model.module.ModulePart}). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Provider implements io.vtsdk.rules.RuleSetProvider {
    /** Made by the service loader. */
    public Provider() {}

    @Override
    public io.vtsdk.model.VtModule module() {
      return io.vtsdk.model.VtModule.PRADO;
    }

    @Override
    public List<RuleSet> ruleSets(io.vtsdk.rules.Thresholds t) {
      return all(t);
    }
  }
}
