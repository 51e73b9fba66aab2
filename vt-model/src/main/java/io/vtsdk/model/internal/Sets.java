package io.vtsdk.model.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Unmodifiable set copies with a stable iteration order, so that JSON output is deterministic ({@code Set.copyOf}
 * iterates in an order that changes from one JVM run to the next). Not API.
 */
public final class Sets {
  private Sets() {}

  /** An unmodifiable copy in enum declaration order; empty when {@code values} is null. */
  public static <E extends Enum<E>> Set<E> ofEnums(Collection<E> values, Class<E> type) {
    if (values == null || values.isEmpty()) {
      return Collections.unmodifiableSet(EnumSet.noneOf(type));
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(values));
  }

  /** An unmodifiable copy sorted by {@code order}; empty when {@code values} is null. Rejects null elements. */
  public static <T> Set<T> sorted(Collection<T> values, Comparator<? super T> order) {
    if (values == null || values.isEmpty()) {
      return Set.of();
    }
    LinkedHashSet<T> out = new LinkedHashSet<>();
    values.stream().peek(v -> {
      if (v == null) {
        throw new NullPointerException("set element is null");
      }
    }).sorted(order).forEach(out::add);
    return Collections.unmodifiableSet(out);
  }
}
