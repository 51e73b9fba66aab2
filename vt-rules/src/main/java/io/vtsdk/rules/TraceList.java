package io.vtsdk.rules;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A decision's trace, immutable. It keeps what the rule set's loop produced, a {@link Verdict} per leaf rule (a
 * constant: nothing allocated) or a {@link TraceEntry} per composite one, and makes a leaf's entry when it is read.
 * Issue 24's profile: copying the trace ({@code List.of(array)}) and one entry object per rule were most of an
 * evaluation's time and allocation; a decision nobody reads the trace of no longer pays for it, and one that is read
 * gives the same entries. Only {@link RuleSet} creates one, on arrays it never touches again.
 */
final class TraceList extends AbstractList<TraceEntry> implements RandomAccess {
  private final Rule[] rules;
  private final Object[] results;
  private final int size;
  private final Facts facts;

  TraceList(Rule[] rules, Object[] results, int size, Facts facts) {
    this.rules = rules;
    this.results = results;
    this.size = size;
    this.facts = facts;
  }

  @Override
  public TraceEntry get(int index) {
    Objects.checkIndex(index, size);
    Object result = results[index];
    return result instanceof Verdict v ? new TraceEntry(rules[index], v, facts, List.of()) : (TraceEntry) result;
  }

  @Override
  public int size() {
    return size;
  }

  /** {@code list} itself when it is a trace list (immutable already), else an immutable copy. */
  static List<TraceEntry> copyOf(List<TraceEntry> list) {
    return list instanceof TraceList ? list : List.copyOf(list);
  }
}
