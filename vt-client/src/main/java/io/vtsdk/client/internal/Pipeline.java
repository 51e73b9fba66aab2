package io.vtsdk.client.internal;

import io.vtsdk.client.Sleeper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.client.RequestOptions;
import io.vtsdk.client.VtApiException;
import io.vtsdk.client.VtErrorCode;
import io.vtsdk.client.VtException;
import io.vtsdk.client.VtExceptions;
import io.vtsdk.model.validation.Violation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link ApiCall}, in a fixed order: correlation id and idempotency key (once per call, kept across
 * retries) → User-Agent and language → bearer token (a 401 refreshes it once) → send → retry on transport errors,
 * 408, 409 idempotency-in-progress, 429, 502, 503, 504 with backoff or {@code Retry-After}, within the retry budget → read the answer or map the
 * problem to a typed exception. Logs at DEBUG method, path, status, time, attempt and allow-listed headers — never
 * bodies or tokens. Thread-safe. Not API.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger("io.vtsdk.client.http");
  private static final List<String> LOGGED_REQUEST_HEADERS = List.of("Idempotency-Key", "If-Match",
      "Accept-Language");
  private static final List<String> LOGGED_RESPONSE_HEADERS = List.of("ETag", "Retry-After", "X-Request-Id",
      "Content-Type", "Idempotent-Replayed");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Duration defaultTimeout;
  private final JsonMapper json;
  /** The clock of Retry-After dates. */
  private final java.time.Clock clock;

  /**
   * @param http the configuration's OkHttp client, with {@link Interceptors}' headers and bearer token first
   */
  public Pipeline(OkHttpClient http, HttpUrl base, RetryPolicy retry, Sleeper sleeper, DoubleSupplier random,
      Duration defaultTimeout, JsonMapper json, java.time.Clock clock) {
    this.http = http;
    this.base = base;
    this.retry = retry;
    this.sleeper = sleeper;
    this.random = random;
    this.defaultTimeout = defaultTimeout;
    this.json = json;
    this.clock = clock;
  }

  public JsonMapper json() {
    return json;
  }

  /** The state of one logical call across its attempts. */
  private final class Attempts<T> {
    final ApiCall<T> call;
    final String correlationId;
    final String idempotencyKey;
    final OkHttpClient client;
    final long deadline;
    int attempt;

    Attempts(ApiCall<T> call) {
      this.call = call;
      RequestOptions o = call.options();
      this.correlationId = o.correlationId() != null ? o.correlationId() : newCorrelationId();
      this.idempotencyKey = "POST".equals(call.method())
          ? (o.idempotencyKey() != null ? o.idempotencyKey() : UUID.randomUUID().toString()) : null;
      Duration timeout = o.timeout() != null ? o.timeout() : defaultTimeout;
      this.deadline = System.nanoTime() + timeout.toNanos();
      this.client = o.timeout() == null ? http
          : http.newBuilder().callTimeout(o.timeout().toMillis(), TimeUnit.MILLISECONDS).build();
    }

    Request request() {
      HttpUrl.Builder url = base.newBuilder().encodedPath(call.path());
      call.query().forEach(url::addQueryParameter);
      // User-Agent, Accept, the default language, the acting unit and the token: Interceptors
      Request.Builder b = new Request.Builder().url(url.build())
          .header("X-Correlation-Id", correlationId);
      if (call.options().language() != null) {
        b.header("Accept-Language", call.options().language().toLanguageTag());
      }
      if (idempotencyKey != null) {
        b.header("Idempotency-Key", idempotencyKey);
      }
      call.headers().forEach(b::header);
      call.options().headers().forEach(b::header);
      b.method(call.method(), call.body() != null ? call.body()
          : "POST".equals(call.method()) || "PUT".equals(call.method())
              ? okhttp3.RequestBody.create(new byte[0], ApiCall.JSON) : null);
      return b.build();
    }

    String what() {
      return call.method() + " " + call.path();
    }

    boolean timeLeft(Duration wait) {
      return System.nanoTime() + wait.toNanos() < deadline;
    }
  }

  /**
   * A random (version 4) UUID from a thread-local generator: a correlation id must be unique, not unguessable, and
   * {@code UUID.randomUUID()} goes through one shared SecureRandom. Idempotency keys keep {@code randomUUID()}.
   */
  static String newCorrelationId() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /** What to do after an attempt. */
  private record Next(Duration delay, VtException failure) {
    static Next retryAfter(Duration d) {
      return new Next(d, null);
    }

    static Next fail(VtException e) {
      return new Next(null, e);
    }
  }

  // ------------------------------------------------------------------------------------------------ streams

  /**
   * Opens a server-sent events stream of {@code path} (with the token, User-Agent, language and a correlation id of
   * every call), resuming after {@code lastEventId} when not null. No call timeout: the stream lasts until the server
   * ends it; the read timeout is twice the server's keep-alive period.
   */
  public okhttp3.sse.EventSource openEventStream(String path, Map<String, String> query, String lastEventId,
      String correlationId, okhttp3.sse.EventSourceListener listener) {
    HttpUrl.Builder url = base.newBuilder().encodedPath(path);
    query.forEach(url::addQueryParameter);
    Request.Builder b = new Request.Builder().url(url.build())
        .header("Accept", "text/event-stream")
        .header("X-Correlation-Id", correlationId);
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    return okhttp3.sse.EventSources.createFactory(streaming()).newEventSource(b.build(), listener);
  }

  private volatile OkHttpClient streaming;

  /**
   * The client of this pipeline's streams: the same interceptors and connection pool, but a dispatcher of its own
   * without OkHttp's limits (64 calls, 5 per host). A stream is an asynchronous call that lasts; on the shared
   * dispatcher, the sixth stream to one server waited forever, and five open streams held back every asynchronous
   * call to that server (found by EventFanoutHarness).
   */
  private OkHttpClient streaming() {
    OkHttpClient s = streaming;
    if (s == null) {
      synchronized (this) {
        s = streaming;
        if (s == null) {
          okhttp3.Dispatcher own = new okhttp3.Dispatcher();
          own.setMaxRequests(Integer.MAX_VALUE);
          own.setMaxRequestsPerHost(Integer.MAX_VALUE);
          s = http.newBuilder().dispatcher(own).callTimeout(0, TimeUnit.MILLISECONDS)
              .readTimeout(30, TimeUnit.SECONDS).build();
          streaming = s;
        }
      }
    }
    return s;
  }

  /** A new correlation id (one per stream connection). */
  public static String correlationId() {
    return newCorrelationId();
  }

  // ------------------------------------------------------------------------------------------------ sync

  public <T> T execute(ApiCall<T> call) {
    Attempts<T> a = new Attempts<>(call);
    while (true) {
      a.attempt++;
      Request request = a.request();
      long start = System.nanoTime();
      Next next;
      try (Response response = a.client.newCall(request).execute()) {
        log(a, request, response, start);
        Result<T> result = handle(a, response);
        if (result.done) {
          return result.value;
        }
        next = result.next;
      } catch (Interceptors.TokenFailure e) {
        throw e.failure(); // the token provider's own exception, typed as it threw it
      } catch (IOException e) {
        logFailure(a, e, start);
        if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException
            && "interrupted".equals(e.getMessage())) {
          Thread.currentThread().interrupt();
          throw VtExceptions.transport(a.what() + " interrupted", a.correlationId, a.attempt, e);
        }
        next = onTransportError(a, e);
      }
      if (next.failure() != null) {
        throw next.failure();
      }
      try {
        sleeper.sleep(next.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw VtExceptions.transport(a.what() + " interrupted while waiting to retry", a.correlationId,
            a.attempt, e);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ async

  public <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
    CompletableFuture<T> out = new CompletableFuture<>();
    Attempts<T> a;
    try {
      a = new Attempts<>(call);
    } catch (RuntimeException e) {
      out.completeExceptionally(e);
      return out;
    }
    if (http.dispatcher().executorService().isShutdown()) {
      out.completeExceptionally(VtExceptions.transport(a.what() + " not started: the HTTP client is shut down",
          a.correlationId, 0, null));
      return out;
    }
    // Building the request and enqueueing it do not block: the token provider, which may (a client-credentials
    // refresh), is asked by the bearer interceptor on OkHttp's thread. No hop to another thread first: on a busy
    // machine each hop is a wake-up (issue 24 measured 1.57× OkHttp's enqueue with one, JMH).
    attemptAsync(a, out);
    return out;
  }

  private <T> void attemptAsync(Attempts<T> a, CompletableFuture<T> out) {
    a.attempt++;
    Request request;
    try {
      request = a.request(); // the token provider may block briefly (cached in the common case)
    } catch (RuntimeException e) {
      out.completeExceptionally(e);
      return;
    }
    long start = System.nanoTime();
    Call okCall = a.client.newCall(request);
    out.whenComplete((v, e) -> {
      if (out.isCancelled()) {
        okCall.cancel();
      }
    });
    okCall.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        Next next;
        try (response) {
          log(a, request, response, start);
          Result<T> result = handle(a, response);
          if (result.done) {
            out.complete(result.value);
            return;
          }
          next = result.next;
        } catch (IOException e) {
          logFailure(a, e, start);
          next = onTransportError(a, e);
        } catch (RuntimeException e) {
          out.completeExceptionally(e);
          return;
        }
        continueAsync(a, out, next);
      }

      @Override
      public void onFailure(Call c, IOException e) {
        if (e instanceof Interceptors.TokenFailure t) {
          out.completeExceptionally(t.failure());
          return;
        }
        logFailure(a, e, start);
        if (out.isCancelled()) {
          return;
        }
        continueAsync(a, out, onTransportError(a, e));
      }
    });
  }

  private <T> void continueAsync(Attempts<T> a, CompletableFuture<T> out, Next next) {
    if (next.failure() != null) {
      out.completeExceptionally(next.failure());
      return;
    }
    sleeper.after(next.delay()).whenComplete((v, e) -> {
      if (!out.isDone()) {
        attemptAsync(a, out);
      }
    });
  }

  // ------------------------------------------------------------------------------------------------ shared

  private record Result<T>(boolean done, T value, Next next) {}

  /** Reads a response: the value, a retry, or a failure. The response is closed by the caller. */
  private <T> Result<T> handle(Attempts<T> a, Response response) throws IOException {
    int status = response.code();
    if (response.isSuccessful()) {
      T value;
      try {
        value = a.call.decoder().decode(response);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw VtExceptions.decode(a.what() + " answered " + status + " with a body that is not the expected JSON ("
            + e.getOriginalMessage() + ")", status, a.correlationId, response.header("X-Request-Id"), e);
      }
      retry.onSuccess();
      return new Result<>(true, value, null);
    }
    VtException failure = toException(a, response);
    boolean retryable = isRetryable(status) || failure.code() == VtErrorCode.IDEMPOTENCY_IN_PROGRESS;
    if (retryable && a.call.bodyReplayable() && a.attempt < retry.maxAttempts()) {
      Duration delay = retryDelay(a, response.header("Retry-After"));
      if (delay != null && a.timeLeft(delay) && retry.tryAcquireRetry()) {
        return new Result<>(false, null, Next.retryAfter(delay));
      }
    }
    return new Result<>(false, null, Next.fail(failure));
  }

  private Next onTransportError(Attempts<?> a, IOException e) {
    if (a.call.bodyReplayable() && a.attempt < retry.maxAttempts()) {
      Duration delay = retry.backoff(a.attempt, random.getAsDouble());
      if (a.timeLeft(delay) && retry.tryAcquireRetry()) {
        return Next.retryAfter(delay);
      }
    }
    String kind = e instanceof java.net.SocketTimeoutException || e instanceof InterruptedIOException
        ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
    return Next.fail(VtExceptions.transport(a.what() + " " + kind, a.correlationId, a.attempt, e));
  }

  private static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  /** Retry-After (seconds or HTTP date) when present and acceptable; backoff when absent; null: do not retry. */
  private Duration retryDelay(Attempts<?> a, String retryAfter) {
    if (retryAfter != null) {
      Duration hint = parseRetryAfter(retryAfter, clock);
      if (hint != null) {
        return retry.retryAfterAcceptable(hint) ? hint : null;
      }
    }
    return retry.backoff(a.attempt, random.getAsDouble());
  }

  static Duration parseRetryAfter(String value, java.time.Clock clock) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      try {
        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value.trim(),
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Maps an error answer to the typed hierarchy; never puts the body in the message. */
  private VtException toException(Attempts<?> a, Response response) {
    return toException(a.what(), a.correlationId, response);
  }

  /** Maps an error answer of {@code what} (method and path) to the typed hierarchy; never puts the body in it. */
  public VtException toException(String what, String cid, Response response) {
    int status = response.code();
    String requestId = response.header("X-Request-Id");
    JsonNode p = null;
    try {
      byte[] bytes = response.body().bytes();
      if (bytes.length > 0) {
        p = json.readTree(bytes);
      }
    } catch (IOException | RuntimeException e) {
      p = null; // not JSON (a proxy's HTML page…): status only
    }
    io.vtsdk.api.Problem problem = p == null || !p.isObject() ? null : new io.vtsdk.api.Problem(
        text(p, "type"), text(p, "title"), status, text(p, "detail"), text(p, "instance"), text(p, "correlationId"),
        violations(p), java.util.Map.of());
    VtErrorCode code = problem != null && problem.type() != null ? VtErrorCode.fromProblemType(problem.type())
        : VtErrorCode.fromStatus(status);
    // The message goes to application logs: it carries the status, the code, the title and each violation's pointer
    // and code, never the server's free-text detail (a server may echo what was sent). problem().detail() has it.
    StringBuilder message = new StringBuilder(what).append(" answered ").append(status).append(' ').append(code);
    if (problem != null && problem.title() != null) {
      message.append(" (").append(problem.title()).append(')');
    }
    if (problem != null && !problem.violations().isEmpty()) {
      message.append(':');
      problem.violations().forEach(v -> message.append(' ').append(v.path().isEmpty() ? "/" : v.path()).append(' ')
          .append(v.code()).append(';'));
    }
    String text = message.toString();
    return VtExceptions.api(text, status, code, cid, requestId, problem, text(p, "from"), text(p, "action"),
        text(p, "role"), p == null ? -1 : p.path("currentVersion").asLong(-1),
        status == 429 ? retryAfterSeconds(response.header("Retry-After")) : -1);
  }

  private long retryAfterSeconds(String header) {
    Duration d = header == null ? null : parseRetryAfter(header, clock);
    return d == null ? -1 : d.toSeconds();
  }

  private static String text(JsonNode p, String field) {
    return p == null || !p.hasNonNull(field) ? null : p.get(field).asText();
  }

  private static List<Violation> violations(JsonNode p) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode v : p.path("violations")) {
      if (v.hasNonNull("path") && v.hasNonNull("code")) {
        out.add(new Violation(v.get("path").asText(), v.get("code").asText(), v.path("message").asText("")));
      }
    }
    return out;
  }

  private void log(Attempts<?> a, Request request, Response response, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {} in {} ms (attempt {}, correlation id {}){}{}", request.method(), request.url().encodedPath(),
          response.code(), (System.nanoTime() - start) / 1_000_000, a.attempt, a.correlationId,
          headers(request.headers(), LOGGED_REQUEST_HEADERS, " request"),
          headers(response.headers(), LOGGED_RESPONSE_HEADERS, " response"));
    }
  }

  private void logFailure(Attempts<?> a, IOException e, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} failed after {} ms (attempt {}, correlation id {}): {}", a.call.method(), a.call.path(),
          (System.nanoTime() - start) / 1_000_000, a.attempt, a.correlationId, e.getClass().getSimpleName());
    }
  }

  private static String headers(okhttp3.Headers h, List<String> allowed, String label) {
    StringBuilder sb = new StringBuilder();
    for (String name : allowed) {
      String v = h.get(name);
      if (v != null) {
        sb.append(sb.length() == 0 ? label + " headers " : ", ").append(name).append('=').append(v);
      }
    }
    return sb.toString();
  }

  /** Reads a JSON answer body as {@code type}. */
  public <T> ApiCall.Decoder<T> decoderOf(Class<T> type) {
    return response -> json.readValue(response.body().bytes(), type);
  }

  /** Reads a JSON answer body as a tree. */
  public ApiCall.Decoder<JsonNode> treeDecoder() {
    return response -> {
      JsonNode n = json.readTree(response.body().bytes());
      if (n == null || n.isMissingNode()) {
        throw new com.fasterxml.jackson.core.JsonParseException(null, "empty body");
      }
      return n;
    };
  }

  public byte[] toJson(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName() + ": "
          + e.getOriginalMessage(), e);
    }
  }
}
