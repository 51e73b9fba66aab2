package io.vtsdk.rules;

import io.vtsdk.rules.internal.Periods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A rule: id, version, effective period, source, French and English description, the facts it reads, and its logic
 * (a {@link Condition}) — or a composition of other rules ({@link #allOf}, {@link #anyOf}, {@link #not}) whose trace
 * keeps every child's entry.
 *
 * <pre>{@code
 * Rule notAme = Rule.builder("prado.ame")
 *     .version("1")
 *     .source(Source.seed("003 – L'orientation PRADO (1/2): « Le patient est-il bénéficiaire d'une AME ? »"))
 *     .description("Le patient n'est pas bénéficiaire de l'AME", "The patient is not an AME beneficiary")
 *     .reads(StandardFacts.AME)
 *     .when((facts, on) -> ...)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Evaluating allocates the trace entry only.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Rule {

  /** Whether a rule decides eligibility or only informs (priority flags, rights). */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Kind {
    ELIGIBILITY,
    INFORMATIVE
  }

  private enum Combinator {
    LEAF,
    ALL_OF,
    ANY_OF,
    NOT
  }

  private final String id;
  private final String version;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveTo;
  private final Source source;
  private final String descriptionFr;
  private final String descriptionEn;
  private final Kind kind;
  private final List<Fact<?>> reads;
  private final Condition condition;
  private final Combinator combinator;
  private final List<Rule> children;

  private Rule(Builder b, Combinator combinator, List<Rule> children) {
    this.id = b.id;
    this.version = Objects.requireNonNull(b.version, "version");
    this.effectiveFrom = b.effectiveFrom;
    this.effectiveTo = b.effectiveTo;
    this.source = Objects.requireNonNull(b.source, () -> "rule '" + b.id + "' has no source");
    this.descriptionFr = Objects.requireNonNull(b.descriptionFr, () -> "rule '" + b.id + "' has no description");
    this.descriptionEn = Objects.requireNonNull(b.descriptionEn, "descriptionEn");
    this.kind = b.kind;
    this.reads = List.copyOf(b.reads);
    this.condition = b.condition;
    this.combinator = combinator;
    this.children = List.copyOf(children);
    Periods.requireOrdered("rule '" + id + "'", effectiveFrom, effectiveTo);
    if (combinator == Combinator.LEAF && condition == null) {
      throw new IllegalArgumentException("rule '" + id + "' has no condition: call when(...)");
    }
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** PASS when every child passes; FAIL when one fails; otherwise UNKNOWN. */
  public static Rule allOf(Builder meta, Rule... rules) {
    return new Rule(meta, Combinator.ALL_OF, List.of(rules));
  }

  /** PASS when one child passes; FAIL when all fail; otherwise UNKNOWN. */
  public static Rule anyOf(Builder meta, Rule... rules) {
    return new Rule(meta, Combinator.ANY_OF, List.of(rules));
  }

  /** PASS when the child fails and FAIL when it passes; UNKNOWN stays UNKNOWN. */
  public static Rule not(Builder meta, Rule rule) {
    return new Rule(meta, Combinator.NOT, List.of(rule));
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
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

  public String descriptionFr() {
    return descriptionFr;
  }

  public String descriptionEn() {
    return descriptionEn;
  }

  public Kind kind() {
    return kind;
  }

  public List<Fact<?>> reads() {
    return reads;
  }

  public List<Rule> children() {
    return children;
  }

  /** True when the rule is in force on {@code date} (bounds inclusive; open when null). */
  public boolean isEffectiveOn(LocalDate date) {
    return Periods.contains(effectiveFrom, effectiveTo, date);
  }

  /**
   * Evaluates the rule.
   *
   * @throws IllegalStateException naming the rule when its condition returns null or throws
   */
  public TraceEntry evaluate(Facts facts, LocalDate on) {
    if (combinator == Combinator.LEAF) {
      return new TraceEntry(this, test(facts, on), facts, List.of());
    }
    return evaluateComposite(facts, on);
  }

  /**
   * What a rule set keeps of this rule's evaluation: a leaf's {@link Verdict} (a constant of the rule: nothing
   * allocated), a composite's {@link TraceEntry} (its children's entries with it).
   */
  Object evaluateForTrace(Facts facts, LocalDate on) {
    return combinator == Combinator.LEAF ? test(facts, on) : evaluateComposite(facts, on);
  }

  private Verdict test(Facts facts, LocalDate on) {
    Verdict v;
    try {
      v = condition.test(facts, on);
    } catch (RuntimeException e) {
      throw new IllegalStateException("rule '" + id + "' v" + version + " threw " + e.getClass().getSimpleName()
          + ": conditions must return UNKNOWN for missing data, not throw", e);
    }
    if (v == null) {
      throw new IllegalStateException("rule '" + id + "' v" + version + " returned null; return a Verdict");
    }
    return v;
  }

  private TraceEntry evaluateComposite(Facts facts, LocalDate on) {
    List<TraceEntry> entries = new ArrayList<>(children.size());
    boolean anyPass = false;
    boolean anyFail = false;
    boolean anyUnknown = false;
    List<String> missing = new ArrayList<>();
    for (Rule child : children) {
      TraceEntry e = child.evaluate(facts, on);
      entries.add(e);
      anyPass |= e.outcome() == Outcome.PASS;
      anyFail |= e.outcome() == Outcome.FAIL;
      if (e.outcome() == Outcome.UNKNOWN) {
        anyUnknown = true;
        missing.addAll(e.missing());
      }
    }
    Outcome o;
    switch (combinator) {
      case ALL_OF:
        o = anyFail ? Outcome.FAIL : anyUnknown ? Outcome.UNKNOWN : Outcome.PASS;
        break;
      case ANY_OF:
        o = anyPass ? Outcome.PASS : anyUnknown ? Outcome.UNKNOWN : Outcome.FAIL;
        break;
      default:
        Outcome c = entries.get(0).outcome();
        o = c == Outcome.PASS ? Outcome.FAIL : c == Outcome.FAIL ? Outcome.PASS : Outcome.UNKNOWN;
    }
    String fr = combinator == Combinator.NOT ? "négation de " + children.get(0).id()
        : (combinator == Combinator.ALL_OF ? "toutes les conditions" : "au moins une condition") + " : " + o;
    String en = combinator == Combinator.NOT ? "negation of " + children.get(0).id()
        : (combinator == Combinator.ALL_OF ? "all conditions" : "any condition") + ": " + o;
    return new TraceEntry(this, new Verdict(o, fr, en, o == Outcome.UNKNOWN ? missing : List.of()), facts,
        List.copyOf(entries));
  }

  @Override
  public String toString() {
    return "Rule[" + id + " v" + version + ", " + kind + "]";
  }

  /** Builder of a rule's metadata and condition. */
  @API(status = API.Status.STABLE, since = "0.1")
  public static final class Builder {
    private final String id;
    private String version = "1";
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Source source;
    private String descriptionFr;
    private String descriptionEn;
    private Kind kind = Kind.ELIGIBILITY;
    private final List<Fact<?>> reads = new ArrayList<>();
    private Condition condition;

    Builder(String id) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("rule id is blank");
      }
      this.id = id;
    }

    public Builder version(String v) {
      this.version = v;
      return this;
    }

    /** Effective period, bounds inclusive; null for open. */
    public Builder effective(LocalDate from, LocalDate to) {
      this.effectiveFrom = from;
      this.effectiveTo = to;
      return this;
    }

    public Builder source(Source s) {
      this.source = s;
      return this;
    }

    public Builder description(String fr, String en) {
      this.descriptionFr = fr;
      this.descriptionEn = en;
      return this;
    }

    public Builder informative() {
      this.kind = Kind.INFORMATIVE;
      return this;
    }

    /** The facts the condition reads; their values are recorded in the trace. */
    public Builder reads(Fact<?>... facts) {
      reads.addAll(List.of(facts));
      return this;
    }

    public Builder when(Condition c) {
      this.condition = Objects.requireNonNull(c, "condition");
      return this;
    }

    public Rule build() {
      return new Rule(this, Combinator.LEAF, List.of());
    }
  }
}
