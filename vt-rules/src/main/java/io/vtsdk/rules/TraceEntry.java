package io.vtsdk.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vtsdk.rules.internal.FactView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One rule's evaluation in a decision's trace: which rule (id and version), whether it counts for eligibility or is
 * informative, its outcome and reason, the inputs it read (model path → value, missing inputs absent), the missing
 * paths for UNKNOWN, and for composite rules the children's entries. Serialises with {@code VtJson}.
 *
 * <p>Immutable. An entry holds the rule, its verdict and the (immutable) facts, and derives the rest on demand: this
 * keeps a full trace to one small object per rule (see docs/performance.md).
 */
@API(status = API.Status.STABLE, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"ruleId", "version", "kind", "outcome", "reasonFr", "reasonEn", "inputs", "missing", "children"})
public final class TraceEntry {
  private final Rule rule;
  private final Verdict verdict;
  private final Facts facts;
  private final List<TraceEntry> children;

  TraceEntry(Rule rule, Verdict verdict, Facts facts, List<TraceEntry> children) {
    this.rule = rule;
    this.verdict = verdict;
    this.facts = facts;
    this.children = children;
  }

  Verdict verdict() {
    return verdict;
  }

  @JsonProperty
  public String ruleId() {
    return rule.id();
  }

  @JsonProperty
  public String version() {
    return rule.version();
  }

  @JsonProperty
  public Rule.Kind kind() {
    return rule.kind();
  }

  @JsonProperty
  public Outcome outcome() {
    return verdict.outcome();
  }

  @JsonProperty
  public String reasonFr() {
    return verdict.reasonFr();
  }

  @JsonProperty
  public String reasonEn() {
    return verdict.reasonEn();
  }

  /** The inputs the rule declares it reads, path → value; missing facts are absent. */
  @JsonProperty
  public Map<String, Object> inputs() {
    return FactView.of(rule.reads(), facts);
  }

  /** For UNKNOWN: the model paths that were missing. */
  @JsonProperty
  public List<String> missing() {
    return verdict.missing();
  }

  /** For composite rules: the children's entries. */
  @JsonProperty
  public List<TraceEntry> children() {
    return children;
  }

  /** The reason in the language of {@code locale} (English when its language is "en", French otherwise). */
  public String reason(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? verdict.reasonEn() : verdict.reasonFr();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceEntry e && rule == e.rule && verdict.equals(e.verdict) && inputs().equals(e.inputs())
        && children.equals(e.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule.id(), verdict, children);
  }

  @Override
  public String toString() {
    return "TraceEntry[" + rule.id() + " v" + rule.version() + " " + verdict.outcome() + "]";
  }
}
