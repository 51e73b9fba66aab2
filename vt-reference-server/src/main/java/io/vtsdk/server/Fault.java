package io.vtsdk.server;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fault the reference server injects on matching calls, to test a client's retries, timeouts and idempotency.
 *
 * <pre>{@code
 * server.addFault(Fault.status("POST", "/v1/dossiers", 503, 2).times(1));   // one 503 with Retry-After: 2
 * server.addFault(Fault.dropAfterWrite("POST", "/v1/dossiers").times(1));    // the write commits, the answer is lost
 * }</pre>
 *
 * @param method HTTP method, or {@code *}
 * @param path a route template ({@code /v1/requests/{id}/read}) or an exact path, or {@code *}
 * @param kind what happens
 * @param status for STATUS: the HTTP status (429 or 5xx)
 * @param retryAfterSeconds for STATUS: the Retry-After value
 * @param latency for LATENCY: the delay before the call is handled
 * @param times how many matching calls it affects; {@code -1} for all
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Fault(String method, String path, Kind kind, int status, int retryAfterSeconds, Duration latency,
    int times) {

  /** Kinds of faults. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** Wait, then handle normally. */
    LATENCY,
    /** Answer a problem with this status (and Retry-After) without handling. */
    STATUS,
    /** Close the connection before handling: nothing is written. */
    DROP_BEFORE_WRITE,
    /** Handle (the write commits), then close the connection without answering. */
    DROP_AFTER_WRITE
  }

  public Fault {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.STATUS && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("a STATUS fault needs a 4xx or 5xx status, got " + status);
    }
    if (kind == Kind.LATENCY && (latency == null || latency.isNegative())) {
      throw new IllegalArgumentException("a LATENCY fault needs a non-negative latency");
    }
    if (times == 0 || times < -1) {
      throw new IllegalArgumentException("times must be positive, or -1 for every call");
    }
  }

  public static Fault latency(String method, String path, Duration latency) {
    return new Fault(method, path, Kind.LATENCY, 0, 0, latency, -1);
  }

  public static Fault status(String method, String path, int status, int retryAfterSeconds) {
    return new Fault(method, path, Kind.STATUS, status, retryAfterSeconds, null, -1);
  }

  public static Fault dropBeforeWrite(String method, String path) {
    return new Fault(method, path, Kind.DROP_BEFORE_WRITE, 0, 0, null, -1);
  }

  public static Fault dropAfterWrite(String method, String path) {
    return new Fault(method, path, Kind.DROP_AFTER_WRITE, 0, 0, null, -1);
  }

  /** The same fault, for the next {@code n} matching calls only. */
  public Fault times(int n) {
    return new Fault(method, path, kind, status, retryAfterSeconds, latency, n);
  }

  /** True when this fault applies to a call of {@code callMethod} on route {@code template} at {@code callPath}. */
  public boolean matches(String callMethod, String template, String callPath) {
    return ("*".equals(method) || method.equalsIgnoreCase(callMethod))
        && ("*".equals(path) || path.equals(template) || path.equals(callPath));
  }
}
