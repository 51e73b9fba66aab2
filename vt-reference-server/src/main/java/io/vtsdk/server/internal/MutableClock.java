package io.vtsdk.server.internal;

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
    return Instant.now().plus(s.offset());
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

  /** The frozen instant, or the offset from system time, as text (the state fingerprint, the stored setting). */
  String frozenOrOffset() {
    State s = state.get();
    return s.frozen() != null ? "frozen " + s.frozen() : "offset " + s.offset();
  }

  /** Puts back a state written by {@link #frozenOrOffset()} (kept in the store's settings). */
  void restore(String frozenOrOffset) {
    if (frozenOrOffset.startsWith("frozen ")) {
      state.set(new State(Instant.parse(frozenOrOffset.substring(7)), Duration.ZERO));
    } else if (frozenOrOffset.startsWith("offset ")) {
      state.set(new State(null, Duration.parse(frozenOrOffset.substring(7))));
    } else {
      throw new IllegalArgumentException("not a stored clock state");
    }
  }

  /** Back to system time. */
  public void reset() {
    state.set(new State(null, Duration.ZERO));
  }
}
