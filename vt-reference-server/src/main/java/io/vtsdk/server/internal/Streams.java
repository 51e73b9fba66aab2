package io.vtsdk.server.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open streamed answers (server-sent events): each on its own small-stack thread, so that they never hold the
 * server's workers; at most {@code max} at once (503 beyond), all ended when the server stops. Not API.
 */
final class Streams {
  private static final Logger LOG = LoggerFactory.getLogger(Streams.class);
  /** A stream thread's stack: a stream only loops over a page of events, so memory stays bounded by {@code max}. */
  private static final long STACK_BYTES = 256 * 1024;
  static final int DEFAULT_MAX = 512;

  private final AtomicInteger names = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(null, r, "vt-event-stream-" + names.incrementAndGet(), STACK_BYTES);
    t.setDaemon(true);
    return t;
  });
  private volatile Semaphore permits = new Semaphore(DEFAULT_MAX);
  private volatile int max = DEFAULT_MAX;

  void max(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("maxStreams must be at least 1");
    }
    permits = new Semaphore(n);
    max = n;
  }

  /** Sends the headers of {@code reply} and hands its body to a stream thread. */
  void start(HttpExchange ex, Reply reply, String correlationId) throws IOException {
    Semaphore p = permits;
    if (!p.tryAcquire()) {
      throw new ApiException(503, "unavailable", "all " + max + " event streams are open; retry later",
          java.util.List.of(), java.util.Map.of("retryAfter", 5));
    }
    try {
      ex.getResponseHeaders().set("X-Correlation-Id", correlationId);
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      ex.getResponseHeaders().set("X-Accel-Buffering", "no");
      ex.sendResponseHeaders(reply.status(), 0); // chunked
      threads.execute(() -> run(ex, reply, p));
    } catch (IOException | RuntimeException e) {
      p.release();
      ex.close();
      throw e;
    }
  }

  private static void run(HttpExchange ex, Reply reply, Semaphore p) {
    try (OutputStream out = ex.getResponseBody()) {
      reply.streamer().write(out);
    } catch (IOException e) {
      LOG.debug("event stream ended: {}", e.toString()); // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server stops
    } finally {
      p.release();
      ex.close();
    }
  }

  void close() {
    threads.shutdownNow();
  }
}
