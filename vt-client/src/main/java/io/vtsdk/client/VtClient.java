package io.vtsdk.client;

import io.vtsdk.api.Health;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Interceptors;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.client.internal.RetryPolicy;
import io.vtsdk.model.json.VtJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.apiguardian.api.API;

/**
 * The blocking VT client. Build it once and share it: it is immutable and thread-safe, and holds one OkHttp client
 * (connection pool, dispatcher) for all calls.
 *
 * <pre>{@code
 * VtClient vt = VtClient.builder()
 *     .baseUrl(URI.create("https://vt.example/"))
 *     .tokenProvider(TokenProvider.of(token))
 *     .appInfo("MyEHR/4.2")
 *     .build();
 * Dossier draft = vt.dossiers().create(dossier);          // retried safely: same Idempotency-Key
 * vt.dossiers().send(draft.id(), List.of(UnitId.of("CPAM-691")));
 * }</pre>
 *
 * <p>{@link Builder#buildAsync()} gives the same operations returning {@code CompletableFuture}. Errors are
 * {@link VtException}s. See docs/client.md.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class VtClient {
  private final Config config;
  private final Pipeline pipeline;
  private final Dossiers dossiers;
  private final Attachments attachments;
  private final Requests requests;
  private final Directory directory;
  private final Indicators indicators;
  private final Events events;
  private final Endpoints endpoints;

  private VtClient(Config config, Pipeline pipeline) {
    this.config = config;
    this.pipeline = pipeline;
    this.endpoints = new Endpoints(pipeline);
    this.dossiers = new Dossiers(pipeline, endpoints);
    this.attachments = new Attachments(pipeline, endpoints);
    this.requests = new Requests(pipeline, endpoints);
    this.directory = new Directory(pipeline, endpoints);
    this.indicators = new Indicators(pipeline, endpoints);
    this.events = new Events(pipeline, endpoints);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this client's settings. What it builds derives its own OkHttp client from the same root client
   * (connection pool and dispatcher shared) with its own settings: a new call or connect timeout is honoured.
   */
  public Builder newBuilder() {
    return Builder.from(config);
  }

  /** This client's settings, as built (immutable). */
  public Config config() {
    return config;
  }

  /**
   * The settings of a {@link VtClient} or {@link VtAsyncClient}, immutable: what {@link Builder} collected, with the
   * root OkHttp client resolved (the caller's, or one made for this configuration and its derived clients).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Config(URI baseUrl, TokenProvider tokenProvider, OkHttpClient rootHttpClient, String appInfo,
      Locale language, int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
      int retryBudget, Duration callTimeout, Duration connectTimeout, io.vtsdk.model.UnitId actingUnit,
      java.time.Clock clock, Sleeper sleeper, DoubleSupplier random) {

    /** The User-Agent of every call: {@code vt-sdk-java/<version> (java <version>) <appInfo>}. */
    String userAgent() {
      return "vt-sdk-java/" + Builder.version() + " (java " + System.getProperty("java.version") + ")"
          + (appInfo == null ? "" : " " + appInfo);
    }

    /**
     * The OkHttp client of this configuration: derived from the root (pool and dispatcher shared) with these
     * timeouts, and the client's interceptors first (headers, then the bearer token); the root's own follow.
     */
    OkHttpClient httpClient() {
      OkHttpClient.Builder b = rootHttpClient.newBuilder()
          .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .retryOnConnectionFailure(false); // our retries, with the same Idempotency-Key
      b.interceptors().add(0, Interceptors.headers(userAgent(), language.toLanguageTag(),
          actingUnit == null ? null : actingUnit.value()));
      b.interceptors().add(1, Interceptors.bearer(tokenProvider));
      return b.build();
    }

    Pipeline pipeline() {
      return new Pipeline(httpClient(), HttpUrl.get(baseUrl.toString()),
          new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter, retryBudget), sleeper, random,
          callTimeout, VtJson.newMapper(), clock);
    }

    @Override
    public String toString() {
      return "VtClient.Config[" + baseUrl + ", callTimeout=" + callTimeout + ", connectTimeout=" + connectTimeout
          + ", maxAttempts=" + maxAttempts + "]"; // no token provider details
    }
  }

  public Dossiers dossiers() {
    return dossiers;
  }

  public Attachments attachments() {
    return attachments;
  }

  public Requests requests() {
    return requests;
  }

  public Directory directory() {
    return directory;
  }

  public Indicators indicators() {
    return indicators;
  }

  public Events events() {
    return events;
  }

  /**
   * The test-kit session this client's token belongs to (the reference server's {@code GET /v1/test-session}): the
   * scenario, the step under way with its instruction and data. {@link VtApiException} 404 for a token of no session.
   */
  public io.vtsdk.api.TestSession testSession() {
    return pipeline.execute(endpoints.testSession(RequestOptions.none()));
  }

  public Health health() {
    return pipeline.execute(endpoints.health(RequestOptions.none()));
  }

  @Override
  public String toString() {
    return "VtClient[" + config.baseUrl() + "]";
  }

  /**
   * Settings of {@link VtClient} and {@link VtAsyncClient}. Required: {@link #baseUrl} and {@link #tokenProvider}.
   * Defaults: 3 attempts, backoff 200 ms doubling to 5 s with full jitter, {@code Retry-After} up to 30 s honoured,
   * a retry budget of 100 (a retry costs 5, a success gives 1 back), call timeout 30 s, French messages.
   */
  public static final class Builder {
    private URI baseUrl;
    private TokenProvider tokens;
    private OkHttpClient http;
    private String appInfo;
    private Locale language = Locale.FRENCH;
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(5);
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private int retryBudget = 100;
    private Duration callTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private io.vtsdk.model.UnitId actingUnit;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** A builder holding {@code c}'s settings (its root OkHttp client included, so that the pool is shared). */
    static Builder from(Config c) {
      Builder b = new Builder();
      b.baseUrl = c.baseUrl();
      b.tokens = c.tokenProvider();
      b.http = c.rootHttpClient();
      b.appInfo = c.appInfo();
      b.language = c.language();
      b.maxAttempts = c.maxAttempts();
      b.baseDelay = c.baseDelay();
      b.maxDelay = c.maxDelay();
      b.maxRetryAfter = c.maxRetryAfter();
      b.retryBudget = c.retryBudget();
      b.callTimeout = c.callTimeout();
      b.connectTimeout = c.connectTimeout();
      b.actingUnit = c.actingUnit();
      b.clock = c.clock();
      b.sleeper = c.sleeper();
      b.random = c.random();
      return b;
    }

    /** The API's base URL, e.g. {@code https://vt.example/} (the client adds {@code /v1/…}). */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (HttpUrl.parse(baseUrl.toString()) == null) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL, was " + baseUrl);
      }
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder tokenProvider(TokenProvider tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Your OkHttp client (its pool, proxy, TLS and interceptors are kept): the root every client of this builder
     * derives its own from with {@code newBuilder()}, sharing the pool and dispatcher, with this builder's timeouts.
     * An application interceptor that answers by itself is also the way to test without a server (docs/client.md).
     */
    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * The unit the user acts for on every call ({@code X-VT-Unit}), for a token that names a person rather than a
     * unit: a Pro Santé Connect professional with several activities chooses one (docs/identity.md). Unneeded with a
     * test server's tokens (the unit is in them) or for a professional with one activity. Null: none.
     */
    public Builder actingUnit(io.vtsdk.model.UnitId unit) {
      this.actingUnit = unit;
      return this;
    }

    /** Your application, appended to the User-Agent: {@code vt-sdk-java/0.1.0 (java 17) MyEHR/4.2}. */
    public Builder appInfo(String appInfo) {
      if (appInfo == null || appInfo.isBlank() || appInfo.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException("appInfo must be printable ASCII, like MyEHR/4.2");
      }
      this.appInfo = appInfo;
      return this;
    }

    /** The default language of error messages: French (default) or English. */
    public Builder language(Locale language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    /** Total tries of a call (1 = no retry). */
    public Builder maxAttempts(int n) {
      if (n < 1 || n > 10) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 10, was " + n);
      }
      this.maxAttempts = n;
      return this;
    }

    /** Exponential backoff bounds (full jitter). */
    public Builder backoff(Duration base, Duration max) {
      if (base == null || max == null || base.isNegative() || max.compareTo(base) < 0) {
        throw new IllegalArgumentException("backoff needs 0 <= base <= max");
      }
      this.baseDelay = base;
      this.maxDelay = max;
      return this;
    }

    /** The longest {@code Retry-After} the client waits for; a longer one fails the call at once. */
    public Builder maxRetryAfter(Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must be zero or positive");
      }
      this.maxRetryAfter = d;
      return this;
    }

    /** The retry budget shared by all calls (token bucket; a retry costs 5, a success gives 1 back; 0: no retry). */
    public Builder retryBudget(int capacity) {
      if (capacity < 0) {
        throw new IllegalArgumentException("retryBudget must be zero or positive");
      }
      this.retryBudget = capacity;
      return this;
    }

    /** Default time for a whole call, retries included (per call: {@link RequestOptions#timeout()}). */
    public Builder callTimeout(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive");
      }
      this.callTimeout = d;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive");
      }
      this.connectTimeout = d;
      return this;
    }

    /** The clock of {@code Retry-After} dates (default: the system's, UTC). */
    public Builder clock(java.time.Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the client waits between retries (default {@link Sleeper#SYSTEM}): a test seam, so that a test of retries
     * does not sleep. @since 0.3
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.3")
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Test seam: the jitter source, values in [0, 1). */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public VtClient build() {
      Config c = config();
      return new VtClient(c, c.pipeline());
    }

    /** The same operations, returning {@code CompletableFuture} and never blocking the caller's thread. */
    public VtAsyncClient buildAsync() {
      Config c = config();
      return new VtAsyncClient(c, c.pipeline());
    }

    /** The immutable settings this builder holds now (later changes to the builder do not affect them). */
    Config config() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      if (tokens == null) {
        throw new IllegalStateException("tokenProvider is required (TokenProvider.of(token) for a fixed token)");
      }
      synchronized (this) {
        if (http == null) {
          http = new OkHttpClient(); // the root of this builder's clients: one pool for all they derive
        }
      }
      return new Config(baseUrl, tokens, http, appInfo, language, maxAttempts, baseDelay, maxDelay, maxRetryAfter,
          retryBudget, callTimeout, connectTimeout, actingUnit, clock, sleeper, random);
    }

    static String version() {
      try (InputStream in = VtClient.class.getResourceAsStream("/io/vtsdk/client/vt-client.properties")) {
        Properties p = new Properties();
        if (in != null) {
          p.load(in);
        }
        return p.getProperty("version", "dev");
      } catch (IOException e) {
        return "dev";
      }
    }
  }
}
