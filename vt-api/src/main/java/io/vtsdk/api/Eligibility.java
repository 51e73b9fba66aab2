package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.vtsdk.rules.Decision;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An eligibility decision as it travels on the wire: the result, the rule set and its version, the informative flags,
 * what failed or is missing, and the whole trace, typed ({@link TraceStep}). The server builds it from vt-rules'
 * {@link Decision} with {@link #of(Decision)}; the client reads it back as this record.
 *
 * @param target the target evaluated ({@code PRADO/AVC}, {@code SMR}…)
 * @param flags ids of the informative rules that passed
 * @param failed ids of the eligibility rules that failed ({@code INELIGIBLE})
 * @param missing model paths missing for rules that could not decide ({@code INCOMPLETE})
 */
@API(status = API.Status.STABLE, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Eligibility(Result result, String target, String ruleSetId, String ruleSetVersion,
    LocalDate evaluatedOn, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> flags,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<String> failed,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<String> missing,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<TraceStep> trace) {

  /** The outcome. */
  public enum Result {
    ELIGIBLE,
    INELIGIBLE,
    INCOMPLETE
  }

  public Eligibility {
    flags = flags == null ? List.of() : List.copyOf(flags);
    failed = failed == null ? List.of() : List.copyOf(failed);
    missing = missing == null ? List.of() : List.copyOf(missing);
    trace = trace == null ? List.of() : List.copyOf(trace);
  }

  /** The wire form of a rule engine decision. */
  public static Eligibility of(Decision d) {
    return new Eligibility(Result.valueOf(d.result().name()), d.target().toString(), d.ruleSetId(),
        d.ruleSetVersion(), d.evaluatedOn(), d.flags(), d.failedRules(), d.missingInputs(),
        d.trace().stream().map(TraceStep::of).toList());
  }

  /** True when every eligibility rule passed. */
  @JsonIgnore
  public boolean isEligible() {
    return result == Result.ELIGIBLE;
  }
}
