package io.vtsdk.rules;

import io.vtsdk.rules.internal.Periods;
import io.vtsdk.rules.sets.StandardRuleSets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Chooses the rule set in force for a target on a date and evaluates it.
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.standard();                          // build once, share
 * Decision d = engine.evaluate(Target.of(TargetKind.EHPAD), facts, LocalDate.of(2026, 11, 23));
 * }</pre>
 *
 * <p><b>Adding or overriding rule sets.</b> {@code RuleEngine.builder().addStandard().add(myRuleSet).build()}: a rule
 * set added later wins over an earlier one for the dates it covers, so your sets override ours without a fork.
 *
 * <p>Immutable and thread-safe; evaluation does no I/O and no reflection.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RuleEngine {
  private final List<RuleSet> ruleSets; // later = higher precedence
  private final Map<Target, RuleSet[]> byTarget; // per target, latest added first

  private RuleEngine(List<RuleSet> ruleSets) {
    this.ruleSets = List.copyOf(ruleSets);
    Map<Target, List<RuleSet>> m = new HashMap<>();
    for (int i = this.ruleSets.size() - 1; i >= 0; i--) {
      RuleSet s = this.ruleSets.get(i);
      m.computeIfAbsent(s.target(), k -> new ArrayList<>()).add(s);
    }
    Map<Target, RuleSet[]> index = new HashMap<>();
    m.forEach((t, l) -> index.put(t, l.toArray(new RuleSet[0])));
    this.byTarget = index;
  }

  /** The engine with the standard rule sets of every module and default thresholds. */
  public static RuleEngine standard() {
    return builder().addStandard().build();
  }

  public static Builder builder() {
    return new Builder(List.of());
  }

  public Builder newBuilder() {
    return new Builder(ruleSets);
  }

  public List<RuleSet> ruleSets() {
    return ruleSets;
  }

  /**
   * The rule set in force for {@code target} on {@code date}: among those covering the date, the last added.
   *
   * @throws NoRuleSetException when none covers it
   */
  public RuleSet ruleSetFor(Target target, LocalDate date) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(date, "date");
    RuleSet[] candidates = byTarget.get(target);
    if (candidates != null) {
      for (RuleSet s : candidates) {
        if (s.covers(date)) {
          return s;
        }
      }
    }
    String covered = ruleSets.stream().filter(s -> s.target().equals(target))
        .map(s -> Periods.format(s.effectiveFrom(), s.effectiveTo()) + " (v" + s.version() + ")")
        .collect(Collectors.joining(", "));
    throw new NoRuleSetException(target, date, covered);
  }

  /** Evaluates the rule set in force for {@code target} on {@code date}. */
  public Decision evaluate(Target target, Facts facts, LocalDate date) {
    return ruleSetFor(target, date).evaluate(facts, date);
  }

  /** Builder for {@link RuleEngine}. */
  @API(status = API.Status.STABLE, since = "0.1")
  public static final class Builder {
    private final List<RuleSet> sets;

    Builder(List<RuleSet> start) {
      this.sets = new ArrayList<>(start);
    }

    /** Adds the standard rule sets of every module, with default thresholds. */
    public Builder addStandard() {
      sets.addAll(StandardRuleSets.all());
      return this;
    }

    /** Adds the standard rule sets with your thresholds. */
    public Builder addStandard(Thresholds thresholds) {
      sets.addAll(StandardRuleSets.all(thresholds));
      return this;
    }

    /** Adds a rule set; it takes precedence over those added before it for the dates it covers. */
    public Builder add(RuleSet set) {
      sets.add(Objects.requireNonNull(set, "set"));
      return this;
    }

    public RuleEngine build() {
      return new RuleEngine(sets);
    }
  }
}
