package io.vtsdk.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waiting between retries, injectable so that tests do not sleep. Not API. */
public interface Sleeper {
  /** Blocks for {@code d} (sync client). */
  void sleep(Duration d) throws InterruptedException;

  /** Completes after {@code d} without blocking a thread (async client). */
  CompletableFuture<Void> after(Duration d);

  Sleeper SYSTEM = new Sleeper() {
    @Override
    public void sleep(Duration d) throws InterruptedException {
      Thread.sleep(d.toMillis());
    }

    @Override
    public CompletableFuture<Void> after(Duration d) {
      return CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS));
    }
  };
}
