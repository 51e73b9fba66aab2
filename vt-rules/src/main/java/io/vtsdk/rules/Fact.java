package io.vtsdk.rules;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A typed input a rule reads, named by its path in the dossier model (a JSON Pointer such as
 * {@code /patient/birthDate}) so that an INCOMPLETE decision can say exactly what is missing.
 *
 * <p>The standard facts are in {@link StandardFacts}; define your own for custom rules:
 *
 * <pre>{@code
 * static final Fact<Integer> BARTHEL = Fact.define("/medical/barthelIndex", Integer.class);
 * }</pre>
 *
 * <p>Facts compare by identity: define each one once, as a constant.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Fact<T> {
  private static final AtomicInteger NEXT_INDEX = new AtomicInteger();

  private final String path;
  private final Class<T> type;
  private final Class<?> elementType;
  private final int index;

  private Fact(String path, Class<T> type, Class<?> elementType) {
    this.path = path;
    this.type = type;
    this.elementType = elementType;
    this.index = NEXT_INDEX.getAndIncrement();
  }

  /**
   * Defines a fact.
   *
   * @param path model path, a JSON Pointer starting with {@code /}
   * @param type the value type; {@link Facts} checks values against it
   */
  public static <T> Fact<T> define(String path, Class<T> type) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("fact path '" + path + "' must be a JSON Pointer starting with '/'");
    }
    if (Set.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("fact " + path + " holds a set: define it with defineSet(path, elementType)");
    }
    return new Fact<>(path, type, null);
  }

  /**
   * Defines a fact whose value is a set of {@code elementType}: a unit's Prado conventions, covered départements…
   * {@link Facts} checks every element's type.
   *
   * <pre>{@code
   * static final Fact<Set<PradoVolet>> VOLETS = Fact.defineSet("/requester/unit/pradoVolets", PradoVolet.class);
   * }</pre>
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <E> Fact<Set<E>> defineSet(String path, Class<E> elementType) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(elementType, "elementType");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("fact path '" + path + "' must be a JSON Pointer starting with '/'");
    }
    return new Fact<>(path, (Class) Set.class, elementType);
  }

  public String path() {
    return path;
  }

  public Class<T> type() {
    return type;
  }

  /** The type of a set fact's elements ({@link #defineSet}), or null for a single-valued fact. */
  public Class<?> elementType() {
    return elementType;
  }

  /** Dense index used by {@link Facts} storage. */
  int index() {
    return index;
  }

  static int count() {
    return NEXT_INDEX.get();
  }

  @Override
  public String toString() {
    return "Fact[" + path + "]";
  }
}
