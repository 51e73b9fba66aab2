package io.vtsdk.bench;

import static io.vtsdk.rules.StandardFacts.*;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.dossier.LivingSituation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.SocialBenefit;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.rules.Decision;
import io.vtsdk.rules.Facts;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.rules.StandardFacts;
import io.vtsdk.rules.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Prado (insuffisance cardiaque) decision with its full trace through {@link RuleEngine}, against a hand-written
 * if-chain of the same logic that builds the same trace (rule id, version, outcome, reasons) — both in the same run.
 * Goal (vt-rules issue): engine ≤ 2× the if-chain and ≥ 1M decisions/s on one core.
 *
 * <p>Run: {@code java -jar vt-bench/target/benchmarks.jar PradoDecisionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PradoDecisionBenchmark {
  static final LocalDate ON = LocalDate.of(2026, 11, 23);
  static final Target TARGET = Target.prado(PradoVolet.INSUFFISANCE_CARDIAQUE);

  /** eligible: every rule passes; ineligible: AME; incomplete: no discharge date. */
  @Param({"eligible", "ineligible", "incomplete"})
  String scenario;

  RuleEngine engine;
  Facts facts;

  @Setup
  public void setUp() {
    engine = RuleEngine.standard();
    Facts.Builder b = Facts.builder()
        .put(REQUESTER_PRADO_VOLETS, Set.of(PradoVolet.INSUFFISANCE_CARDIAQUE))
        .put(AME, "ineligible".equals(scenario))
        .put(CPAM_CODE, "691")
        .put(KNOWN_CPAM_CODES, Set.of("691", "381", "011"))
        .put(REQUEST_TYPE, RequestType.EN_HOSPITALISATION)
        .put(PLANNED_DISCHARGE, "incomplete".equals(scenario) ? null : ON.plusDays(3))
        .put(CARDIAC_DECOMPENSATION_STAY, true)
        .put(CHANNEL, StandardFacts.Channel.VT)
        .put(HAS_TREATING_DOCTOR, false)
        .put(LIVING_SITUATION, LivingSituation.ALONE)
        .put(HOUSING_NEEDS_ADAPTATION, false)
        .put(NEEDS_HELP_PLANNING_CARE, true)
        .put(COMPLEMENTARY_INSURANCE, true)
        .put(BENEFITS, Set.of(SocialBenefit.APA))
        .put(PROTECTION, ProtectionMeasure.NONE);
    facts = b.build();
    Decision viaEngine = engine();
    IfChain.Result viaChain = ifChain();
    if (!viaEngine.result().name().equals(ifChainNoTrace())) {
      throw new IllegalStateException("ifChainNoTrace disagrees with the engine: " + ifChainNoTrace());
    }
    if (!viaEngine.result().name().equals(viaChain.result()) || viaEngine.trace().size() != viaChain.trace().size()
        || !viaEngine.flags().equals(viaChain.flags())) {
      throw new IllegalStateException("the if-chain must implement the same logic: " + viaEngine.result() + " "
          + viaEngine.flags() + " vs " + viaChain.result() + " " + viaChain.flags());
    }
  }

  @Benchmark
  public Decision engine() {
    return engine.evaluate(TARGET, facts, ON);
  }

  @Benchmark
  public IfChain.Result ifChain() {
    return IfChain.decide(facts, ON);
  }

  /** For scale only: the eligibility logic without any trace, reasons or flags (not an equal-output baseline). */
  @Benchmark
  public String ifChainNoTrace() {
    Facts f = facts;
    Set<?> volets = f.get(REQUESTER_PRADO_VOLETS);
    Boolean ame = f.get(AME);
    String cpam = f.get(CPAM_CODE);
    Set<?> known = f.get(KNOWN_CPAM_CODES);
    RequestType type = f.get(REQUEST_TYPE);
    Boolean decomp = f.get(CARDIAC_DECOMPENSATION_STAY);
    if ((volets != null && !volets.contains(PradoVolet.INSUFFISANCE_CARDIAQUE)) || Boolean.TRUE.equals(ame)
        || (cpam != null && known != null && !known.contains(cpam)) || Boolean.FALSE.equals(decomp)) {
      return "INELIGIBLE";
    }
    if (volets == null || ame == null || cpam == null || known == null || type == null || decomp == null
        || (type == RequestType.EN_HOSPITALISATION && !f.has(PLANNED_DISCHARGE))) {
      return "INCOMPLETE";
    }
    return "ELIGIBLE";
  }

  /** The same logic, written by hand. */
  public static final class IfChain {
    public record Entry(String ruleId, String version, boolean informative, String outcome, String reasonFr,
        String reasonEn) {}

    public record Result(String result, List<Entry> trace, List<String> flags) {}

    static Result decide(Facts f, LocalDate on) {
      List<Entry> t = new ArrayList<>(16);
      Set<?> volets = f.get(REQUESTER_PRADO_VOLETS);
      t.add(volets == null ? e("prado.convention", "UNKNOWN", "manquant", "missing")
          : volets.contains(PradoVolet.INSUFFISANCE_CARDIAQUE) ? e("prado.convention", "PASS", "convention", "convention")
          : e("prado.convention", "FAIL", "pas de convention", "no convention"));
      Boolean ame = f.get(AME);
      t.add(ame == null ? e("prado.ame", "UNKNOWN", "manquant", "missing")
          : ame ? e("prado.ame", "FAIL", "AME", "AME") : e("prado.ame", "PASS", "pas AME", "not AME"));
      String cpam = f.get(CPAM_CODE);
      Set<?> known = f.get(KNOWN_CPAM_CODES);
      t.add(cpam == null || known == null ? e("prado.cpam", "UNKNOWN", "manquant", "missing")
          : known.contains(cpam) ? e("prado.cpam", "PASS", "connue", "known")
          : e("prado.cpam", "FAIL", "inconnue", "unknown"));
      RequestType type = f.get(REQUEST_TYPE);
      t.add(type == null ? e("prado.planned-discharge", "UNKNOWN", "manquant", "missing")
          : type != RequestType.EN_HOSPITALISATION ? e("prado.planned-discharge", "PASS", "domicile", "home")
          : f.has(PLANNED_DISCHARGE) ? e("prado.planned-discharge", "PASS", "date", "date")
          : e("prado.planned-discharge", "UNKNOWN", "manquant", "missing"));
      Boolean decomp = f.get(CARDIAC_DECOMPENSATION_STAY);
      t.add(decomp == null ? e("prado.ic.decompensation", "UNKNOWN", "manquant", "missing")
          : decomp ? e("prado.ic.decompensation", "PASS", "oui", "yes")
          : e("prado.ic.decompensation", "FAIL", "non", "no"));
      StandardFacts.Channel c = f.get(CHANNEL);
      t.add(i(c == null ? "UNKNOWN" : c == StandardFacts.Channel.VT ? "FAIL" : "PASS", "prado.outside-vt-tolerated"));
      t.add(i("PASS", "prado.priority.volet"));
      Boolean doctor = f.get(HAS_TREATING_DOCTOR);
      t.add(i(doctor == null ? "UNKNOWN" : doctor ? "FAIL" : "PASS", "prado.priority.no-treating-doctor"));
      LivingSituation living = f.get(LIVING_SITUATION);
      t.add(i(living == LivingSituation.ALONE || Boolean.TRUE.equals(f.get(CARER_STRUGGLING)) ? "PASS"
          : living == null ? "UNKNOWN" : "FAIL", "prado.fragility.alone-or-carer"));
      Boolean housing = f.get(HOUSING_NEEDS_ADAPTATION);
      t.add(i(housing == null ? "UNKNOWN" : housing ? "PASS" : "FAIL", "prado.fragility.housing"));
      Boolean help = f.get(NEEDS_HELP_PLANNING_CARE);
      t.add(i(help == null ? "UNKNOWN" : help ? "PASS" : "FAIL", "prado.fragility.help-planning"));
      Boolean complementary = f.get(COMPLEMENTARY_INSURANCE);
      t.add(i(complementary == null ? "UNKNOWN" : complementary ? "FAIL" : "PASS",
          "prado.fragility.no-complementary"));
      Set<?> benefits = f.get(BENEFITS);
      t.add(i(benefits == null ? "UNKNOWN" : benefits.contains(SocialBenefit.C2S)
          || benefits.contains(SocialBenefit.AAH) || benefits.contains(SocialBenefit.ASI)
          || benefits.contains(SocialBenefit.APA) || benefits.contains(SocialBenefit.ASPA) ? "PASS" : "FAIL",
          "prado.fragility.benefits"));
      ProtectionMeasure p = f.get(PROTECTION);
      t.add(i(p == ProtectionMeasure.TUTELLE || (benefits != null && benefits.contains(SocialBenefit.INVALIDITE))
          ? "PASS" : p == null || benefits == null ? "UNKNOWN" : "FAIL", "prado.fragility.tutelle-or-invalidity"));
      boolean fail = false;
      boolean unknown = false;
      List<String> flags = new ArrayList<>();
      for (Entry e : t) {
        if (e.informative()) {
          if (e.outcome().equals("PASS")) {
            flags.add(e.ruleId());
          }
        } else {
          fail |= e.outcome().equals("FAIL");
          unknown |= e.outcome().equals("UNKNOWN");
        }
      }
      return new Result(fail ? "INELIGIBLE" : unknown ? "INCOMPLETE" : "ELIGIBLE", t, flags);
    }

    private static Entry e(String id, String outcome, String fr, String en) {
      return new Entry(id, "1", false, outcome, fr, en);
    }

    private static Entry i(String outcome, String id) {
      return new Entry(id, "1", true, outcome, outcome, outcome);
    }
  }
}
