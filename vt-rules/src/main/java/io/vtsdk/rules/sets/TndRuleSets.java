package io.vtsdk.rules.sets;

import static io.vtsdk.rules.StandardFacts.*;

import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.rules.Rule;
import io.vtsdk.rules.RuleSet;
import io.vtsdk.rules.Source;
import io.vtsdk.rules.Target;
import io.vtsdk.rules.Thresholds;
import io.vtsdk.rules.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * TND: PCO 0–6 for children aged 0 to 6 inclusive; PCO 7–12 for 7 to 12 only from 2021-04-01, décret n° 2021-383
 * (legal eligibility; VT's own 7–12 form only came in 2023, a routing constraint of the TND module) (before, the band is
 * closed: a 9-year-old on 2021-03-31 is INELIGIBLE); a referral form by a doctor; a PCO covering the child's
 * département. No rule set before the PCOs existed (2019-01-01): asking earlier is an error.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TndRuleSets {
  private TndRuleSets() {}

  private static final Source PCO_SOURCE = Source.publicText("Décret n° 2018-1297 du 28 décembre 2018 (forfait"
      + " d'intervention précoce, PCO 0–6 ans)", "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037887200");
  /**
   * Décret n° 2021-383 du 1er avril 2021 opened the parcours de bilan et intervention précoce (CSP L. 2135-1) to
   * children aged 7 to 12 (the press reading of the decree, e.g. Direction(s), April 2021: « ouverte aux enfants de 7 à
   * 12 ans »). What we could not settle from the stored public texts: the exact wording of the CSP article as changed
   * (« 7 à 12 ans » inclusive or « moins de 13 ans ») and the entry-into-force day; the cahier des charges of the
   * arrêté du 19 décembre 2025 says the parcours « peut être déclenché jusqu'aux 11 ans révolus ». We keep 12
   * inclusive from 2021-04-01 (thresholds {@code tnd.pco712.*}, changeable): an assumption on those two points.
   */
  private static final Source PCO_712_SOURCE = Source.publicText("Décret n° 2021-383 du 1er avril 2021 (parcours de"
      + " bilan et intervention précoce étendu aux enfants de 7 à 12 ans; borne 12 ans incluse et date d'effet :"
      + " hypothèse)", "https://www.legifrance.gouv.fr/eli/decret/2021/4/1/2021-383/jo/texte");
  private static final Verdict BIRTH_UNKNOWN = Verdict.unknown(BIRTH_DATE);
  private static final Verdict DOCTOR_OK = Verdict.pass("formulaire d'adressage rempli par un médecin",
      "referral form filled in by a doctor");
  private static final Verdict DOCTOR_NO = Verdict.fail("le formulaire d'adressage doit être rempli par un médecin",
      "the referral form must be filled in by a doctor");
  private static final Verdict DOCTOR_UNKNOWN = Verdict.unknown(REFERRAL_BY_DOCTOR);
  private static final Verdict AREA_OK = Verdict.pass("la PCO couvre le département de l'enfant",
      "the PCO covers the child's département");
  private static final Verdict AREA_NO = Verdict.fail("la PCO ne couvre pas le département de l'enfant",
      "the PCO does not cover the child's département");
  private static final Verdict DEPARTEMENT_UNKNOWN = Verdict.unknown(DEPARTEMENT);
  private static final Verdict COVERAGE_UNKNOWN = Verdict.unknown(TARGET_COVERED_DEPARTEMENTS);

  public static List<RuleSet> all(Thresholds t) {
    LocalDate pcoStart = t.date("tnd.pco06.from");
    LocalDate opens = t.date("tnd.pco712.opens");
    return List.of(
        new RuleSet("tnd.pco-0-6", "2019-01", Target.of(TargetKind.PCO_0_6), pcoStart, null, PCO_SOURCE,
            List.of(ageBand("tnd.age-0-6", 0, t.integer("tnd.pco06.maxAge"), PCO_SOURCE), byDoctor(), coverage())),
        new RuleSet("tnd.pco-7-12", "2019-01", Target.of(TargetKind.PCO_7_12), pcoStart, opens.minusDays(1),
            PCO_712_SOURCE, List.of(bandClosed(opens), byDoctor(), coverage())),
        new RuleSet("tnd.pco-7-12", "2021-04", Target.of(TargetKind.PCO_7_12), opens, null, PCO_712_SOURCE,
            List.of(ageBand("tnd.age-7-12", t.integer("tnd.pco712.minAge"), t.integer("tnd.pco712.maxAge"),
                PCO_712_SOURCE), byDoctor(), coverage())));
  }

  static Rule ageBand(String id, int min, int max, Source source) {
    Verdict ok = Verdict.pass("âge de " + min + " à " + max + " ans", "aged " + min + " to " + max);
    Verdict no = Verdict.fail("âge hors de la tranche " + min + "–" + max + " ans", "age outside " + min + "–" + max);
    return Rule.builder(id).source(source)
        .description("Enfant de " + min + " à " + max + " ans inclus à la date d'évaluation",
            "Child aged " + min + " to " + max + " inclusive on the evaluation date")
        .reads(BIRTH_DATE)
        .when((f, on) -> {
          LocalDate birth = f.get(BIRTH_DATE);
          if (birth == null) {
            return BIRTH_UNKNOWN;
          }
          int age = Ages.on(birth, on);
          return age >= min && age <= max ? ok : no;
        })
        .build();
  }

  static Rule bandClosed(LocalDate opens) {
    Verdict closed = Verdict.fail("la tranche 7–12 ans n'ouvre que le " + opens,
        "the 7–12 band only opens on " + opens);
    return Rule.builder("tnd.band-7-12-open").source(PCO_712_SOURCE)
        .description("La tranche 7–12 ans est ouverte", "The 7–12 band is open")
        .when((f, on) -> closed)
        .build();
  }

  static Rule byDoctor() {
    return Rule.builder("tnd.referral-by-doctor").source(Source.specification("DESIGN §4 – TND : le médecin adresse"
            + " le formulaire à la PCO"))
        .description("Formulaire d'adressage rempli par un médecin", "Referral form filled in by a doctor")
        .reads(REFERRAL_BY_DOCTOR)
        .when((f, on) -> {
          Boolean b = f.get(REFERRAL_BY_DOCTOR);
          return b == null ? DOCTOR_UNKNOWN : b ? DOCTOR_OK : DOCTOR_NO;
        })
        .build();
  }

  static Rule coverage() {
    return Rule.builder("tnd.pco-coverage").source(Source.specification("DESIGN §4 – la PCO couvrant le département"
            + " de l'enfant"))
        .description("La PCO couvre le département de résidence de l'enfant",
            "The PCO covers the child's département of residence")
        .reads(DEPARTEMENT, TARGET_COVERED_DEPARTEMENTS)
        .when((f, on) -> {
          String dep = f.get(DEPARTEMENT);
          Set<?> covered = f.get(TARGET_COVERED_DEPARTEMENTS);
          if (dep == null) {
            return DEPARTEMENT_UNKNOWN;
          }
          return covered == null ? COVERAGE_UNKNOWN : covered.contains(dep) ? AREA_OK : AREA_NO;
        })
        .build();
  }

  /** This module's rule sets in the registry of modules ({@code META-INF/services/io.vtsdk.model.module.ModulePart}). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Provider implements io.vtsdk.rules.RuleSetProvider {
    /** Made by the service loader. */
    public Provider() {}

    @Override
    public io.vtsdk.model.VtModule module() {
      return io.vtsdk.model.VtModule.TND;
    }

    @Override
    public List<RuleSet> ruleSets(io.vtsdk.rules.Thresholds t) {
      return all(t);
    }
  }
}
