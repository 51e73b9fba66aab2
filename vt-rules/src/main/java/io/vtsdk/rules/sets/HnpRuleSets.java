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
 * HNP (hospitalisations non programmées): a direct admission request to a specialty service, in the area of the
 * experiment on the evaluation date, with the medical reason. Seed 002 (GRADeS Occitanie, activity report 2023):
 * « Expérimenté uniquement en Occitanie pour le moment (Aude, Haute Garonne, Hérault et Pyrénées Orientales) »;
 * « Janvier 2023 : Démarrage des usages sur l'Aude »; « S2 2023 : Extension de l'expérimentation à 3 autres
 * départements : 31, 34 et 66 ». No rule set before the experiment started: asking earlier is an error.
 *
 * <p>Assumptions: that the patient's département is what places a request in the area (the seed names départements,
 * not whose); that the extension took effect on the first day of the second half ({@code hnp.extension.from}); that a
 * request needs its medical section (the seed says « demandes d'admission directes »; the content is VT's).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class HnpRuleSets {
  private HnpRuleSets() {}

  private static final Source SEED = Source.seed("seed 002 – GRADeS Occitanie, rapport d'activité 2023 : ViaTrajectoire"
      + " « Hospitalisations Non Programmées », expérimenté dans l'Aude (janvier 2023) puis dans la Haute-Garonne,"
      + " l'Hérault et les Pyrénées-Orientales (S2 2023)");
  private static final Verdict DEPARTEMENT_UNKNOWN = Verdict.unknown(DEPARTEMENT);
  private static final Verdict MEDICAL_UNKNOWN = Verdict.unknown(MEDICAL_SECTION);
  private static final Verdict MEDICAL_OK = Verdict.pass("volet médical renseigné", "medical section present");
  private static final Verdict MEDICAL_NO = Verdict.fail("le volet médical est nécessaire à une admission directe",
      "a direct admission needs the medical section");

  public static List<RuleSet> all(Thresholds t) {
    LocalDate start = t.date("hnp.aude.from");
    LocalDate extension = t.date("hnp.extension.from");
    return List.of(
        new RuleSet("hnp.direct-admission", "2023-01", Target.of(TargetKind.SPECIALTY_SERVICE), start,
            extension.minusDays(1), SEED, List.of(area(Set.of("11")), medical())),
        new RuleSet("hnp.direct-admission", "2023-07", Target.of(TargetKind.SPECIALTY_SERVICE), extension, null,
            SEED, List.of(area(Set.of("11", "31", "34", "66")), medical())));
  }

  static Rule area(Set<String> departements) {
    Verdict ok = Verdict.pass("le patient est dans un département de l'expérimentation HNP",
        "the patient is in a département of the HNP experiment");
    Verdict no = Verdict.fail("HNP n'est expérimenté que dans les départements " + String.join(", ",
        departements.stream().sorted().toList()), "HNP is only tried in départements " + String.join(", ",
        departements.stream().sorted().toList()));
    return Rule.builder("hnp.experiment-area").source(SEED)
        .description("Le département du patient fait partie de l'expérimentation HNP à la date d'évaluation",
            "The patient's département is part of the HNP experiment on the evaluation date")
        .reads(DEPARTEMENT)
        .when((f, on) -> {
          String dep = f.get(DEPARTEMENT);
          return dep == null ? DEPARTEMENT_UNKNOWN : departements.contains(dep) ? ok : no;
        })
        .build();
  }

  static Rule medical() {
    return Rule.builder("hnp.medical-section").source(Source.assumption("une demande d'admission directe porte le"
            + " motif médical (seed 002 : « demandes d'admission directes auprès des services de spécialité »)"))
        .description("Le volet médical est renseigné", "The medical section is present")
        .reads(MEDICAL_SECTION)
        .when((f, on) -> {
          Boolean b = f.get(MEDICAL_SECTION);
          return b == null ? MEDICAL_UNKNOWN : b ? MEDICAL_OK : MEDICAL_NO;
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
      return io.vtsdk.model.VtModule.HNP;
    }

    @Override
    public List<RuleSet> ruleSets(io.vtsdk.rules.Thresholds t) {
      return all(t);
    }
  }
}
