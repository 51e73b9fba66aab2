package io.vtsdk.rules.sets;

import static io.vtsdk.rules.StandardFacts.*;

import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.StatusMotifMap;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.rules.Rule;
import io.vtsdk.rules.RuleSet;
import io.vtsdk.rules.Source;
import io.vtsdk.rules.Target;
import io.vtsdk.rules.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;

/** Handicap: a valid MDPH decision covering the ESMS's category, consent, and ASS_A32 status/motif pairs. */
@API(status = API.Status.STABLE, since = "0.1")
public final class HandicapRuleSets {
  private HandicapRuleSets() {}

  private static final Source SDO = Source.specification("SDO flows 1–5 (ANS, VT Handicap ↔ ESMS) and DESIGN §4:"
      + " the MDPH orientation decision names the ESMS categories (JDV_J254)");
  private static final Verdict DECISION_UNKNOWN = Verdict.unknown(MDPH_DECISION);
  private static final Verdict DECISION_VALID = Verdict.pass("décision MDPH en cours de validité",
      "MDPH decision valid on the date");
  private static final Verdict DECISION_EXPIRED = Verdict.fail("décision MDPH hors de sa période de validité",
      "MDPH decision not valid on the date");
  private static final Verdict CATEGORY_UNKNOWN = Verdict.unknown(TARGET_ESMS_CATEGORY);
  private static final Verdict CATEGORY_OK = Verdict.pass("la décision oriente vers cette catégorie d'ESMS",
      "the decision orients to this ESMS category");
  private static final Verdict CATEGORY_NO = Verdict.fail("la décision n'oriente pas vers cette catégorie d'ESMS",
      "the decision does not orient to this ESMS category");
  private static final Verdict CONSENT_UNKNOWN = Verdict.unknown(CONSENT);
  private static final Verdict CONSENT_OK = Verdict.pass("consentement recueilli", "consent given");
  private static final Verdict CONSENT_REFUSED = Verdict.fail("consentement refusé", "consent refused");
  private static final Verdict CONSENT_WRONG_PERSON = Verdict.fail(
      "mineur ou majeur protégé : le consentement doit venir du représentant légal",
      "minor or protected adult: consent must come from the legal representative");
  private static final Verdict NO_STATUS = Verdict.pass("aucun statut ESMS déclaré", "no ESMS status reported");
  private static final Verdict PAIR_OK = Verdict.pass("statut et motif associés dans ASS_A32",
      "status and motif paired in ASS_A32");
  private static final Verdict PAIR_NO = Verdict.fail("motif non associé à ce statut dans ASS_A32",
      "motif not paired with this status in ASS_A32");

  public static List<RuleSet> all() {
    return List.of(new RuleSet("handicap.esms", "1", Target.of(TargetKind.ESMS), null, null, SDO,
        List.of(decisionValid(), category(), consent(), statusMotif())));
  }

  static Rule decisionValid() {
    return Rule.builder("handicap.mdph-decision").source(SDO)
        .description("Une décision d'orientation MDPH valide à la date d'évaluation",
            "An MDPH orientation decision valid on the evaluation date")
        .reads(MDPH_DECISION)
        .when((f, on) -> {
          MdphDecision d = f.get(MDPH_DECISION);
          return d == null ? DECISION_UNKNOWN : d.isValidOn(on) ? DECISION_VALID : DECISION_EXPIRED;
        })
        .build();
  }

  static Rule category() {
    return Rule.builder("handicap.category").source(SDO)
        .description("La catégorie (J254) de l'ESMS est dans la décision MDPH",
            "The ESMS category (J254) is in the MDPH decision")
        .reads(MDPH_DECISION, TARGET_ESMS_CATEGORY)
        .when((f, on) -> {
          MdphDecision d = f.get(MDPH_DECISION);
          String category = f.get(TARGET_ESMS_CATEGORY);
          if (d == null) {
            return DECISION_UNKNOWN;
          }
          return category == null ? CATEGORY_UNKNOWN : d.allowsCategory(category) ? CATEGORY_OK : CATEGORY_NO;
        })
        .build();
  }

  static Rule consent() {
    return Rule.builder("handicap.consent").source(Source.seed("seed 002 – meilleure gestion du consentement des"
            + " mineurs et majeurs protégés"))
        .description("Consentement de la personne ou de son représentant légal",
            "Consent of the person or their legal representative")
        .reads(CONSENT, BIRTH_DATE, PROTECTION)
        .when((f, on) -> {
          Consent c = f.get(CONSENT);
          if (c == null) {
            return CONSENT_UNKNOWN;
          }
          if (!c.granted()) {
            return CONSENT_REFUSED;
          }
          LocalDate birth = f.get(BIRTH_DATE);
          ProtectionMeasure p = f.get(PROTECTION);
          boolean represented = (birth != null && Ages.on(birth, c.date() == null ? on : c.date()) < 18)
              || (p != null && p.needsRepresentative());
          return represented && c.givenBy() != Consent.GivenBy.LEGAL_REPRESENTATIVE ? CONSENT_WRONG_PERSON
              : CONSENT_OK;
        })
        .build();
  }

  static Rule statusMotif() {
    StatusMotifMap a32 = Nomenclatures.statusMotifs();
    return Rule.builder("handicap.esms-status-motif")
        .source(Source.nomenclature("ASS_A32 StatutMotifPersonnePriseCharge (ANS)", StatusMotifMap.URL))
        .description("Le statut déclaré par l'ESMS et son motif sont associés dans ASS_A32",
            "The status reported by the ESMS and its motif are paired in ASS_A32")
        .reads(ESMS_STATUS)
        .when((f, on) -> {
          EsmsStatus s = f.get(ESMS_STATUS);
          if (s == null) {
            return NO_STATUS;
          }
          boolean ok = (s.motif() == null || a32.isAllowed(s.status().code(), s.motif().code()))
              && (s.unitMotif() == null || (s.unitStatus() != null
                  && a32.isAllowed(s.unitStatus().code(), s.unitMotif().code())));
          return ok ? PAIR_OK : PAIR_NO;
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
      return io.vtsdk.model.VtModule.HANDICAP;
    }

    @Override
    public List<RuleSet> ruleSets(io.vtsdk.rules.Thresholds t) {
      return all();
    }
  }
}
