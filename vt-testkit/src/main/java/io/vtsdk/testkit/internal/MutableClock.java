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
    return s.frozen() != null ? s.frozen() : Instant.now().plus(s.offset());
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

  /** Back to system time. */
  public void reset() {
    state.set(new State(null, Duration.ZERO));
  }
}
