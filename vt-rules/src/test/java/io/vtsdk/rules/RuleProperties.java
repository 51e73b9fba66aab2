package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.Coding;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.LivingSituation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.SocialBenefit;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.model.patient.Regime;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of decisions over random facts, targets and dates: order independence, INCOMPLETE never hides a FAIL,
 * and filling the missing inputs ends in ELIGIBLE or INELIGIBLE.
 */
class RuleProperties {
  static final RuleEngine ENGINE = RuleEngine.standard();
  static final Map<String, Fact<?>> BY_PATH = standardFactsByPath();
  static final List<Target> TARGETS = ENGINE.ruleSets().stream().map(RuleSet::target).distinct().toList();

  static Map<String, Fact<?>> standardFactsByPath() {
    Map<String, Fact<?>> m = new LinkedHashMap<>();
    for (Field f : StandardFacts.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Fact.class) {
        try {
          Fact<?> fact = (Fact<?>) f.get(null);
          m.put(fact.path(), fact);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return m;
  }

  /** A random but plausible value for {@code fact}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void putRandom(Facts.Builder b, Fact<?> fact, Random r) {
    Object v;
    String p = fact.path();
    Class<?> t = fact.type();
    if (t == Boolean.class) {
      v = r.nextBoolean();
    } else if (t == LocalDate.class) {
      v = LocalDate.of(1925, 1, 1).plusDays(r.nextInt(40_000));
    } else if (t == Integer.class) {
      v = 1 + r.nextInt(6);
    } else if (t == String.class) {
      v = switch (p) {
        case "/patient/address/departement" -> pick(r, "69", "01", "38", "2A");
        case "/patient/insurance/cpamCode" -> pick(r, "691", "381", "999");
        case "/target/unit/esmsCategory" -> pick(r, "183", "255", "182");
        default -> r.nextBoolean() ? "Arrêté n° " + r.nextInt(1000) : "";
      };
    } else if (t.isEnum()) {
      Object[] values = t.getEnumConstants();
      v = values[r.nextInt(values.length)];
    } else if (t == Set.class) {
      v = switch (p) {
        case "/requester/unit/pradoVolets" -> randomSubset(r, PradoVolet.values());
        case "/adminSocial/benefits" -> randomSubset(r, SocialBenefit.values());
        case "/target/unit/coveredDepartements" -> randomSubset(r, new String[] {"69", "01", "38", "2A"});
        case "/directory/cpamCodes" -> randomSubset(r, new String[] {"691", "381"});
        default -> throw new AssertionError("no generator for set fact " + p);
      };
    } else if (t == Consent.class) {
      v = new Consent(r.nextInt(5) > 0, r.nextBoolean() ? Consent.GivenBy.PERSON : Consent.GivenBy.LEGAL_REPRESENTATIVE,
          LocalDate.of(2015, 1, 1).plusDays(r.nextInt(5000)));
    } else if (t == MdphDecision.class) {
      LocalDate from = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(5000));
      v = new MdphDecision("D" + r.nextInt(100), null, List.of(Coding.of(NosTable.J254.url(),
          pick(r, "183", "255", "182"))), List.of(), from, from.plusDays(r.nextInt(3000)));
    } else if (t == EsmsStatus.class) {
      v = new EsmsStatus("1690000013", null, Coding.of(NosTable.R357.url(), pick(r, "45", "47", "51")),
          r.nextBoolean() ? null : Coding.of(NosTable.R358.url(), pick(r, "86", "92", "84")), Fixtures.TODAY, null,
          null, null, null, "D1", null);
    } else {
      throw new AssertionError("no generator for " + t);
    }
    b.put((Fact) fact, v);
  }

  static String pick(Random r, String... values) {
    return values[r.nextInt(values.length)];
  }

  static <T> Set<T> randomSubset(Random r, T[] values) {
    Set<T> s = new HashSet<>();
    for (T v : values) {
      if (r.nextBoolean()) {
        s.add(v);
      }
    }
    return s;
  }

  record Case(Target target, LocalDate on, Facts facts, long seed) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      Facts.Builder b = Facts.builder();
      for (Fact<?> f : BY_PATH.values()) {
        if (r.nextInt(3) > 0) {
          putRandom(b, f, r);
        }
      }
      return new Case(TARGETS.get(r.nextInt(TARGETS.size())), LocalDate.of(2019, 1, 1).plusDays(r.nextInt(4400)),
          b.build(), seed);
    }).filter(c -> covered(c.target(), c.on()));
  }

  static boolean covered(Target target, LocalDate on) {
    try {
      ENGINE.ruleSetFor(target, on);
      return true;
    } catch (NoRuleSetException e) {
      return false;
    }
  }

  @Property(tries = 1500)
  void theOutcomeNeverDependsOnTheOrderOfTheRules(@ForAll("cases") Case c) {
    RuleSet set = ENGINE.ruleSetFor(c.target(), c.on());
    List<Rule> shuffled = new ArrayList<>(set.rules());
    Collections.shuffle(shuffled, new Random(c.seed()));
    RuleSet other = new RuleSet(set.id(), set.version(), set.target(), set.effectiveFrom(), set.effectiveTo(),
        set.source(), shuffled);
    Decision a = set.evaluate(c.facts(), c.on());
    Decision b = other.evaluate(c.facts(), c.on());
    assertThat(b.result()).isEqualTo(a.result());
    assertThat(Set.copyOf(b.failedRules())).isEqualTo(Set.copyOf(a.failedRules()));
    assertThat(Set.copyOf(b.missingInputs())).isEqualTo(Set.copyOf(a.missingInputs()));
    assertThat(Set.copyOf(b.flags())).isEqualTo(Set.copyOf(a.flags()));
    assertThat(outcomes(b)).isEqualTo(outcomes(a));
  }

  static Map<String, Outcome> outcomes(Decision d) {
    return d.trace().stream().collect(Collectors.toMap(TraceEntry::ruleId, TraceEntry::outcome));
  }

  @Property(tries = 1500)
  void incompleteNeverHidesAFail(@ForAll("cases") Case c) {
    Decision d = ENGINE.evaluate(c.target(), c.facts(), c.on());
    boolean anyFail = d.trace().stream()
        .anyMatch(e -> e.kind() == Rule.Kind.ELIGIBILITY && e.outcome() == Outcome.FAIL);
    boolean anyUnknown = d.trace().stream()
        .anyMatch(e -> e.kind() == Rule.Kind.ELIGIBILITY && e.outcome() == Outcome.UNKNOWN);
    if (anyFail) {
      assertThat(d).isInstanceOf(Decision.Ineligible.class);
    } else if (anyUnknown) {
      assertThat(d).isInstanceOfSatisfying(Decision.Incomplete.class,
          i -> assertThat(i.missing()).isNotEmpty().allMatch(BY_PATH::containsKey));
    } else {
      assertThat(d).isInstanceOf(Decision.Eligible.class);
    }
  }

  @Property(tries = 1500)
  void fillingMissingInputsMovesIncompleteToEligibleOrIneligibleOnly(@ForAll("cases") Case c) {
    Random r = new Random(c.seed() ^ 0x5DEECE66DL);
    Facts facts = c.facts();
    Decision d = ENGINE.evaluate(c.target(), facts, c.on());
    for (int step = 0; step < BY_PATH.size() && d instanceof Decision.Incomplete incomplete; step++) {
      Facts.Builder b = facts.toBuilder();
      for (String path : incomplete.missing()) {
        Fact<?> fact = BY_PATH.get(path);
        if (fact == StandardFacts.MEDICAL_SECTION) {
          b.put(StandardFacts.MEDICAL_SECTION, true); // the section is "missing" when absent: filling it means true
        } else {
          putRandom(b, fact, r);
        }
      }
      facts = b.build();
      Decision next = ENGINE.evaluate(c.target(), facts, c.on());
      if (next instanceof Decision.Incomplete again) {
        // progress: what was missing is no longer missing
        assertThat(again.missing()).doesNotContainAnyElementsOf(incomplete.missing());
      }
      d = next;
    }
    assertThat(d.result()).isIn(Decision.Result.ELIGIBLE, Decision.Result.INELIGIBLE);
  }
}
