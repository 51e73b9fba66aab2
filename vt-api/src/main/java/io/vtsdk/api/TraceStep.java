package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vtsdk.rules.Outcome;
import io.vtsdk.rules.Rule;
import io.vtsdk.rules.TraceEntry;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One rule of an eligibility trace: which rule (and version), its kind, its outcome, the reason in French and English,
 * the facts it read (by model path), the paths it missed, and the sub-rules of a composite rule.
 *
 * @param inputs the facts the rule read, keyed by model path; values are JSON scalars, arrays or objects
 */
@API(status = API.Status.STABLE, since = "0.2")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TraceStep(String ruleId, String version, Rule.Kind kind, Outcome outcome, String reasonFr,
    String reasonEn, Map<String, Object> inputs, List<String> missing, List<TraceStep> children) {

  public TraceStep {
    inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    missing = missing == null ? List.of() : List.copyOf(missing);
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** The wire form of a trace entry, with its children. */
  public static TraceStep of(TraceEntry e) {
    return new TraceStep(e.ruleId(), e.version(), e.kind(), e.outcome(), e.reasonFr(), e.reasonEn(), e.inputs(),
        e.missing(), e.children().stream().map(TraceStep::of).toList());
  }
}
