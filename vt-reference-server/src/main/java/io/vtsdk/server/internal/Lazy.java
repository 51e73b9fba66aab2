package io.vtsdk.server.internal;

import java.util.Objects;
import java.util.function.Supplier;

/** A value built on first use, once, whatever the number of threads asking (what a route pays only if called). */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> build;
  private volatile T value;

  Lazy(Supplier<T> build) {
    this.build = Objects.requireNonNull(build, "build");
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        if (value == null) {
          value = Objects.requireNonNull(build.get(), "a lazy value must not be null");
        }
        v = value;
      }
    }
    return v;
  }
}
