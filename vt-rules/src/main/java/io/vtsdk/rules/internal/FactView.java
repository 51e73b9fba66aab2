package io.vtsdk.rules.internal;

import io.vtsdk.rules.Fact;
import io.vtsdk.rules.Facts;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only map view "fact path → value" over immutable {@link Facts}, for the trace: no copy at evaluation time;
 * missing facts are absent. Not API.
 */
public final class FactView extends AbstractMap<String, Object> {
  private final List<Fact<?>> reads;
  private final Facts facts;

  private FactView(List<Fact<?>> reads, Facts facts) {
    this.reads = reads;
    this.facts = facts;
  }

  public static Map<String, Object> of(List<Fact<?>> reads, Facts facts) {
    return reads.isEmpty() ? Map.of() : new FactView(reads, facts);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<Entry<String, Object>>() {
          int i = advance(0);

          private int advance(int from) {
            while (from < reads.size() && !facts.has(reads.get(from))) {
              from++;
            }
            return from;
          }

          @Override
          public boolean hasNext() {
            return i < reads.size();
          }

          @Override
          public Entry<String, Object> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Fact<?> f = reads.get(i);
            i = advance(i + 1);
            return new SimpleImmutableEntry<>(f.path(), facts.get(f));
          }
        };
      }

      @Override
      public int size() {
        int n = 0;
        for (Fact<?> f : reads) {
          if (facts.has(f)) {
            n++;
          }
        }
        return n;
      }
    };
  }
}
