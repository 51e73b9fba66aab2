package io.vtsdk.server.internal;


import io.vtsdk.api.Problem;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vtsdk.core.Principal;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.server.Fault;
import io.vtsdk.server.JournalEntry;
import io.vtsdk.server.TokenFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches calls to routes through a chain of small steps, in order: route (404/405), injected faults, the control
 * API's checks, authentication (401), body limits and the in-flight budget (413/503), the drop-after-write fault, and
 * the handler (idempotency of writes, the route). Around the chain: request id, correlation id
 * (echoed only when it is a plain token), Accept-Language, problem+json or OperationOutcome errors. Logs method, route
 * template, status and duration — never bodies or tokens. Adding a convention is adding a step. Not API.
 */
public final class Router implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  /** A route's logic. */
  @FunctionalInterface
  public interface Handler {
    Reply handle(Call call);
  }

  /** A route; {@code writes}: it changes data, so an Idempotency-Key applies (every method but GET, unless marked). */
  record Route(String method, String template, String[] segments, boolean authenticated, Handler handler,
      long maxBody, boolean writes, boolean admin) {}

  /** A matched route and its path parameters. */
  private record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();
  private final Streams streams = new Streams();
  private volatile long streamMillis = 50_000;
  private final JsonMapper json;
  /** The mapper of request bodies: {@code json} refusing unknown members (see {@link Call#bodyAs}). */
  private final JsonMapper strict;
  private final TokenFactory tokens;
  private final long maxBodyBytes;
  private final Controls controls;
  private final java.util.concurrent.atomic.AtomicLong requestIds = new java.util.concurrent.atomic.AtomicLong();
  private volatile String adminToken;
  /** Pro Santé Connect access tokens, accepted besides the server's own when set. */
  private volatile PscPrincipals psc;
  private volatile Cors cors = Cors.LOCALHOST;
  /** The requests kept for {@code takeRequest} (null: not kept); the oldest are dropped when it is full. */
  private volatile java.util.concurrent.BlockingQueue<io.vtsdk.server.RecordedRequest> recorded;
  private volatile ExchangeListener exchanges;

  /** Who hears of each answered call with a principal (a scenario session records its own). */
  @FunctionalInterface
  public interface ExchangeListener {
    void exchanged(Principal principal, io.vtsdk.server.scenarios.Exchange exchange);
  }

  /** Hands each answered call made with a token to {@code listener} (null: nobody). */
  public void exchanges(ExchangeListener listener) {
    this.exchanges = listener;
  }
  /** Permits of 1 KiB of request body held in memory. */
  private java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(Integer.MAX_VALUE);

  public Router(JsonMapper json, TokenFactory tokens, long maxBodyBytes, Controls controls) {
    this.controls = controls;
    this.json = json;
    this.strict = io.vtsdk.model.json.StrictJson.of(json);
    this.tokens = tokens;
    this.maxBodyBytes = maxBodyBytes;
  }

  public Router route(String method, String template, Handler h) {
    return route(method, template, h, maxBodyBytes);
  }

  /** An authenticated route with its own body limit (attachments). */
  public Router route(String method, String template, Handler h, long maxBody) {
    return add(method, template, true, h, maxBody, !"GET".equals(method), false);
  }

  /** An authenticated route that changes nothing whatever its method (a POST computing an answer). */
  public Router readOnlyRoute(String method, String template, Handler h) {
    return add(method, template, true, h, maxBodyBytes, false, false);
  }

  public Router publicRoute(String method, String template, Handler h) {
    return add(method, template, false, h, maxBodyBytes, !"GET".equals(method), false);
  }

  /** A control-API route ({@code /__admin}): served over HTTP only when the control API is on, behind its token. */
  public Router adminRoute(String method, String template, Handler h) {
    return add(method, template, false, h, maxBodyBytes, !"GET".equals(method), true);
  }

  /** A control-API route whose effect is not data (faults). */
  public Router adminControlRoute(String method, String template, Handler h) {
    return add(method, template, false, h, maxBodyBytes, false, true);
  }

  private Router add(String method, String template, boolean authenticated, Handler h, long maxBody,
      boolean writes, boolean admin) {
    routes.add(new Route(method, template, template.substring(1).split("/"), authenticated, h, maxBody, writes,
        admin));
    return this;
  }

  /** Serves the control API over HTTP behind {@code token}; null: not over HTTP (the Java handle still works). */
  public void admin(String token) {
    this.adminToken = token;
  }

  /** Accepts Pro Santé Connect access tokens (checked by {@code psc}) besides the server's own. */
  public void psc(PscPrincipals psc) {
    this.psc = psc;
  }

  /** Bounds the request-body bytes held at once across calls. */
  public void inFlightBudget(long bytes) {
    this.inFlight = new java.util.concurrent.Semaphore((int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / 1024)));
  }


  /** Keeps up to {@code capacity} requests that reach a handler (not the control API's), for tests. */
  public void recordRequests(java.util.concurrent.BlockingQueue<io.vtsdk.server.RecordedRequest> queue) {
    this.recorded = queue;
  }

  /** The origins a browser page may call the API from (CORS). */
  public void cors(Cors cors) {
    this.cors = Objects.requireNonNull(cors, "cors");
  }

  /**
   * How many streamed answers (event streams) may be open at once: on the server, for one caller, for one unit;
   * beyond, 503 naming the limit.
   */
  public void streamLimits(int max, int perPrincipal, int perUnit) {
    streams.limits(max, perPrincipal, perUnit);
  }

  /** How long one streamed answer lasts before the server ends it (the client reconnects). */
  public void streamMillis(long millis) {
    this.streamMillis = millis;
  }

  long streamMillis() {
    return streamMillis;
  }

  /** Ends every open stream (server stop). */
  public void closeStreams() {
    streams.close();
  }

  /** Route templates, for the OpenAPI check and the docs. */
  public List<String> templates() {
    return routes.stream().map(r -> r.method() + " " + r.template()).toList();
  }

  /**
   * One HTTP exchange as it goes through the steps: what the earlier steps found (route, fault, caller, body
   * reservation) for the later ones. Not API.
   */
  static final class Exchange {
    final HttpExchange http;
    final String correlationId;
    final Locale locale;
    Match match;
    Fault fault;
    Principal principal;
    int reserved;
    byte[] body;

    Exchange(HttpExchange http, String correlationId, Locale locale) {
      this.http = http;
      this.correlationId = correlationId;
      this.locale = locale;
    }

    String template() {
      return match == null ? "(none)" : match.route().template();
    }
  }

  /** One step of a call, in the spirit of OkHttp's interceptors: it may answer, refuse (throw) or pass on. */
  @FunctionalInterface
  interface Step {
    /** The answer; {@link #NO_ANSWER} to close the connection without one (injected drop faults). */
    Reply apply(Exchange x, Chain next) throws IOException;
  }

  /** The rest of the chain. */
  @FunctionalInterface
  interface Chain {
    Reply proceed(Exchange x) throws IOException;
  }

  /** The marker of a call whose answer is not sent. */
  static final Reply NO_ANSWER = new Reply(-1, Map.of(), new byte[0]);

  /** The steps every call goes through, in order; the last runs the route's handler. */
  private final List<Step> steps = List.of(this::route, this::cors, this::faultsBefore, this::admin,
      this::authentication, this::bodyLimits, this::conditional, this::faultsAfter, this::handler);

  @Override
  public void handle(HttpExchange ex) throws IOException {
    long start = System.nanoTime();
    ex.getResponseHeaders().set("X-Request-Id", "req-" + requestIds.incrementAndGet());
    String correlationId = Optional.ofNullable(header(ex, "X-Correlation-Id"))
        .filter(Router::isSafeCorrelationId).orElseGet(Router::newCorrelationId);
    Exchange x = new Exchange(ex, correlationId, locale(header(ex, "Accept-Language")));
    int status = 0;
    try {
      Reply reply = proceed(x, 0);
      status = reply.status();
      if (reply.streamer() != null && !"HEAD".equals(ex.getRequestMethod())) {
        if (x.reserved > 0) {
          inFlight.release(x.reserved); // a stream holds its own limit, not the in-flight budget
          x.reserved = 0;
        }
        streams.serve(ex, reply, correlationId, x.principal, () -> record(ex, x, reply.status(), correlationId,
            reply.body())); // 503 (thrown, nothing sent) when a limit is reached
      } else {
        record(ex, x, status, correlationId, reply.body());
        if (reply != NO_ANSWER) {
          send(ex, reply, correlationId);
        } else {
          HttpEngine.drop(ex);
        }
      }
    } catch (ApiException e) {
      status = e.status();
      record(ex, x, status, correlationId, exchanges == null ? null : refusal(e));
      if (status == 405) {
        ex.getResponseHeaders().set("Allow", String.join(", ", allowed(ex.getRequestURI().getPath())));
      } else if (status == 401) { // RFC 6750 §3; RFC 9470 §3 for a level below the one required
        ex.getResponseHeaders().set("WWW-Authenticate", header(ex, "Authorization") == null
            ? "Bearer realm=\"vt\"" : e.extensions.get("acrValues") instanceof String acr
            ? "Bearer realm=\"vt\", error=\"insufficient_user_authentication\", acr_values=\"" + acr + "\""
            : "Bearer realm=\"vt\", error=\"invalid_token\"");
      }
      sendProblem(ex, e, x.locale, correlationId);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // a bug, or a class missing from a trimmed distribution: an answer with its correlation id, never a dropped
      // connection
      status = 500;
      LOG.error("unexpected error on {} {} (correlation id {})", ex.getRequestMethod(), x.template(), correlationId,
          e);
      record(ex, x, status, correlationId, null);
      sendProblem(ex, new ApiException(500, "internal-error", "unexpected server error; correlation id "
          + correlationId), x.locale, correlationId);
    } finally {
      if (x.reserved > 0) {
        inFlight.release(x.reserved);
      }
      HttpEngine.close(ex); // closing twice is harmless (a stream closes its own when it ends)
      LOG.debug("{} {} -> {} in {} µs", ex.getRequestMethod(), x.template(), status,
          (System.nanoTime() - start) / 1000);
    }
  }

  /** A request header's value as sent (see {@link HttpEngine#header}). */
  static String header(HttpExchange ex, String name) {
    return HttpEngine.header(ex, name);
  }

  private Reply proceed(Exchange x, int index) throws IOException {
    return steps.get(index).apply(x, next -> proceed(next, index + 1));
  }

  /** Finds the route (404, 405). */
  private Reply route(Exchange x, Chain next) throws IOException {
    String method = x.http.getRequestMethod();
    String path = x.http.getRequestURI().getPath();
    if ("OPTIONS".equals(method)) {
      return options(x, path);
    }
    x.match = find("HEAD".equals(method) ? "GET" : method, path);
    return next.proceed(x);
  }

  /** The methods a path allows, as {@code Allow} lists them (HEAD with GET, OPTIONS always); empty: no such path. */
  private List<String> allowed(String path) {
    String[] segs = path.length() > 1 ? path.substring(1).split("/") : new String[0];
    java.util.Set<String> methods = new java.util.LinkedHashSet<>();
    for (Route r : routes) {
      if (match(r.segments(), segs) != null) {
        methods.add(r.method());
        if ("GET".equals(r.method())) {
          methods.add("HEAD");
        }
      }
    }
    if (!methods.isEmpty()) {
      methods.add("OPTIONS");
    }
    return List.copyOf(methods);
  }

  /** OPTIONS: the allowed methods, and for a CORS preflight from an allowed origin, what it may send. No token. */
  private Reply options(Exchange x, String path) {
    List<String> allow = allowed(path);
    if (allow.isEmpty()) {
      throw new ApiException(404, "not-found", "no route " + path);
    }
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Allow", String.join(", ", allow));
    String origin = header(x.http, "Origin");
    if (origin != null && !path.startsWith("/__admin") && cors.allows(origin)
        && header(x.http, "Access-Control-Request-Method") != null) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Allow-Methods", String.join(", ", allow));
      headers.put("Access-Control-Allow-Headers", Cors.ALLOWED_HEADERS);
      headers.put("Access-Control-Max-Age", "600");
      headers.put("Vary", "Origin");
    }
    return new Reply(204, headers, new byte[0]);
  }

  /** CORS on answers to an allowed origin (not the control API, which refuses cross-origin calls). */
  private Reply cors(Exchange x, Chain next) throws IOException {
    String origin = header(x.http, "Origin");
    if (origin != null && !x.match.route().admin() && cors.allows(origin)) {
      x.http.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      x.http.getResponseHeaders().set("Access-Control-Expose-Headers", Cors.EXPOSED_HEADERS);
      x.http.getResponseHeaders().add("Vary", "Origin");
    }
    return next.proceed(x);
  }

  /** {@code If-None-Match} on a read: 304 without a body when the representation has not changed (RFC 9110 §13.1.2). */
  private Reply conditional(Exchange x, Chain next) throws IOException {
    Reply reply = next.proceed(x);
    String ifNoneMatch = header(x.http, "If-None-Match");
    String etag = reply.headers().get("ETag");
    if (ifNoneMatch != null && etag != null && reply.status() == 200 && "GET".equals(x.match.route().method())
        && ETags.matches(ifNoneMatch, etag)) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      headers.put("ETag", etag);
      return new Reply(304, headers, new byte[0]);
    }
    return reply;
  }

  /** Injected faults before the handler: latency, an error status, or a connection dropped before the write. */
  private Reply faultsBefore(Exchange x, Chain next) throws IOException {
    if (!x.match.route().admin()) {
      x.fault = controls.take(x.http.getRequestMethod(), x.template(), x.http.getRequestURI().getPath());
    }
    Fault f = x.fault;
    if (f != null && f.kind() == Fault.Kind.LATENCY) {
      // the request is read first, then the server is slow: a client that gives up during the wait leaves a request
      // the server still handles (as a slow server does once it has the request), whatever the engine
      x.body = Call.readLimited(x.http.getRequestBody(), x.match.route().maxBody());
      sleep(f.latency().toMillis());
    } else if (f != null && f.kind() == Fault.Kind.STATUS) {
      throw new ApiException(f.status(), f.status() == 429 ? "rate-limited" : "unavailable",
          "injected fault: " + f.status(), List.of(), Map.of("retryAfter", f.retryAfterSeconds()));
    } else if (f != null && f.kind() == Fault.Kind.DROP_BEFORE_WRITE) {
      return NO_ANSWER;
    }
    return next.proceed(x);
  }

  /** The control API's own checks (see {@link #checkAdmin}). */
  private Reply admin(Exchange x, Chain next) throws IOException {
    if (x.match.route().admin()) {
      checkAdmin(x.http);
    }
    return next.proceed(x);
  }

  /** The bearer token of an authenticated route (401, 403 for SYSTEM). */
  private Reply authentication(Exchange x, Chain next) throws IOException {
    if (x.match.route().authenticated()) {
      x.principal = authenticate(header(x.http, "Authorization"),
          header(x.http, PscPrincipals.UNIT_HEADER));
    }
    return next.proceed(x);
  }

  /**
   * The route's body limit (413) and the in-flight budget: the body is held in memory while the call runs, so it is
   * reserved first, or answered 503 at once (never a hang, never an exhausted heap).
   */
  private Reply bodyLimits(Exchange x, Chain next) throws IOException {
    Route route = x.match.route();
    String length = header(x.http, "Content-Length");
    long declared = length == null ? -1 : parseLong(length);
    if (declared > route.maxBody()) {
      throw new ApiException(413, "payload-too-large", "the body exceeds " + route.maxBody() + " bytes");
    }
    int permits = (int) Math.min(Integer.MAX_VALUE, ((declared < 0 ? route.maxBody() : declared) + 1023) / 1024);
    if (permits > 0 && !inFlight.tryAcquire(permits)) {
      throw new ApiException(503, "unavailable", "the server holds too many request bodies at once; retry later",
          List.of(), Map.of("retryAfter", 1));
    }
    x.reserved = permits; // released when the exchange ends
    return next.proceed(x);
  }

  /** An injected drop after the write: the write is committed, the answer is lost. */
  private Reply faultsAfter(Exchange x, Chain next) throws IOException {
    Reply reply = next.proceed(x);
    return x.fault != null && x.fault.kind() == Fault.Kind.DROP_AFTER_WRITE ? NO_ANSWER : reply;
  }

  /** Reads the body and runs the route: idempotency, the handler. */
  private Reply handler(Exchange x, Chain next) throws IOException {
    Route route = x.match.route();
    HttpExchange ex = x.http;
    byte[] body = x.body != null ? x.body : Call.readLimited(ex.getRequestBody(), route.maxBody());
    x.body = body;
    java.util.concurrent.BlockingQueue<io.vtsdk.server.RecordedRequest> queue = recorded;
    if (queue != null && !route.admin()) {
      io.vtsdk.server.RecordedRequest r = new io.vtsdk.server.RecordedRequest(ex.getRequestMethod(),
          ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(), HttpEngine.requestHeaders(ex), body);
      while (!queue.offer(r)) {
        queue.poll(); // full: the oldest goes
      }
    }
    // idempotency keys only for writes: a POST that computes an answer (validate, preflight) needs none
    boolean idempotent = "POST".equals(ex.getRequestMethod()) && x.principal != null && route.writes();
    Call call = new Call(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
        name -> header(ex, name), x.match.params(), body, x.principal, x.locale, x.correlationId, strict,
        idempotent);
    return execute(route, call);
  }

  private Match find(String method, String path) {
    String[] segs = path.length() > 1 ? path.substring(1).split("/") : new String[0];
    boolean pathMatched = false;
    for (Route r : routes) {
      Map<String, String> p = match(r.segments(), segs);
      if (p != null) {
        pathMatched = true;
        if (r.method().equals(method)) {
          return new Match(r, p);
        }
      }
    }
    throw pathMatched ? new ApiException(405, "method-not-allowed", method + " is not allowed on " + path)
        : new ApiException(404, "not-found", "no route " + path);
  }

  /**
   * Runs a call's route (its handler makes one core call, which handles the idempotency key); the core's and the
   * store's refusals as problem answers.
   */
  private Reply execute(Route route, Call call) {
    try {
      return route.handler().handle(call);
    } catch (io.vtsdk.core.VtCoreException e) {
      throw ApiException.of(e);
    } catch (io.vtsdk.core.spi.StoreException e) {
      if (e.kind() == io.vtsdk.core.spi.StoreException.Kind.DAMAGED) {
        LOG.error("{} (correlation id {})", e.getMessage(), call.correlationId); // the record's type, never its data
        throw new ApiException(500, "damaged-record", e.getMessage());
      }
      throw e.kind() == io.vtsdk.core.spi.StoreException.Kind.CONFLICT
          ? new ApiException(409, "conflict", "the database refused the write; nothing was kept")
          : new ApiException(503, "unavailable", "the database cannot take the call now; nothing was kept, retry "
              + "later", List.of(), Map.of("retryAfter", 1));
    }
  }

  /** A correlation id is echoed only when it is a token of 1–128 letters, digits and {@code . _ : -}. */
  static boolean isSafeCorrelationId(String s) {
    if (s.isEmpty() || s.length() > 128) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '.' || ch == '_'
          || ch == ':' || ch == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * A random UUID from a thread-local generator: a correlation id needs to be unique, not unguessable, and
   * {@code UUID.randomUUID()} serialises every request on one SecureRandom.
   */
  static String newCorrelationId() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(hi, lo).toString();
  }

  /**
   * The control API over HTTP: only when it is on, with its own token, for a loopback {@code Host} and, when the
   * browser sends one, a same-origin {@code Origin} (a page on another site cannot reset or seed the server).
   */
  private void checkAdmin(HttpExchange ex) {
    String token = adminToken;
    if (token == null) {
      throw new ApiException(404, "not-found", "no route (the control API is off: start the server with --admin)");
    }
    String host = header(ex, "Host");
    if (host == null || !isLoopbackAuthority(host)) {
      throw ApiException.forbidden("the control API answers only for a loopback Host");
    }
    String origin = header(ex, "Origin");
    if (origin != null && !(origin.startsWith("http://") && isLoopbackAuthority(origin.substring(7))
        && origin.substring(7).equalsIgnoreCase(host))) {
      throw ApiException.forbidden("the control API refuses cross-origin calls");
    }
    String auth = header(ex, "Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || !MessageDigest.isEqual(
        auth.substring(7).trim().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw new ApiException(401, "unauthorized", "the control API needs its own token (printed at start)");
    }
    String length = header(ex, "Content-Length");
    String type = header(ex, "Content-Type");
    boolean hasBody = length == null ? header(ex, "Transfer-Encoding") != null : !"0".equals(length);
    if (hasBody && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
      throw new ApiException(415, "unsupported-media-type", "the control API takes application/json bodies only");
    }
  }

  /** {@code 127.x.x.x[:port]}, {@code localhost[:port]}, {@code [::1][:port]}. */
  static boolean isLoopbackAuthority(String authority) {
    String h = authority.toLowerCase(Locale.ROOT);
    if (h.startsWith("[::1]")) {
      return h.length() == 5 || h.charAt(5) == ':';
    }
    int colon = h.indexOf(':');
    String name = colon < 0 ? h : h.substring(0, colon);
    return name.equals("localhost") || name.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }

  /**
   * The caller of an authenticated route: a token of this server (role, unit and actor signed in it), or a Pro Santé
   * Connect access token for the unit {@code unitHeader} names (see {@link PscPrincipals}).
   */
  /** The principal of a server-issued bearer token, or null (no token, an invalid one, a PSC one). */
  private Principal whose(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return tokens.verify(header.substring(7).trim()).map(c -> new Principal(c.role(), c.unit(), c.actorId()))
        .orElse(null);
  }

  private Principal authenticate(String header, String unitHeader) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(401, "unauthorized", "a bearer token is required (Authorization: Bearer …)");
    }
    String token = header.substring(7).trim();
    PscPrincipals pro = psc;
    Principal p = pro != null && PscPrincipals.looksLikeJwt(token) ? pro.principal(token, unitHeader)
        : tokens.verify(token).map(c -> new Principal(c.role(), c.unit(), c.actorId()))
            .orElseThrow(() -> new ApiException(401, "unauthorized", "the token is invalid or expired"));
    if (p.role() == io.vtsdk.model.workflow.Role.SYSTEM) {
      throw ApiException.forbidden("the SYSTEM role is reserved to the server's own actions (closing, archiving)");
    }
    return p;
  }

  /** Ids are 1–64 letters, digits and {@code . _ -}, with a letter or digit (D-12, A-3, DEC-D-4, a ROR id…). */
  static boolean isSafeId(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return false;
    }
    boolean alnum = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean letterOrDigit = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
      if (!(letterOrDigit || ch == '.' || ch == '_' || ch == '-')) {
        return false;
      }
      alnum |= letterOrDigit;
    }
    return alnum;
  }

  private static Map<String, String> match(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (!isSafeId(path[i])) {
          return null; // a blank or odd id names nothing: 404
        }
        params.put(t.substring(1, t.length() - 1), path[i]);
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return params;
  }

  private void send(HttpExchange ex, Reply reply, String correlationId) throws IOException {
    ex.getResponseHeaders().set("X-Correlation-Id", correlationId);
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (reply.body().length > 0 && !reply.headers().containsKey("Content-Type")) {
      ex.getResponseHeaders().set("Content-Type", "application/json");
    }
    byte[] body = reply.body();
    if (Compression.compressible(ex.getResponseHeaders().getFirst("Content-Type"), body.length)) {
      ex.getResponseHeaders().add("Vary", "Accept-Encoding");
      if (Compression.acceptsGzip(header(ex, "Accept-Encoding"))) {
        body = Compression.gzip(body);
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
      }
    }
    if ("HEAD".equals(ex.getRequestMethod()) || body.length == 0) {
      // HEAD: the GET's headers without its body (RFC 9110 §9.3.2)
      ex.sendResponseHeaders(reply.status(), -1);
      return;
    }
    ex.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private void sendProblem(HttpExchange ex, ApiException e, Locale locale, String correlationId) throws IOException {
    if (ex.getRequestURI().getPath().startsWith("/fhir/")) {
      sendOperationOutcome(ex, e, locale, correlationId);
      return;
    }
    Problem p = new Problem(Problem.TYPE_PREFIX + e.code, Problems.title(e.code, locale), e.status, e.getMessage(),
        ex.getRequestURI().getPath(), correlationId, e.violations, e.extensions);
    sendError(ex, e, "application/problem+json", json.writeValueAsBytes(p), correlationId);
  }

  /**
   * Writes an error body with the correlation id and, for 429/503, Retry-After. The answer is flushed first and what
   * is left of the request body is discarded after it (never held): a refused upload (413, 503) is answered at once,
   * and its connection is not reset under the client, which reads the answer while it sends.
   */
  private static void sendError(HttpExchange ex, ApiException e, String contentType, byte[] body,
      String correlationId) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("X-Correlation-Id", correlationId);
    if (e.status == 429 || e.status == 503) {
      ex.getResponseHeaders().set("Retry-After", String.valueOf(e.extensions.getOrDefault("retryAfter", 1)));
    }
    ex.sendResponseHeaders(e.status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
      out.flush();
      try {
        Call.drain(ex.getRequestBody());
      } catch (IOException gone) {
        // the client closed after reading its answer: nothing is lost
      }
    }
  }

  /** Errors of the FHIR routes: an OperationOutcome (FHIR R4), as the SDO IG asks of the SI-SDO. */
  private void sendOperationOutcome(HttpExchange ex, ApiException e, Locale locale, String correlationId)
      throws IOException {
    ObjectNode o = json.createObjectNode();
    o.put("resourceType", "OperationOutcome");
    ArrayNode issues = o.putArray("issue");
    String code = switch (e.status) {
      case 400, 422 -> "invalid";
      case 401 -> "login";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 409 -> "conflict";
      case 413 -> "too-costly";
      case 429, 503 -> "throttled";
      default -> e.status >= 500 ? "exception" : "processing";
    };
    ObjectNode main = issues.addObject().put("severity", e.status >= 500 ? "fatal" : "error").put("code", code)
        .put("diagnostics", Problems.title(e.code, locale) + ": " + e.getMessage());
    main.putObject("details").putArray("coding").addObject().put("system", "https://vtsdk.io/problems")
        .put("code", e.code);
    for (Violation v : e.violations) {
      ObjectNode issue = issues.addObject().put("severity", "error").put("code", "invalid");
      issue.putObject("details").putArray("coding").addObject().put("system", "https://vtsdk.io/rules")
          .put("code", v.code());
      issue.put("diagnostics", v.message()).putArray("expression").add(v.path());
    }
    sendError(ex, e, "application/fhir+json", json.writeValueAsBytes(o), correlationId);
  }

  /** A refusal as a session records it: the problem's code and each violation's pointer and rule, never a value. */
  private byte[] refusal(ApiException e) {
    ObjectNode o = json.createObjectNode().put("code", e.code);
    ArrayNode vs = o.putArray("violations");
    e.violations.forEach(v -> vs.addObject().put("path", v.path()).put("code", v.code()));
    return o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Journals the call before its answer leaves, so a test that got the answer sees the entry. */
  private void record(HttpExchange ex, Exchange x, int status, String correlationId, byte[] answer) {
    String template = x.template();
    Principal principal = x.principal;
    Fault fault = x.fault;
    ExchangeListener listener = exchanges;
    boolean api = x.match != null ? !x.match.route().admin() : !ex.getRequestURI().getPath().startsWith("/__admin");
    if (listener != null && principal == null && api) {
      // answered before authentication (an injected fault, a refused body, an unknown path): whose call it was, if
      // the token says
      principal = whose(header(ex, "Authorization"));
    }
    if (listener != null && principal != null && api) {
      listener.exchanged(principal, new io.vtsdk.server.scenarios.Exchange(Instant.now(), null,
          ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
          x.match == null ? null : template, status,
          header(ex, "Idempotency-Key"), header(ex, "If-Match"),
          fault != null && fault.kind() == Fault.Kind.STATUS ? fault.retryAfterSeconds() : 0, null, null, x.body,
          answer));
    }
    controls.record(new JournalEntry(Instant.now(), ex.getRequestMethod(), ex.getRequestURI().getPath(), template,
        status, correlationId, header(ex, "Idempotency-Key"),
        principal == null ? null : principal.role().name(), principal == null ? null : principal.unit().value(),
        fault == null ? null : fault.kind()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** French or English, whichever {@code Accept-Language} prefers (q-values, RFC 9110 §12.5.4); French by default. */
  static Locale locale(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.FRENCH;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      Locale best = Locale.lookup(ranges, List.of(Locale.FRENCH, Locale.ENGLISH));
      return Locale.ENGLISH.equals(best) ? Locale.ENGLISH : Locale.FRENCH;
    } catch (IllegalArgumentException e) {
      return Locale.FRENCH; // a malformed header is not an error: the default language
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Content-Length is not a number");
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
