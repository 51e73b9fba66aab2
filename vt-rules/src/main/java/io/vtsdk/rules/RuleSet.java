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
  /** The same rules, for the evaluation loop. */
  private final Rule[] ruleArray;
  /** Each rule's id as a one-element list: the failed rules of a decision that fails one rule, made once. */
  private final List<List<String>> failedAlone;

  public RuleSet(String id, String version, Target target, LocalDate effectiveFrom, LocalDate effectiveTo,
      Source source, List<Rule> rules) {
    this.id = Objects.requireNonNull(id, "id");
    this.version = Objects.requireNonNull(version, "version");
    this.target = Objects.requireNonNull(target, "target");
    this.effectiveFrom = effectiveFrom;
    this.effectiveTo = effectiveTo;
    this.source = Objects.requireNonNull(source, "source");
    this.rules = List.copyOf(rules);
    this.ruleArray = this.rules.toArray(new Rule[0]);
    this.failedAlone = this.rules.stream().map(r -> List.of(r.id())).toList();
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
    Rule[] all = ruleArray;
    Object[] results = new Object[all.length];
    Rule[] effective = all;
    int n = 0;
    // The first failed rule and the first rule's missing facts are kept as they are (most decisions have at most
    // one); a list is made only for a second one (issue 24: these lists were most of what an ineligible or
    // incomplete decision allocated beyond the eligible one).
    int firstFailedAt = -1; // in all
    List<String> failed = null;
    List<String> firstMissing = null;
    List<String> missing = null;
    for (int i = 0; i < all.length; i++) {
      Rule r = all[i];
      if (!r.isEffectiveOn(on)) {
        if (effective == all) {
          effective = java.util.Arrays.copyOf(all, all.length); // the rules kept, in step with their results
        }
        continue;
      }
      Object result = r.evaluateForTrace(facts, on);
      effective[n] = r;
      results[n++] = result;
      if (r.kind() == Rule.Kind.ELIGIBILITY) {
        Verdict v = result instanceof Verdict leaf ? leaf : ((TraceEntry) result).verdict();
        if (v.outcome() == Outcome.FAIL) {
          if (firstFailedAt < 0) {
            firstFailedAt = i;
          } else {
            if (failed == null) {
              failed = new ArrayList<>(4);
              failed.add(all[firstFailedAt].id());
            }
            failed.add(r.id());
          }
        } else if (v.outcome() == Outcome.UNKNOWN) {
          if (firstMissing == null) {
            firstMissing = v.missing();
          } else {
            if (missing == null) {
              missing = distinct(firstMissing);
            }
            for (String m : v.missing()) {
              if (!missing.contains(m)) {
                missing.add(m);
              }
            }
          }
        }
      }
    }
    List<TraceEntry> list = new TraceList(effective, results, n, facts);
    if (firstFailedAt >= 0) {
      return new Decision.Ineligible(target, id, version, on, list,
          failed != null ? failed : failedAlone.get(firstFailedAt));
    }
    if (firstMissing != null) {
      List<String> m = missing != null ? missing : firstMissing.size() == 1 ? firstMissing : distinct(firstMissing);
      return new Decision.Incomplete(target, id, version, on, list, m);
    }
    return new Decision.Eligible(target, id, version, on, list);
  }

  private static List<String> distinct(List<String> names) {
    List<String> out = new ArrayList<>(names.size() + 2);
    for (String m : names) {
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "RuleSet[" + id + " v" + version + ", " + target + ", " + Periods.format(effectiveFrom, effectiveTo)
        + ", " + rules.size() + " rules]";
  }
}
