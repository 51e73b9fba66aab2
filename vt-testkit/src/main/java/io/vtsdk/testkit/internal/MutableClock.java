package io.vtsdk.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the tests control: either following system time with an offset, or frozen at an instant. Thread-safe.
 * Not API.
 */
public final class MutableClock extends Clock {
  private record State(Instant frozen, Duration offset) {}

  private final AtomicReference<State> state = new AtomicReference<>(new State(null, Duration.ZERO));
  /** The system time a durable write runs at, on its thread (see {@link Durability}). */
  private final ThreadLocal<Instant> pinned = new ThreadLocal<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the reference server's clock is UTC");
  }

  @Override
  public Instant instant() {
    State s = state.get();
    if (s.frozen() != null) {
      return s.frozen();
    }
    Instant system = pinned.get();
    return (system == null ? Instant.now() : system).plus(s.offset());
  }

  /**
   * Until {@link #unpin()}, this thread sees the system time as {@code systemNow} (offset and freezing still apply),
   * so a write reads one instant throughout, and its replay reads the same.
   */
  void pin(Instant systemNow) {
    pinned.set(systemNow);
  }

  void unpin() {
    pinned.remove();
  }

  /** Freezes the clock at {@code instant}. */
  public void set(Instant instant) {
    state.set(new State(instant, Duration.ZERO));
  }

  /** Moves the clock forward (or back) by {@code d}, frozen or not. */
  public void advance(Duration d) {
    state.updateAndGet(s -> s.frozen() != null ? new State(s.frozen().plus(d), Duration.ZERO)
        : new State(null, s.offset().plus(d)));
  }

  /** The frozen instant, or the offset from system time, as text (for the state fingerprint). */
  String frozenOrOffset() {
    State s = state.get();
    return s.frozen() != null ? "frozen " + s.frozen() : "offset " + s.offset();
  }

  /** The frozen instant, or null when following system time. */
  Instant frozen() {
    return state.get().frozen();
  }

  /** The offset from system time (zero when frozen). */
  Duration offset() {
    return state.get().offset();
  }

  /** Puts back a state read from {@link #frozen()} and {@link #offset()} (a snapshot). */
  void restore(Instant frozen, Duration offset) {
    state.set(new State(frozen, frozen != null ? Duration.ZERO : offset));
  }

  /** Back to system time. */
  public void reset() {
    state.set(new State(null, Duration.ZERO));
  }
}
