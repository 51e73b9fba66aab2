package io.vtsdk.client.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When and how long to retry: up to {@code maxAttempts} tries; exponential backoff with full jitter
 * ({@code random(0, min(maxDelay, baseDelay × 2^(attempt-1)))}); a server's {@code Retry-After} is followed when it
 * is at most {@code maxRetryAfter}; and a retry budget shared by the client's calls (a token bucket: a retry costs
 * {@link #RETRY_COST}, a success gives one back), so that a failing server is not hammered. Thread-safe. Not API.
 */
public final class RetryPolicy {
  static final int RETRY_COST = 5;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxRetryAfter;
  private final int budgetCapacity;
  private final AtomicInteger budget;

  public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
      int budgetCapacity) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
    if (budgetCapacity < 0) {
      throw new IllegalArgumentException("retry budget must be zero or positive");
    }
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.maxRetryAfter = maxRetryAfter;
    this.budgetCapacity = budgetCapacity;
    this.budget = new AtomicInteger(budgetCapacity);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** The full-jitter delay before attempt {@code attempt + 1}; {@code jitter01} in [0, 1). */
  public Duration backoff(int attempt, double jitter01) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis((long) (cap * jitter01));
  }

  /** The server's hint if usable, else null (then: no retry if it was too long; backoff if absent). */
  public boolean retryAfterAcceptable(Duration retryAfter) {
    return retryAfter.compareTo(maxRetryAfter) <= 0;
  }

  /** Takes a retry from the budget; false when it is spent. */
  public boolean tryAcquireRetry() {
    while (true) {
      int b = budget.get();
      if (b < RETRY_COST) {
        return false;
      }
      if (budget.compareAndSet(b, b - RETRY_COST)) {
        return true;
      }
    }
  }

  /** A call succeeded: give one token back. */
  public void onSuccess() {
    budget.updateAndGet(b -> Math.min(budgetCapacity, b + 1));
  }

  int budgetLeft() {
    return budget.get();
  }
}
