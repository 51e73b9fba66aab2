package io.vtsdk.rules;

import java.util.Objects;
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
  private final int index;

  private Fact(String path, Class<T> type) {
    this.path = path;
    this.type = type;
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
    return new Fact<>(path, type);
  }

  public String path() {
    return path;
  }

  public Class<T> type() {
    return type;
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
