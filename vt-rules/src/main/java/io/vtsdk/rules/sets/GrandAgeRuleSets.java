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
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Grand-âge rule sets: EHPAD and résidence autonomie from 60 (a documented derogation under 60 passes, and the trace
 * says so), GIR recorded, APA right as an informative rule; USLD needs the medical section. Open-ended periods: no
 * public text dates these rules, so they have no start.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class GrandAgeRuleSets {
  private GrandAgeRuleSets() {}

  private static final Source AGE_SOURCE = Source.publicText("CASF art. L312-1 I 6° (établissements pour personnes"
      + " âgées) ; dérogation d'âge accordée par le département", "https://www.legifrance.gouv.fr/codes/article_lc/"
      + "LEGIARTI000047310012");
  private static final Source APA_SOURCE = Source.publicText("CASF art. L232-2 (APA : 60 ans et plus, GIR 1 à 4)",
      "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006796791");
  private static final Verdict BIRTH_UNKNOWN = Verdict.unknown(BIRTH_DATE);
  private static final Verdict GIR_OK = Verdict.pass("GIR renseigné", "GIR recorded");
  private static final Verdict GIR_UNKNOWN = Verdict.unknown(GIR);
  private static final Verdict GIR_OUT = Verdict.fail("GIR hors de 1 à 6", "GIR outside 1 to 6");
  private static final Verdict MEDICAL_OK = Verdict.pass("volet médical présent", "medical section present");
  private static final Verdict MEDICAL_UNKNOWN = Verdict.unknown(MEDICAL_SECTION);
  private static final Verdict APA_YES = Verdict.pass("droit à l'APA (60 ans et plus, GIR 1 à 4)",
      "entitled to APA (60 or over, GIR 1 to 4)");
  private static final Verdict APA_NO = Verdict.fail("pas de droit à l'APA", "not entitled to APA");

  public static List<RuleSet> all(Thresholds t) {
    List<RuleSet> out = new ArrayList<>();
    for (TargetKind k : List.of(TargetKind.EHPAD, TargetKind.RESIDENCE_AUTONOMIE)) {
      out.add(new RuleSet("grand-age." + k.name().toLowerCase(java.util.Locale.ROOT), "1", Target.of(k), null, null,
          AGE_SOURCE, List.of(minAge(t.integer("grandAge.minAge")), gir(), apa(t))));
    }
    out.add(new RuleSet("grand-age.usld", "1", Target.of(TargetKind.USLD), null, null,
        Source.specification("vt-rules issue – USLD : le volet médical est requis"),
        List.of(medicalSection(), gir(), apa(t))));
    return out;
  }

  static Rule minAge(int minAge) {
    Verdict ok = Verdict.pass(minAge + " ans ou plus", minAge + " or over");
    Verdict no = Verdict.fail("moins de " + minAge + " ans sans dérogation d'âge", "under " + minAge
        + " without an age derogation");
    return Rule.builder("grand-age.age").source(AGE_SOURCE)
        .description(minAge + " ans ou plus, ou dérogation d'âge documentée",
            minAge + " or over, or a documented age derogation")
        .reads(BIRTH_DATE, AGE_DEROGATION)
        .when((f, on) -> {
          LocalDate birth = f.get(BIRTH_DATE);
          if (birth == null) {
            return BIRTH_UNKNOWN;
          }
          if (Ages.on(birth, on) >= minAge) {
            return ok;
          }
          String derogation = f.get(AGE_DEROGATION);
          if (derogation == null || derogation.isBlank()) {
            return no;
          }
          // rare path: the reason names the derogation, so this verdict is built here
          return Verdict.pass("moins de " + minAge + " ans, dérogation d'âge : " + derogation,
              "under " + minAge + ", age derogation: " + derogation);
        })
        .build();
  }

  static Rule gir() {
    return Rule.builder("grand-age.gir").source(Source.publicText("CASF annexe 2-1 : grille AGGIR, GIR 1 à 6",
            "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006074069/LEGISCTA000006178003/"))
        .description("GIR évalué (1 à 6)", "GIR assessed (1 to 6)")
        .reads(GIR)
        .when((f, on) -> {
          Integer gir = f.get(GIR);
          return gir == null ? GIR_UNKNOWN : gir >= 1 && gir <= 6 ? GIR_OK : GIR_OUT;
        })
        .build();
  }

  static Rule apa(Thresholds t) {
    int minAge = t.integer("grandAge.apa.minAge");
    int maxGir = t.integer("grandAge.apa.maxGir");
    Verdict unknown = Verdict.unknown(BIRTH_DATE, GIR);
    return Rule.builder("grand-age.apa").informative().source(APA_SOURCE)
        .description("Droit à l'APA : " + minAge + " ans et plus et GIR 1 à " + maxGir,
            "APA right: " + minAge + " or over and GIR 1 to " + maxGir)
        .reads(BIRTH_DATE, GIR)
        .when((f, on) -> {
          LocalDate birth = f.get(BIRTH_DATE);
          Integer gir = f.get(GIR);
          if (birth == null || gir == null) {
            return unknown;
          }
          return Ages.on(birth, on) >= minAge && gir >= 1 && gir <= maxGir ? APA_YES : APA_NO;
        })
        .build();
  }

  static Rule medicalSection() {
    return Rule.builder("grand-age.usld.medical").source(Source.specification("vt-rules issue – l'USLD requiert le"
            + " volet médical"))
        .description("Le volet médical est renseigné", "The medical section is filled in")
        .reads(MEDICAL_SECTION)
        .when((f, on) -> Boolean.TRUE.equals(f.get(MEDICAL_SECTION)) ? MEDICAL_OK : MEDICAL_UNKNOWN)
        .build();
  }

  /** This module's rule sets in the registry of modules ({@code META-INF/services/io.vtsdk.model.module.ModulePart}). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public static final class Provider implements io.vtsdk.rules.RuleSetProvider {
    /** Made by the service loader. */
    public Provider() {}

    @Override
    public io.vtsdk.model.VtModule module() {
      return io.vtsdk.model.VtModule.GRAND_AGE;
    }

    @Override
    public List<RuleSet> ruleSets(io.vtsdk.rules.Thresholds t) {
      return all(t);
    }
  }
}
