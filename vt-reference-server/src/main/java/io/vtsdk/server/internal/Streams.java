package io.vtsdk.server.internal;

import com.sun.net.httpserver.HttpExchange;
import io.vtsdk.core.Principal;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open streamed answers (server-sent events), fairly shared: at most {@code max} at once, {@code perPrincipal}
 * for one caller and {@code perUnit} for one unit; beyond, 503 naming the limit reached ({@code limit}: {@code server},
 * {@code principal} or {@code unit}). A stream runs on the thread that received it (the engine's pool counts it,
 * {@link HttpEngine}) and ends when its duration is over, when its client is gone (the next write fails: keep-alives
 * every 5 s) or stops reading (the engine's write timeout), or when the server stops. Not API.
 */
final class Streams {
  private static final Logger LOG = LoggerFactory.getLogger(Streams.class);
  static final int DEFAULT_MAX = 512;
  static final int DEFAULT_PER_PRINCIPAL = 16;
  static final int DEFAULT_PER_UNIT = 64;

  private volatile int max = DEFAULT_MAX;
  private volatile int perPrincipal = DEFAULT_PER_PRINCIPAL;
  private volatile int perUnit = DEFAULT_PER_UNIT;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> byPrincipal = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> byUnit = new ConcurrentHashMap<>();
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** The three limits; each at least 1. */
  void limits(int max, int perPrincipal, int perUnit) {
    if (max < 1 || perPrincipal < 1 || perUnit < 1) {
      throw new IllegalArgumentException("event stream limits must be at least 1");
    }
    this.max = max;
    this.perPrincipal = perPrincipal;
    this.perUnit = perUnit;
  }

  int max() {
    return max;
  }

  /** How many streams are open now. */
  int open() {
    return open.get();
  }

  /**
   * Runs {@code accepted}, sends the headers of {@code reply} and streams its body on this thread until the stream
   * ends, then closes {@code ex}. Throws a 503 {@link ApiException} (nothing sent, nothing run) when a limit is
   * reached.
   */
  void serve(HttpExchange ex, Reply reply, String correlationId, Principal principal, Runnable accepted)
      throws IOException {
    String who = Call.callerKey(principal);
    String unit = principal == null ? "anonymous" : String.valueOf(principal.unit());
    acquire(who, unit);
    running.add(Thread.currentThread());
    try {
      accepted.run();
      try (OutputStream out = bodyOf(ex, reply, correlationId)) {
        if (!closed) {
          reply.streamer().write(out);
        }
      }
    } catch (IOException e) {
      LOG.debug("event stream ended: {}", e.toString()); // the client went away or stopped reading
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server stops
    } finally {
      running.remove(Thread.currentThread());
      release(who, unit);
      HttpEngine.close(ex);
      Thread.interrupted(); // the engine's thread goes back to its pool uninterrupted
    }
  }

  private static OutputStream bodyOf(HttpExchange ex, Reply reply, String correlationId) throws IOException {
    ex.getResponseHeaders().set("X-Correlation-Id", correlationId);
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.getResponseHeaders().set("X-Accel-Buffering", "no");
    ex.sendResponseHeaders(reply.status(), 0); // chunked
    return ex.getResponseBody();
  }

  private synchronized void acquire(String who, String unit) {
    if (open.get() >= max) {
      throw refused("server", "all " + max + " event streams of this server are open");
    }
    if (count(byPrincipal, who) >= perPrincipal) {
      throw refused("principal", "this caller already has " + perPrincipal + " event streams open, its limit");
    }
    if (count(byUnit, unit) >= perUnit) {
      throw refused("unit", "this unit already has " + perUnit + " event streams open, its limit");
    }
    open.incrementAndGet();
    byPrincipal.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
    byUnit.computeIfAbsent(unit, k -> new AtomicInteger()).incrementAndGet();
  }

  private synchronized void release(String who, String unit) {
    open.decrementAndGet();
    byPrincipal.computeIfPresent(who, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    byUnit.computeIfPresent(unit, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  private static int count(Map<String, AtomicInteger> counts, String key) {
    AtomicInteger n = counts.get(key);
    return n == null ? 0 : n.get();
  }

  private static ApiException refused(String limit, String detail) {
    return new ApiException(503, "unavailable", detail + "; close one or retry later", List.of(),
        Map.of("retryAfter", 5, "limit", limit));
  }

  /** Ends every open stream (server stop). */
  void close() {
    closed = true;
    running.forEach(Thread::interrupt);
  }
}
