package io.vtsdk.rules;

import io.vtsdk.rules.internal.Periods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The rules for one target in force over a period: id, version, effective period (inclusive; open ends as null),
 * source, and rules in evaluation order.
 *
 * <p>Immutable and thread-safe. {@link #evaluate} evaluates every rule effective on the date, in order (no
 * short-circuit: the trace is complete), then decides.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RuleSet {
  private final String id;
  private final String version;
  private final Target target;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveTo;
  private final Source source;
  private final List<Rule> rules;

  public RuleSet(String id, String version, Target target, LocalDate effectiveFrom, LocalDate effectiveTo,
      Source source, List<Rule> rules) {
    this.id = Objects.requireNonNull(id, "id");
    this.version = Objects.requireNonNull(version, "version");
    this.target = Objects.requireNonNull(target, "target");
    this.effectiveFrom = effectiveFrom;
    this.effectiveTo = effectiveTo;
    this.source = Objects.requireNonNull(source, "source");
    this.rules = List.copyOf(rules);
    Periods.requireOrdered("rule set " + id + " v" + version, effectiveFrom, effectiveTo);
    Set<String> ids = new HashSet<>();
    for (Rule r : this.rules) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("rule set " + id + " v" + version + " has rule '" + r.id() + "' twice");
      }
    }
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  public Target target() {
    return target;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  public LocalDate effectiveTo() {
    return effectiveTo;
  }

  public Source source() {
    return source;
  }

  public List<Rule> rules() {
    return rules;
  }

  public boolean covers(LocalDate date) {
    return Periods.contains(effectiveFrom, effectiveTo, date);
  }

  /** Evaluates every rule effective on {@code on} and decides. */
  public Decision evaluate(Facts facts, LocalDate on) {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(on, "on");
    TraceEntry[] trace = new TraceEntry[rules.size()];
    int n = 0;
    List<String> failed = null;
    List<String> missing = null;
    for (Rule r : rules) {
      if (!r.isEffectiveOn(on)) {
        continue;
      }
      TraceEntry e = r.evaluate(facts, on);
      trace[n++] = e;
      if (r.kind() == Rule.Kind.ELIGIBILITY) {
        if (e.outcome() == Outcome.FAIL) {
          if (failed == null) {
            failed = new ArrayList<>(2);
          }
          failed.add(e.ruleId());
        } else if (e.outcome() == Outcome.UNKNOWN) {
          if (missing == null) {
            missing = new ArrayList<>(2);
          }
          for (String m : e.missing()) {
            if (!missing.contains(m)) {
              missing.add(m);
            }
          }
        }
      }
    }
    List<TraceEntry> list = List.of(n == trace.length ? trace : java.util.Arrays.copyOf(trace, n));
    if (failed != null) {
      return new Decision.Ineligible(target, id, version, on, list, failed);
    }
    if (missing != null) {
      return new Decision.Incomplete(target, id, version, on, list, missing);
    }
    return new Decision.Eligible(target, id, version, on, list);
  }

  @Override
  public String toString() {
    return "RuleSet[" + id + " v" + version + ", " + target + ", " + Periods.format(effectiveFrom, effectiveTo)
        + ", " + rules.size() + " rules]";
  }
}
