package io.vtsdk.server;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import io.vtsdk.core.VtCore;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.server.internal.Admin;
import io.vtsdk.server.internal.Api;
import io.vtsdk.server.internal.ApiException;
import io.vtsdk.server.internal.Controls;
import io.vtsdk.server.internal.DemoData;
import io.vtsdk.server.internal.MutableClock;
import io.vtsdk.server.internal.Router;
import io.vtsdk.server.psc.PscSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * A stateful reference ViaTrajectoire server for tests and demos: the {@code /v1} API with workflows, roles,
 * validation and eligibility, an in-memory store (durable on a database with {@link Builder#dataDir} or
 * {@link Builder#database}), a synthetic directory, and
 * a control API under {@code /__admin}.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.builder().build().start()) {
 *   String token = server.tokens().issue(Role.REQUESTER, ReferenceServer.DEMO_REQUESTER_UNIT, "10003606315");
 *   URI dossiers = server.url("/v1/dossiers");
 *   // … call it with any HTTP client
 * }
 * }</pre>
 *
 * <p>Binds to the loopback address only. Engine: Jetty 12 behind the JDK's {@code com.sun.net.httpserver} API (built
 * for hostile clients: docs/security.md). Thread-safe; {@link #close()} stops it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReferenceServer implements AutoCloseable {
  static {
    // For the JDK engine, selectable for the engines' benchmark only (internal.HttpEngine). The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs every answer waits
    // ~40 ms. TCP_NODELAY is the JDK's documented switch; it must be set before the server classes load. A value the
    // application already set is kept.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // Time limits per connection (seconds): a client that never finishes its request headers, or never reads the
    // answer, is cut off instead of holding a worker forever (the JDK server's documented ServerConfig properties).
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "60");
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The demo requesting unit (a cardiology ward with Prado conventions). */
  public static final UnitId DEMO_REQUESTER_UNIT = DemoData.CARDIO_HCL;
  /** The demo CPAM "691 - CPAM du Rhône". */
  public static final UnitId DEMO_CPAM_UNIT = DemoData.CPAM_691;
  /** The demo receiving unit (an SMR of the Rhône). */
  public static final UnitId DEMO_RECEIVER_UNIT = UnitId.of("SMR-CARDIO-69");
  /** The demo MDPH (MDPH du Rhône). */
  public static final UnitId DEMO_MDPH_UNIT = UnitId.of("MDPH-69");
  /** The demo ESMS (an IME of the Rhône). */
  public static final UnitId DEMO_ESMS_UNIT = UnitId.of("IME-69");
  /** The demo accompagnant médico-social's account (role ACCOMPAGNANT, at the demo ESMS). @since 0.3 */
  public static final String DEMO_ACCOMPAGNANT = "accompagnant-demo";
  /** The demo GRADeS (Auvergne-Rhône-Alpes), reading the observatory of its region as OBSERVER. @since 0.2 */
  public static final UnitId DEMO_OBSERVER_UNIT = UnitId.of("GRADES-ARA");

  private final Builder config;
  private final MutableClock clock = new MutableClock();
  private final TokenFactory tokens;
  /** Pro Santé Connect, simulated at {@code /psc}; its access tokens are accepted besides {@link #tokens}. */
  private final PscSimulator psc;
  /** VT's data: in memory, or a database (then durable). */
  private final io.vtsdk.core.spi.Store store;
  private final Controls controls;
  private final Admin admin;
  private final Router router;
  private final Api api;
  private final VtCore core;
  private final io.vtsdk.server.internal.CounterpartEngine counterparts;
  private List<UnitId> importedUnits = List.of();
  /** The scenario sessions under way, by their actor id (the one their token carries). */
  private final java.util.Map<String, io.vtsdk.server.scenarios.Session> sessions =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger sessionCount = new java.util.concurrent.atomic.AtomicInteger();
  private final io.vtsdk.server.internal.SessionRoutes sessionRoutes;
  private final JsonMapper json;
  private final String adminToken;
  private java.util.concurrent.BlockingQueue<RecordedRequest> recorded;
  private HttpServer http;
  private boolean closed;

  private ReferenceServer(Builder b) {
    this.config = b;
    this.store = b.openStore();
    try {
      // Start-up is class loading: Hibernate Validator and the rule sets load on another thread while Jackson loads
      // on this one (measured: ~650 ms in sequence; see docs/performance.md).
      CompletableFuture<DossierValidator> validator =
          CompletableFuture.supplyAsync(() -> DossierValidator.builder().clock(clock)
              .maxAttachmentBytes(b.maxAttachmentBytes).build(), ReferenceServer::daemon);
      CompletableFuture<RuleEngine> rules = CompletableFuture.supplyAsync(RuleEngine::standard,
          ReferenceServer::daemon);
      this.json = VtJson.newMapper();
      this.controls = new Controls(b.journalCapacity);
      byte[] adminSecret = new byte[18];
      RANDOM.nextBytes(adminSecret);
      this.adminToken = "vt-admin-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(adminSecret);
      // the secret that signs tokens and cursors is kept in the store, so that tokens survive a restart and every
      // server of a shared database accepts the others' (the first one to start makes it)
      this.core = VtCore.builder().store(store).clock(clock).validator(validator.join()).rules(rules.join())
          .archiveAfter(b.archiveAfter).secretSetting(SECRET).disclosureThreshold(b.disclosureThreshold).build();
      byte[] secret = java.util.Base64.getDecoder().decode(core.fixtures().setting(SECRET).orElseThrow());
      // Token expiry runs on the real clock: moving the test clock (to trigger archiving) never invalidates a token.
      this.tokens = new TokenFactory(secret, java.time.Clock.systemUTC(), b.tokenLifetime);
      this.router = new Router(json, tokens, b.maxBodyBytes, controls);
      router.admin(b.admin ? adminToken : null);
      router.inFlightBudget(b.maxInFlightBytes);
      router.streamLimits(b.maxEventStreams, b.maxEventStreamsPerPrincipal, b.maxEventStreamsPerUnit);
      router.streamMillis(b.eventStreamMillis);
      if (b.recordRequests > 0) {
        this.recorded = new java.util.concurrent.ArrayBlockingQueue<>(b.recordRequests);
        router.recordRequests(recorded);
      }
      router.cors(b.corsOrigins == null ? io.vtsdk.server.internal.Cors.LOCALHOST
          : io.vtsdk.server.internal.Cors.of(b.corsOrigins));
      this.api = new Api(core, json, clock);
      api.register(router);
      new io.vtsdk.server.internal.FhirApi(core, () -> publicBase() + "/fhir/").register(router);
      long seed = b.seed;
      new io.vtsdk.server.internal.InsiRoutes(() -> io.vtsdk.server.insi.InsiSimulator.seeded(seed), json,
          core.policy(), clock).register(router);
      java.util.function.Function<UnitId, String> unitName = u -> unitNamed(u).map(Unit::name).orElse(u.value());
      this.psc = new PscSimulator(() -> publicBase() + "/psc", java.time.Clock.systemUTC(), unitName,
          PscSimulator.demoProfessionals());
      new io.vtsdk.server.internal.PscRoutes(psc, unitName).register(router);
      router.psc(new io.vtsdk.server.internal.PscPrincipals(() -> psc.verifier(PscSimulator.VT_AUDIENCE),
          this::unitNamed));
      if (b.console) {
        new io.vtsdk.server.internal.ConsoleRoutes(core, tokens, json).register(router);
      }
      List<Unit> directory = directory(b);
      this.counterparts = new io.vtsdk.server.internal.CounterpartEngine(core, controls::record);
      this.admin = new Admin(clock, core, controls, directory, json, b.seed, b.demoData && b.demoDossiers,
          tokens, counterparts);
      admin.register(router);
      this.sessionRoutes = new io.vtsdk.server.internal.SessionRoutes(this::startSession, this::session,
          this::sessions);
      sessionRoutes.register(router);
      admin.restoreClock();
      // a new database gets the directory (and demo dossiers) once; a database with data keeps it
      admin.resetIfNew(INITIALISED);
      counterparts.configure(b.counterparts);
    } catch (RuntimeException e) {
      store.close(); // released as found
      throw e;
    }
  }

  /**
   * The server's configured directory: the demo one (with every caisse) and the files given to the builder, in order;
   * a unit of a file replaces the unit of the same id.
   */
  private List<Unit> directory(Builder b) {
    java.util.Map<UnitId, Unit> units = new java.util.LinkedHashMap<>();
    if (b.demoData) {
      DemoData.directory(b.seed).forEach(u -> units.put(u.id(), u));
    }
    java.util.Set<UnitId> fromFiles = new java.util.LinkedHashSet<>();
    for (java.nio.file.Path file : b.directoryFiles) {
      io.vtsdk.server.directory.DirectoryFiles.read(file).forEach(u -> {
        units.put(u.id(), u);
        fromFiles.add(u.id());
      });
    }
    this.importedUnits = List.copyOf(fromFiles);
    return List.copyOf(units.values());
  }

  /** The units the builder's directory files gave ({@link Builder#directory(java.nio.file.Path)}), in file order. */
  public List<UnitId> importedUnits() {
    return importedUnits;
  }

  private static final String INITIALISED = "testkit.initialised";
  private static final String SECRET = "testkit.token-secret";

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "vt-reference-server-init");
    t.setDaemon(true);
    t.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns this server. */
  public ReferenceServer start() {
    if (http != null) {
      throw new IllegalStateException("the server is already started on " + baseUrl());
    }
    if (closed) {
      throw new IllegalStateException("the server was closed (its data directory is released): build a new one");
    }
    http = io.vtsdk.server.internal.HttpEngine.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), config.threads, config.maxEventStreams,
        config.maxConnectionsPerClient, router);
    try {
      http.start();
    } catch (RuntimeException e) { // Jetty wraps the bind failure
      http = null;
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UncheckedIOException("cannot listen on port " + config.port + ": " + cause.getMessage(),
          cause instanceof IOException io ? io : new IOException(cause));
    }
    counterparts.start();
    io.vtsdk.server.internal.FhirApi.warmUpInBackground();
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
  public URI baseUrl() {
    if (http == null) {
      throw new IllegalStateException("the server is not started: call start()");
    }
    return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":" + http.getAddress().getPort());
  }

  /** The public base URL used in absolute links (the configured one, else {@link #baseUrl()}), without a final /. */
  private String publicBase() {
    String base = config.publicBaseUrl != null ? config.publicBaseUrl.toString() : baseUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * The token of the control API ({@code Authorization: Bearer …} on {@code /__admin}), random per server; the
   * control API answers over HTTP only when the server was built with {@link Builder#admin(boolean)}.
   */
  public String adminToken() {
    return adminToken;
  }

  /** The core this server adapts: VT's behaviour, for in-process calls with a principal. */
  public VtCore core() {
    return core;
  }

  /** {@code baseUrl()} + {@code path}. */
  public URI url(String path) {
    return baseUrl().resolve(Objects.requireNonNull(path, "path"));
  }

  public int port() {
    return baseUrl().getPort();
  }

  /** Issues bearer tokens this server accepts. */
  public TokenFactory tokens() {
    return tokens;
  }

  /**
   * Pro Santé Connect, simulated at {@code {baseUrl}/psc} (discovery at
   * {@code /psc/.well-known/openid-configuration}): its demo professionals, its clients, key rotation. This server
   * accepts its access tokens for the audience {@value PscSimulator#VT_AUDIENCE} (docs/identity.md).
   */
  public PscSimulator psc() {
    return psc;
  }

  private java.util.Optional<Unit> unitNamed(UnitId id) {
    return core.directory().find(id);
  }

  /**
   * A token of the demo directory's unit for {@code role}: the cardiology ward (REQUESTER, and USAGER as a patient
   * account of its space), {@link #DEMO_RECEIVER_UNIT}, {@link #DEMO_CPAM_UNIT}, {@link #DEMO_MDPH_UNIT},
   * {@link #DEMO_ESMS_UNIT}, {@link #DEMO_OBSERVER_UNIT}; ACCOMPAGNANT is the account {@link #DEMO_ACCOMPAGNANT} of
   * the demo ESMS.
   *
   * @throws IllegalArgumentException for SYSTEM, the server's own role
   */
  public String demoToken(Role role) {
    return switch (Objects.requireNonNull(role, "role")) {
      case REQUESTER -> tokens.issue(role, DEMO_REQUESTER_UNIT, "10003606315");
      case USAGER -> tokens.issue(role, DEMO_REQUESTER_UNIT, "usager-demo");
      case RECEIVER -> tokens.issue(role, DEMO_RECEIVER_UNIT, null);
      case CPAM -> tokens.issue(role, DEMO_CPAM_UNIT, null);
      case MDPH -> tokens.issue(role, DEMO_MDPH_UNIT, null);
      case ESMS -> tokens.issue(role, DEMO_ESMS_UNIT, null);
      case OBSERVER -> tokens.issue(role, DEMO_OBSERVER_UNIT, null);
      // an accompagnant médico-social of the demo ESMS; a dossier names it by this account
      case ACCOMPAGNANT -> tokens.issue(role, DEMO_ESMS_UNIT, DEMO_ACCOMPAGNANT);
      case SYSTEM -> throw new IllegalArgumentException("SYSTEM is the server's own role (closing, archiving): no "
          + "token is issued for it");
    };
  }

  /**
   * Imports an OMV extract (Prado adhesions recorded by the Assurance Maladie: the observatory's TUV denominator, which
   * VT does not record), as {@code POST /__admin/observatory/omv} does. All or nothing.
   *
   * @param csv the extract: {@value io.vtsdk.rules.indicators.Extracts#OMV_HEADER}, optional {@code cpam}
   * @return how many adhesions the store now has
   * @throws IllegalArgumentException naming the line, the column and the rule of a refused cell (no value)
   * @since 0.2
   */
  public int importOmv(java.nio.file.Path csv) {
    try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(csv)) {
      return core.observatory().importOmv(io.vtsdk.server.internal.Admin.readOmv(in, csv));
    } catch (io.vtsdk.server.internal.ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(csv + ": cannot be read", e);
    }
  }

  /** Clears all data, faults and the journal (directory reloaded, clock back to system time). */
  public void reset() {
    admin.reset();
  }

  /**
   * Loads dossiers, keeping their ids, as if their requesting units had created them (status DRAFT, version 1,
   * {@code dossier.created} events). All or nothing.
   *
   * @return the dossiers as stored
   * @throws IllegalArgumentException naming the dossier and the rule when one is invalid at DRAFT, has an id already
   *     taken or of the server's {@code D-<n>} form, or a requester unit outside the directory (no value is echoed)
   */
  public List<Dossier> load(Dossier... dossiers) {
    List<List<String>> none = java.util.Collections.nCopies(dossiers.length, List.of());
    return load(List.of(dossiers), none);
  }

  /**
   * Loads a dossier as {@link #load(Dossier...)} and sends it to {@code units} as its requester would (valid at
   * SUBMISSION; each unit must receive its module and target; PRADO only to the patient's CPAM).
   *
   * @return the requests created, one per unit, are visible through the API; this returns the stored dossier (SENT)
   */
  public Dossier loadAndSend(Dossier dossier, UnitId... units) {
    Objects.requireNonNull(dossier, "dossier");
    if (units.length == 0) {
      throw new IllegalArgumentException("units: give at least one receiving unit");
    }
    List<String> ids = java.util.Arrays.stream(units).map(UnitId::value).toList();
    return load(List.of(dossier), List.of(ids)).get(0);
  }

  private List<Dossier> load(List<Dossier> dossiers, List<List<String>> sendTo) {
    try {
      return admin.load(dossiers, sendTo, java.util.Locale.ENGLISH);
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.describe(), e);
    }
  }

  /** Freezes the server clock at {@code instant} and runs auto-archiving. */
  public void setClock(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    admin.setClock(instant);
  }

  /** Advances the server clock and runs auto-archiving; returns the number of requests archived. */
  public int advanceClock(Duration d) {
    Objects.requireNonNull(d, "d");
    return admin.advanceClock(d);
  }

  /** Injects {@code fault} on matching calls (until used up, or until {@link #clearFaults()} or reset). */
  public void addFault(Fault fault) {
    controls.add(Objects.requireNonNull(fault, "fault"));
  }

  public void clearFaults() {
    controls.clearFaults();
  }

  /**
   * The oldest request the application sent that is not taken yet, waiting up to {@code timeout} for one; empty when
   * none came. Needs {@link Builder#recordRequests(int)}.
   *
   * @throws IllegalStateException when the server does not record requests
   */
  public java.util.Optional<RecordedRequest> takeRequest(Duration timeout) throws InterruptedException {
    if (recorded == null) {
      throw new IllegalStateException("this server does not record requests: build it with recordRequests(n)");
    }
    return java.util.Optional.ofNullable(recorded.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** How many recorded requests are waiting to be taken. */
  public int recordedRequestCount() {
    return recorded == null ? 0 : recorded.size();
  }

  /** The most recent calls, oldest first (bounded; no bodies, no tokens). */
  public List<JournalEntry> journal() {
    return controls.journal();
  }

  /** The server's current time. */
  public Instant now() {
    return clock.instant();
  }

  /** Route templates ("GET /v1/dossiers/{id}"…). */
  public List<String> routes() {
    return router.templates();
  }

  /**
   * A fingerprint of all the server's data and its counts (see {@code GET /__admin/state}): two servers with the same
   * {@code sha256} hold the same data; a durable server restarted from its data directory has the one it had.
   */
  public java.util.Map<String, Object> state() {
    return admin.state();
  }

  /**
   * A token for a unit of the directory in the role it acts in (as the console's sign-in gives): its module's receiver
   * role for a receiving unit, a requester for a ward, an MDPH for Handicap's sender, an observer for a unit of no
   * module.
   *
   * @throws IllegalArgumentException when the directory has no such unit
   */
  public String tokenFor(UnitId unit) {
    Unit u = core.directory().find(unit).orElseThrow(() -> new IllegalArgumentException(
        "no unit " + unit.value() + " in the directory"));
    Role role = io.vtsdk.server.internal.ConsoleRoutes.roleOf(u);
    return tokens.issue(role, unit, role == Role.REQUESTER ? "10003606315" : null);
  }

  /**
   * Starts a session of {@code scenario}: a token of its own for the scenario's unit (its calls are recorded for the
   * checks; nobody else's are), steps run by {@link io.vtsdk.server.scenarios.Session#begin()} and {@code end()},
   * then {@code finish()} for the report. {@code io.vtsdk.testkit.junit.VtScenarios} runs one in a JUnit test.
   *
   * @throws IllegalArgumentException when the scenario's unit is not in the directory
   * @throws IllegalStateException when a session on the same unit is still running
   */
  public io.vtsdk.server.scenarios.Session startSession(io.vtsdk.server.scenarios.Scenario scenario) {
    Unit u = core.directory().find(scenario.unit()).orElseThrow(() -> new IllegalArgumentException(
        "the scenario's unit is not in the directory: " + scenario.unit().value()));
    synchronized (sessions) {
      // one running session per unit: what a session sees of its unit is then its own (isolation between vendors)
      for (io.vtsdk.server.scenarios.Session other : sessions.values()) {
        if (!"ended".equals(other.status()) && other.scenario().unit().equals(u.id())) {
          throw new IllegalStateException("the unit " + u.id().value() + " is under test by " + other.id()
              + " until it ends: one running session per unit (a scenario file may name another unit)");
        }
      }
      return openSession(scenario, u);
    }
  }

  private io.vtsdk.server.scenarios.Session openSession(io.vtsdk.server.scenarios.Scenario scenario, Unit u) {
    if (sessions.isEmpty()) {
      // the router hands calls to sessions only once there is one: no cost on a server that runs none
      router.exchanges(this::toSession);
    }
    String id = "session-" + sessionCount.incrementAndGet();
    Role role = io.vtsdk.server.internal.ConsoleRoutes.roleOf(u);
    io.vtsdk.server.scenarios.Session s = new io.vtsdk.server.scenarios.Session(this, scenario, id,
        new io.vtsdk.core.Principal(role, u.id(), id), tokens.issue(role, u.id(), id));
    sessions.put(id, s);
    return s;
  }

  /** The sessions started on this server, the oldest first. */
  public List<io.vtsdk.server.scenarios.Session> sessions() {
    return sessions.values().stream().sorted(java.util.Comparator.comparingInt(
        (io.vtsdk.server.scenarios.Session s) -> Integer.parseInt(s.id().substring("session-".length())))).toList();
  }

  /** A session by its id ({@code session-1}). */
  public java.util.Optional<io.vtsdk.server.scenarios.Session> session(String id) {
    return java.util.Optional.ofNullable(id == null ? null : sessions.get(id));
  }

  /** A call made with a session's token, recorded by that session with the server's clock. */
  private void toSession(io.vtsdk.core.Principal principal, io.vtsdk.server.scenarios.Exchange exchange) {
    io.vtsdk.server.scenarios.Session session = principal.actorId() == null ? null : sessions.get(principal.actorId());
    if (session != null) {
      session.record(new io.vtsdk.server.scenarios.Exchange(exchange.at(), clock.instant(), exchange.method(),
          exchange.path(), exchange.query(), exchange.route(), exchange.status(), exchange.idempotencyKey(),
          exchange.ifMatch(), exchange.retryAfterSeconds(), principal.role().name(), principal.unit().value(),
          exchange.body(), exchange.answer()));
    }
  }

  /** What the units the server plays do ({@link io.vtsdk.server.counterparts.Counterparts#NONE}: none). */
  public io.vtsdk.server.counterparts.Counterparts counterparts() {
    return counterparts.config();
  }

  /**
   * Replaces what the units the server plays do; answers already due happen at once (also {@code PUT
   * /__admin/counterparts}).
   */
  public void counterparts(io.vtsdk.server.counterparts.Counterparts config) {
    counterparts.configure(java.util.Objects.requireNonNull(config, "config"));
  }

  /**
   * Imports units into the directory (a ROR-shaped FHIR Bundle or a CSV, {@link
   * io.vtsdk.server.directory.DirectoryFiles}): all or nothing. Also {@code POST /__admin/directory}.
   *
   * @return how many units the directory has now
   * @throws InvalidFileException naming the file, where and the rule
   * @throws io.vtsdk.core.VtCoreException conflict when a replace leaves out a unit requests use
   */
  public int importDirectory(java.nio.file.Path file, io.vtsdk.core.DirectoryService.ImportMode mode) {
    return admin.importDirectory(io.vtsdk.server.directory.DirectoryFiles.read(file), mode);
  }

  /** Stops listening and releases the store (a durable one has everything acknowledged on disk already). */
  @Override
  public void close() {
    sessionRoutes.close();
    counterparts.close();
    if (http != null) {
      router.closeStreams();
      http.stop(0);
      http = null;
    }
    if (!closed) {
      store.close();
    }
    closed = true;
  }

  /** Configuration of a {@link ReferenceServer}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private int port;
    private long seed = 42;
    private boolean demoData = true;
    private boolean demoDossiers;
    private long maxBodyBytes = 1024 * 1024;
    private long maxAttachmentBytes = DossierValidator.DEFAULT_MAX_ATTACHMENT_BYTES;
    private Duration archiveAfter = Duration.ofDays(30);
    private Duration tokenLifetime = Duration.ofHours(12);
    private int threads = Math.max(32, Runtime.getRuntime().availableProcessors() * 8);
    private int maxEventStreams = 512;
    private int maxEventStreamsPerPrincipal = 16;
    private int maxEventStreamsPerUnit = 64;
    private int maxConnectionsPerClient = 256;
    private int disclosureThreshold = io.vtsdk.rules.indicators.Disclosure.THRESHOLD;
    private boolean console = true;
    private long eventStreamMillis = 50_000;
    private int journalCapacity = 1000;
    private java.nio.file.Path dataDir;
    private List<String> corsOrigins;
    private int recordRequests;
    private String databaseUrl;
    private String databaseUser;
    private String databasePassword;
    private boolean admin;
    private URI publicBaseUrl;
    private long maxInFlightBytes = Runtime.getRuntime().maxMemory() / 4;
    private final List<java.nio.file.Path> directoryFiles = new java.util.ArrayList<>();
    private io.vtsdk.server.counterparts.Counterparts counterparts = io.vtsdk.server.counterparts.Counterparts.NONE;

    Builder() {}

    /**
     * Adds the units of a directory file (a ROR-shaped FHIR Bundle, {@code .json}, or a CSV; {@link
     * io.vtsdk.server.directory.DirectoryFiles}) to the server's directory; repeatable. A unit of the same id as a demo
     * unit replaces it. The file is read by {@link #build()}, which throws {@link InvalidFileException} when it is
     * refused.
     */
    public Builder directory(java.nio.file.Path file) {
      directoryFiles.add(java.util.Objects.requireNonNull(file, "file"));
      return this;
    }

    /** The units the server plays and how ({@code vt serve --counterparts}); replaces what was given before. */
    public Builder counterparts(io.vtsdk.server.counterparts.Counterparts counterparts) {
      this.counterparts = java.util.Objects.requireNonNull(counterparts, "counterparts");
      return this;
    }

    /** The server plays {@code unit} so (added to the counterparts given before). */
    public Builder counterpart(UnitId unit, io.vtsdk.server.counterparts.Behaviour behaviour) {
      this.counterparts = counterparts.with(io.vtsdk.server.counterparts.Counterpart.unit(unit, behaviour));
      return this;
    }

    /**
     * Serves the control API ({@code /__admin}: reset, clock, fixtures, faults, state) over HTTP, behind its own
     * token ({@link ReferenceServer#adminToken()}), for loopback {@code Host}s and same-origin callers only. Off by
     * default: a web page open in the tester's browser must not be able to wipe the data. The Java handle
     * ({@link ReferenceServer#reset()}, {@link ReferenceServer#setClock}…) works either way.
     */
    public Builder admin(boolean admin) {
      this.admin = admin;
      return this;
    }

    /** The base URL clients reach the server at, used in absolute links (default: the bound loopback address). */
    public Builder publicBaseUrl(URI url) {
      Objects.requireNonNull(url, "url");
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
        throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL");
      }
      this.publicBaseUrl = url;
      return this;
    }

    /**
     * How many request-body bytes may be held at once across all calls (default a quarter of the heap); a call that
     * would go past it is answered 503 with Retry-After, so uploads cannot exhaust the heap.
     */
    public Builder maxInFlightBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxInFlightBytes must be positive, got " + bytes);
      }
      this.maxInFlightBytes = bytes;
      return this;
    }

    /** Port to listen on; 0 (default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Seed of the demo directory (deterministic). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Whether to load the demo directory (default true). */
    public Builder demoData(boolean demoData) {
      this.demoData = demoData;
      return this;
    }

    /**
     * Whether to load demo dossiers of every module in various states (default false, so tests start empty;
     * {@code vt serve} turns it on). Needs the demo directory.
     */
    public Builder demoDossiers(boolean demoDossiers) {
      this.demoDossiers = demoDossiers;
      return this;
    }

    /** Largest accepted request body (default 1 MiB); larger bodies get 413. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, got " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Largest accepted attachment (default 20 MiB); larger uploads get 413. */
    public Builder maxAttachmentBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxAttachmentBytes must be positive, got " + bytes);
      }
      this.maxAttachmentBytes = bytes;
      return this;
    }

    /** Delay after which unanswered requests are archived (default 30 days). */
    public Builder archiveAfter(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("archiveAfter must be positive");
      }
      this.archiveAfter = d;
      return this;
    }

    /** How many calls the journal keeps (default 1000). */
    public Builder journalCapacity(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("journalCapacity must be >= 1");
      }
      this.journalCapacity = n;
      return this;
    }

    /**
     * How many live event streams ({@code GET /v1/events/stream}) may be open at once: on the server (default 512),
     * for one caller — one token's role, unit and actor — (default 16) and for one unit (default 64); beyond, 503
     * with the limit named ({@code limit}: {@code server}, {@code principal}, {@code unit}). Each open stream holds
     * one thread of the server's pool, counted on top of the {@link #threads(int) workers}.
     */
    public Builder maxEventStreams(int server, int perPrincipal, int perUnit) {
      if (server < 1 || perPrincipal < 1 || perUnit < 1) {
        throw new IllegalArgumentException("maxEventStreams: every limit must be >= 1");
      }
      this.maxEventStreams = server;
      this.maxEventStreamsPerPrincipal = perPrincipal;
      this.maxEventStreamsPerUnit = perUnit;
      return this;
    }

    /** {@link #maxEventStreams(int, int, int)} with the server's limit only (each per-caller limit kept). */
    public Builder maxEventStreams(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxEventStreams must be >= 1");
      }
      this.maxEventStreams = n;
      return this;
    }

    /**
     * The smallest count of people the observatory publishes in a row (default 11, the public rule: {@link
     * io.vtsdk.rules.indicators.Disclosure}); a test of a few dossiers may set 1 to see every row.
     */
    public Builder disclosureThreshold(int people) {
      if (people < 1) {
        throw new IllegalArgumentException("disclosureThreshold must be >= 1");
      }
      this.disclosureThreshold = people;
      return this;
    }

    /**
     * How many connections one client address may hold open at once (default 256); a new one beyond is closed at
     * once. Every local client shares the loopback address, so keep it above what a test suite opens in parallel.
     */
    public Builder maxConnectionsPerClient(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConnectionsPerClient must be >= 1");
      }
      this.maxConnectionsPerClient = n;
      return this;
    }

    /**
     * How long one live event stream lasts before the server ends it (default 50 s, at most 55 s, so that a
     * reverse proxy's usual 60 s read timeout never cuts one); an EventSource or vt-client's {@code EventStream} reconnects with Last-Event-ID.
     */
    public Builder eventStreamDuration(Duration d) {
      if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofSeconds(55)) > 0) {
        throw new IllegalArgumentException("eventStreamDuration must be in (0, 55 s]");
      }
      this.eventStreamMillis = d.toMillis();
      return this;
    }

    /**
     * Serves the web console at {@code /console} (default on): VT's screens for each role, live, over the public
     * {@code /v1} API with a demo sign-in (docs/console.md). Off, {@code /console} is a 404.
     */
    public Builder console(boolean console) {
      this.console = console;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Makes the server durable on an embedded SQLite database, {@code dir/vt.db} (created if missing): every
     * acknowledged write is committed to it before its answer, so a server built again on the same directory, even
     * after {@code kill -9}, has every acknowledged write. The database also keeps the token secret, so tokens stay
     * valid across restarts. One server per directory; a damaged database is refused, never repaired. Inspect it
     * with {@code sqlite3} (docs/storage.md). Default: none, in memory.
     */
    public Builder dataDir(java.nio.file.Path dir) {
      this.dataDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * Makes the server durable on a shared PostgreSQL database ({@code jdbc:postgresql://host:5432/db}): several
     * servers on one database behave as one (ids, versions, idempotency keys and the change feed stay exact across
     * them). Give the account from the environment or a file, never a command line.
     */
    public Builder database(String jdbcUrl, String user, String password) {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("database: give a jdbc:postgresql:// URL (an embedded database is "
            + "dataDir)");
      }
      this.databaseUrl = jdbcUrl;
      this.databaseUser = user;
      this.databasePassword = password;
      return this;
    }

    /**
     * The origins a browser page may call the API from (CORS), exactly as a browser sends them
     * ({@code https://tool.example.org:8443}). Default: the pages of this machine (http or https on localhost,
     * 127.0.0.1 or [::1], any port). The control API never answers cross-origin calls.
     */
    public Builder corsOrigins(List<String> origins) {
      this.corsOrigins = List.copyOf(Objects.requireNonNull(origins, "origins"));
      return this;
    }

    /**
     * Keeps the last {@code capacity} requests that reach a route of the API (method, path, query, headers without
     * credentials, body), for {@link ReferenceServer#takeRequest}; the oldest are dropped beyond it. Default 0: none
     * kept (bodies may be large, and hold personal data: they stay in this process only).
     */
    public Builder recordRequests(int capacity) {
      if (capacity < 0) {
        throw new IllegalArgumentException("recordRequests must be >= 0, got " + capacity);
      }
      this.recordRequests = capacity;
      return this;
    }

    io.vtsdk.core.spi.Store openStore() {
      if (dataDir != null && databaseUrl != null) {
        throw new IllegalStateException("give dataDir or database, not both");
      }
      if (dataDir != null) {
        return io.vtsdk.store.jdbc.JdbcStore.sqlite(dataDir.resolve("vt.db"));
      }
      if (databaseUrl != null) {
        return io.vtsdk.store.jdbc.JdbcStore.builder().url(databaseUrl).credentials(databaseUser, databasePassword)
            .build();
      }
      return new io.vtsdk.core.InMemoryStore();
    }

    /**
     * Builds the server (not started).
     *
     * @throws io.vtsdk.core.spi.StoreException when the database cannot be reached or opened, or is damaged
     * @throws IllegalStateException when another server holds the data directory
     */
    public ReferenceServer build() {
      return new ReferenceServer(this);
    }
  }
}
