package io.vtsdk.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * How the client waits between retries: the system's clock by default; a test gives one that does not sleep
 * ({@link VtClient.Builder#sleeper}), so that retry tests take no time and depend on no machine's speed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public interface Sleeper {
  /** Blocks for {@code d} (sync client). */
  void sleep(Duration d) throws InterruptedException;

  /** Completes after {@code d} without blocking a thread (async client). */
  CompletableFuture<Void> after(Duration d);

  /** Waits for real. */
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
