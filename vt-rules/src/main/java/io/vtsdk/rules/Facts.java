package io.vtsdk.rules;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The inputs of one evaluation: a value (or nothing) per {@link Fact}. Immutable and thread-safe; reading a fact is an
 * array access.
 *
 * <pre>{@code
 * Facts facts = Facts.builder()
 *     .put(StandardFacts.BIRTH_DATE, LocalDate.of(1948, 5, 2))
 *     .put(StandardFacts.AME, false)
 *     .build();
 * }</pre>
 *
 * <p>Build them from a dossier with {@link DossierFacts}, or from flat research data with the builder.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Facts {
  private static final Object[] NONE = new Object[0];
  private final Object[] values;

  private Facts(Object[] values) {
    this.values = values;
  }

  public static Facts empty() {
    return new Facts(NONE);
  }

  public static Builder builder() {
    return new Builder(NONE);
  }

  /** A builder starting from these facts. */
  public Builder toBuilder() {
    return new Builder(values);
  }

  /** The value of {@code fact}, or null when it is missing. */
  public <T> T get(Fact<T> fact) {
    int i = fact.index();
    @SuppressWarnings("unchecked")
    T v = i < values.length ? (T) values[i] : null;
    return v;
  }

  public boolean has(Fact<?> fact) {
    return get(fact) != null;
  }

  /** A copy with {@code fact} set (or removed when {@code value} is null). */
  public <T> Facts with(Fact<T> fact, T value) {
    return toBuilder().put(fact, value).build();
  }

  /** Builder for {@link Facts}. */
  @API(status = API.Status.STABLE, since = "0.1")
  public static final class Builder {
    private Object[] values;

    Builder(Object[] start) {
      this.values = Arrays.copyOf(start, Math.max(start.length, Fact.count()));
    }

    /** Sets {@code fact}; a null value means "missing". */
    public <T> Builder put(Fact<T> fact, T value) {
      Objects.requireNonNull(fact, "fact");
      if (value != null && !fact.type().isInstance(value)) {
        throw new IllegalArgumentException("fact " + fact.path() + " takes a " + fact.type().getSimpleName()
            + ", not a " + value.getClass().getSimpleName());
      }
      if (value != null && fact.elementType() != null) {
        for (Object e : (java.util.Set<?>) value) {
          if (!fact.elementType().isInstance(e)) {
            throw new IllegalArgumentException("fact " + fact.path() + " takes a set of "
                + fact.elementType().getSimpleName() + ", with a " + (e == null ? "null" : e.getClass().getSimpleName())
                + " in it");
          }
        }
      }
      if (fact.index() >= values.length) {
        values = Arrays.copyOf(values, Fact.count());
      }
      values[fact.index()] = value;
      return this;
    }

    public Facts build() {
      return new Facts(values.clone());
    }
  }
}
