package io.vtsdk.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The result of evaluating a rule set: {@link Eligible} (every eligibility rule passed), {@link Ineligible} (at least
 * one failed) or {@link Incomplete} (none failed, some could not say: {@code missing()} lists the model paths to fill
 * in). Every decision carries the rule set, the evaluation date and the whole trace, in rule order; informative rules
 * (priority flags, rights) are in the trace and in {@link #flags()} but never change the result.
 *
 * <pre>{@code
 * Decision d = engine.evaluate(Target.prado(PradoVolet.AVC), facts, LocalDate.of(2026, 11, 23));
 * if (d instanceof Decision.Incomplete incomplete) {
 *   ask(incomplete.missing());
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Decision permits Decision.Eligible, Decision.Ineligible, Decision.Incomplete {

  /** The three results. */
  @API(status = API.Status.STABLE, since = "0.1")
  enum Result {
    ELIGIBLE,
    INELIGIBLE,
    INCOMPLETE
  }

  @JsonProperty("result")
  Result result();

  Target target();

  String ruleSetId();

  String ruleSetVersion();

  LocalDate evaluatedOn();

  List<TraceEntry> trace();

  /** Ids of the informative rules that passed (e.g. Prado priority criteria met), in trace order. */
  @JsonProperty("flags")
  default List<String> flags() {
    List<String> out = new ArrayList<>();
    for (TraceEntry e : trace()) {
      if (e.kind() == Rule.Kind.INFORMATIVE && e.outcome() == Outcome.PASS) {
        out.add(e.ruleId());
      }
    }
    return out;
  }

  /** Ids of the eligibility rules that failed. */
  @JsonIgnore
  default List<String> failedRules() {
    List<String> out = new ArrayList<>();
    for (TraceEntry e : trace()) {
      if (e.kind() == Rule.Kind.ELIGIBILITY && e.outcome() == Outcome.FAIL) {
        out.add(e.ruleId());
      }
    }
    return out;
  }

  /** Model paths missing for the eligibility rules that returned UNKNOWN (no duplicates, trace order). */
  @JsonIgnore
  default List<String> missingInputs() {
    List<String> out = new ArrayList<>();
    for (TraceEntry e : trace()) {
      if (e.kind() == Rule.Kind.ELIGIBILITY && e.outcome() == Outcome.UNKNOWN) {
        for (String m : e.missing()) {
          if (!out.contains(m)) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }

  /** Every eligibility rule passed. */
  record Eligible(Target target, String ruleSetId, String ruleSetVersion, LocalDate evaluatedOn,
      List<TraceEntry> trace) implements Decision {
    public Eligible {
      trace = TraceList.copyOf(trace);
    }

    @Override
    public Result result() {
      return Result.ELIGIBLE;
    }
  }

  /** At least one eligibility rule failed ({@code failed} lists them). */
  record Ineligible(Target target, String ruleSetId, String ruleSetVersion, LocalDate evaluatedOn,
      List<TraceEntry> trace, List<String> failed) implements Decision {
    public Ineligible {
      trace = TraceList.copyOf(trace);
      failed = List.copyOf(failed);
    }

    @Override
    public List<String> failedRules() {
      return failed;
    }

    @Override
    public Result result() {
      return Result.INELIGIBLE;
    }
  }

  /** No eligibility rule failed but some lacked inputs ({@code missing} lists the model paths). */
  record Incomplete(Target target, String ruleSetId, String ruleSetVersion, LocalDate evaluatedOn,
      List<TraceEntry> trace, List<String> missing) implements Decision {
    public Incomplete {
      trace = TraceList.copyOf(trace);
      missing = List.copyOf(missing);
    }

    @Override
    public List<String> missingInputs() {
      return missing;
    }

    @Override
    public Result result() {
      return Result.INCOMPLETE;
    }
  }
}
