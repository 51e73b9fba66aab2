package io.vtsdk.server.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.core.Principal;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A scenario run against the software under test: it has a token of its own (its calls are the session's, recorded
 * for the checks; nobody else's are), goes step by step ({@link #begin()} sets up the step's counterparts and faults,
 * {@link #end()} waits on the server's clock for the step's outcome), and ends with a {@link Report}. Obtained from
 * {@link ReferenceServer#startSession(Scenario)}; one step at a time, from one thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Session {
  private final ReferenceServer server;
  private final Scenario scenario;
  private final String id;
  private final Principal principal;
  private final String token;
  private final Instant started = Instant.now();
  private final Instant startedOnServer;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private final List<Check.StepResult> results = new ArrayList<>();
  private final List<Scenario.Step> resolved;
  private int current = -1;
  private boolean ended;
  private Report report;

  /** Not API: {@link ReferenceServer#startSession}. */
  public Session(ReferenceServer server, Scenario scenario, String id, Principal principal, String token) {
    this.server = server;
    this.scenario = scenario;
    this.id = id;
    this.principal = principal;
    this.token = token;
    this.startedOnServer = server.now();
    LocalDate today = LocalDate.ofInstant(server.now(), ZoneId.of("Europe/Paris"));
    VtFixtures fx = VtFixtures.seeded(id.hashCode(), today);
    List<Scenario.Step> steps = new ArrayList<>();
    io.vtsdk.model.dossier.Dossier dossier = null;
    for (Scenario.Step s : scenario.steps()) {
      JsonNode data = s.data();
      if (data != null && data.path("dossier").has("fixture")) {
        dossier = fx.dossier(VtModule.valueOf(data.path("dossier").path("fixture").asText())).build();
      }
      steps.add(s.withData(resolve(data, dossier)));
    }
    this.resolved = List.copyOf(steps);
  }

  /**
   * {@code data.dossier: {"fixture": "PRADO"}} becomes a ready dossier of that module (synthetic identity), and
   * {@code "$caisse"} in {@code data.units} the unit of the caisse of the session's latest such dossier's patient.
   */
  private static JsonNode resolve(JsonNode data, io.vtsdk.model.dossier.Dossier d) {
    if (data == null || !data.isObject() || d == null) {
      return data;
    }
    ObjectNode copy = data.deepCopy();
    if (data.path("dossier").has("fixture")) {
      copy.set("dossier", VtJson.newMapper().valueToTree(d));
    }
    if (copy.path("units").isArray() && d.patient() != null && d.patient().insurance() != null) {
      com.fasterxml.jackson.databind.node.ArrayNode units = copy.putArray("units");
      data.path("units").forEach(u -> units.add(u.asText().equals("$caisse")
          ? "CPAM-" + d.patient().insurance().cpamCode() : u.asText()));
    }
    return copy;
  }

  public String id() {
    return id;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The software under test's bearer token: its calls made with it are the session's. */
  public String token() {
    return token;
  }

  /** The step under way, if any. */
  public Optional<Scenario.Step> currentStep() {
    return current >= 0 && current < resolved.size() && !ended ? Optional.of(resolved.get(current))
        : Optional.empty();
  }

  /** Where the session is: {@code running} (a step under way), {@code between steps}, {@code ended}. */
  public String status() {
    return ended ? "ended" : currentStep().isPresent() && results.size() <= current ? "running" : "between steps";
  }

  /** Starts the next step: its counterparts (if it names some) and faults are set; returns it, with its data. */
  public synchronized Optional<Scenario.Step> begin() {
    if (ended || current + 1 >= resolved.size()) {
      return Optional.empty();
    }
    current++;
    Scenario.Step s = resolved.get(current);
    if (s.counterparts() != null) {
      server.counterparts(s.counterparts());
    }
    s.faults().forEach(server::addFault);
    for (String action : s.actions()) {
      if ("update-dossier".equals(action)) {
        updateLatestDossier();
      }
    }
    if (!s.advance().isZero()) {
      server.advanceClock(s.advance());
    }
    return Optional.of(s);
  }

  /** A colleague of the session's unit saves the session's latest dossier as it is: its version moves on. */
  private void updateLatestDossier() {
    List<String> created = createdDossiers();
    if (created.isEmpty()) {
      return;
    }
    io.vtsdk.core.VtCore core = server.core();
    Principal colleague = new Principal(principal.role(), principal.unit(), id + "-colleague");
    DossierId last = DossierId.of(created.get(created.size() - 1));
    io.vtsdk.model.dossier.Dossier d = core.dossiers().get(colleague, last);
    core.dossiers().update(colleague, last, io.vtsdk.core.ExpectedVersion.of(d.version()), d,
        io.vtsdk.core.WriteOptions.DEFAULT);
  }

  /** The dossiers the session's calls created, in order. */
  private List<String> createdDossiers() {
    List<String> out = new ArrayList<>();
    for (Exchange e : exchanges()) {
      if ("/v1/dossiers".equals(e.route()) && "POST".equals(e.method()) && e.status() == 201) {
        String idOf = e.answerJson().path("id").asText(null);
        if (idOf != null && !out.contains(idOf)) {
          out.add(idOf);
        }
      }
    }
    return out;
  }

  /**
   * Ends the step under way: if its outcome has not happened, the server's clock moves forward by at most its time
   * limit (counterparts answer on the way); records whether it happened.
   */
  public synchronized Check.StepResult end() {
    Scenario.Step s = currentStep().orElseThrow(() -> new IllegalStateException("no step under way: begin() first"));
    boolean reached = reached(s);
    if (!reached && !s.timeLimit().isZero()) {
      server.advanceClock(s.timeLimit());
      reached = reached(s);
    }
    server.clearFaults();
    Check.StepResult r = new Check.StepResult(s.id(), reached, reached ? "reached " + describe(s.expect())
        : "not reached within " + s.timeLimit() + " on the server's clock: expected " + describe(s.expect())
        + ", found " + found());
    results.add(r);
    return r;
  }

  /** Whether the step under way has reached its outcome now (without moving the clock). */
  public synchronized boolean outcomeReached() {
    return currentStep().map(this::reached).orElse(false);
  }

  /** Ends the session (the steps not run count as not reached) and returns its report. */
  public synchronized Report finish() {
    if (report != null) {
      return report;
    }
    for (int i = results.size(); i < resolved.size(); i++) {
      results.add(new Check.StepResult(resolved.get(i).id(), false, "not run"));
    }
    ended = true;
    List<Exchange> calls;
    synchronized (exchanges) {
      calls = List.copyOf(exchanges);
    }
    List<Report.Verdict> verdicts = new ArrayList<>();
    for (String c : scenario.checks()) {
      Check check = Checks.byId(c).orElseThrow();
      verdicts.add(new Report.Verdict(check.id(), check.description(), check.evidence(calls, results)));
    }
    report = new Report(id, scenario.name(), started, Duration.between(started, Instant.now()), results, verdicts);
    return report;
  }

  /** Records a call of the session's token (the server does, as it answers). */
  public void record(Exchange e) {
    if (!ended) {
      // the answers the checks and the steps read: the feed's pages (cursors), creates (ids) and refusals (pointers)
      boolean kept = "/v1/events".equals(e.route()) || e.isCreate() || e.status() >= 400;
      exchanges.add(kept ? e : e.withoutAnswer());
    }
  }

  /** The calls recorded so far. */
  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  private boolean reached(Scenario.Step s) {
    Map<RequestStatus, Integer> found = statuses();
    List<Exchange> calls = exchanges();
    return s.expect().requests().entrySet().stream().allMatch(e -> found.getOrDefault(e.getKey(), 0) >= e.getValue())
        && s.expect().calls().entrySet().stream().allMatch(e -> answered(calls, e.getKey()) >= e.getValue());
  }

  /** How many calls were answered as {@code "METHOD /route STATUS"} says (a status, or a class: 2xx). */
  private static long answered(List<Exchange> calls, String call) {
    String[] p = call.split(" ");
    return calls.stream().filter(e -> e.method().equals(p[0]) && p[1].equals(e.route())
        && (p[2].endsWith("xx") ? e.status() / 100 == p[2].charAt(0) - '0' : p[2].equals(String.valueOf(e.status()))))
        .count();
  }

  /**
   * How many of the session's requests are in each status now: those its calls sent, and, for a receiving unit, those
   * it received since the session started (on the server's clock).
   */
  private Map<RequestStatus, Integer> statuses() {
    Set<String> dossiers = new LinkedHashSet<>();
    for (Exchange e : exchanges()) {
      if ("/v1/dossiers/{id}/requests".equals(e.route()) && e.status() / 100 == 2) {
        dossiers.add(e.path().split("/")[3]);
      }
    }
    Map<RequestStatus, Integer> out = new java.util.EnumMap<>(RequestStatus.class);
    io.vtsdk.core.RequestService requests = server.core().requests();
    for (String d : dossiers) {
      for (AdmissionRequest r : requests.list(principal, DossierId.of(d), null, null, 1000).items()) {
        out.merge(r.status(), 1, Integer::sum);
      }
    }
    if (io.vtsdk.core.AccessPolicy.isReceivingRole(principal.role())) {
      String cursor = null;
      do {
        var page = requests.list(principal, null, null, cursor, 1000);
        page.items().stream().filter(r -> !r.sentAt().isBefore(startedOnServer))
            .forEach(r -> out.merge(r.status(), 1, Integer::sum));
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    return out;
  }

  private static String describe(Map<?, Integer> m) {
    return m.isEmpty() ? "nothing" : m.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static String describe(Scenario.Expectation x) {
    List<String> parts = new ArrayList<>();
    if (!x.requests().isEmpty()) {
      parts.add("requests " + describe(x.requests()));
    }
    if (!x.calls().isEmpty()) {
      parts.add("calls " + describe(x.calls()));
    }
    return parts.isEmpty() ? "nothing" : String.join("; ", parts);
  }

  /** What the session's calls and requests are now, as a step's result says it. */
  private String found() {
    Map<String, Integer> calls = new java.util.TreeMap<>();
    exchanges().forEach(e -> calls.merge(e.method() + " " + e.route() + " " + e.status(), 1, Integer::sum));
    return "requests " + describe(statuses()) + "; calls " + describe(calls);
  }

  /** Follows a session that {@link #run} drives. */
  public interface Listener {
    /** A step began: its instruction is the software's to act on. */
    default void begun(Scenario.Step step) {}

    /** A step ended. */
    default void ended(Scenario.Step step, Check.StepResult result) {}
  }

  /**
   * Runs the session with the software under test acting on its own (a person, or a vendor's process reading {@code
   * GET /v1/test-session}): each step begins; a step the software acts in (no time limit) waits for its outcome, at
   * most {@code stepTimeout}; then the software must have made no write for {@code idle} before the step ends (the
   * server's clock then moves by the step's time limit if its outcome has not come). These waits are real time: they
   * wait for another process.
   */
  public Report run(Duration idle, Duration stepTimeout, Listener listener) throws InterruptedException {
    for (var s = begin(); s.isPresent(); s = begin()) {
      listener.begun(s.get());
      long until = System.nanoTime() + stepTimeout.toNanos();
      while (s.get().timeLimit().isZero() && !outcomeReached() && System.nanoTime() - until < 0) {
        Thread.sleep(100);
      }
      awaitIdle(idle);
      listener.ended(s.get(), end());
    }
    return finish();
  }

  /** Waits until the software has made no write (POST, PUT, PATCH, DELETE) for {@code idle}. */
  private void awaitIdle(Duration idle) throws InterruptedException {
    long quiet = idle.toNanos();
    long last = System.nanoTime();
    long seen = writes();
    while (System.nanoTime() - last < quiet) {
      Thread.sleep(Math.max(1, Math.min(200, idle.toMillis())));
      long now = writes();
      if (now != seen) {
        seen = now;
        last = System.nanoTime();
      }
    }
  }

  private long writes() {
    return exchanges().stream().filter(e -> !"GET".equals(e.method())).count();
  }

  /** The report, once the session has ended. */
  public synchronized Optional<Report> report() {
    return Optional.ofNullable(report);
  }

  /**
   * The session as {@code GET /v1/test-session} answers it: scenario, the step under way with its instruction and
   * data, status, and each step's state ({@code done}, {@code failed}, {@code current}, {@code pending}).
   */
  public synchronized ObjectNode toJson(String language) {
    ObjectNode o = VtJson.newMapper().createObjectNode().put("session", id).put("scenario", scenario.name())
        .put("title", "en".equals(language) ? scenario.titleEn() : scenario.titleFr())
        .put("unit", scenario.unit().value()).put("status", status());
    currentStep().ifPresent(s -> {
      o.put("step", s.id()).put("instruction", s.instruction(language));
      if (s.data() != null && s.data().isObject()) {
        o.set("data", s.data());
      }
    });
    com.fasterxml.jackson.databind.node.ArrayNode steps = o.putArray("steps");
    for (int i = 0; i < resolved.size(); i++) {
      ObjectNode st = steps.addObject().put("id", resolved.get(i).id());
      if (i < results.size()) {
        st.put("state", results.get(i).reached() ? "done" : "failed").put("detail", results.get(i).detail());
      } else {
        st.put("state", i == current && !ended ? "current" : "pending");
      }
    }
    if (report != null) {
      o.put("passed", report.passed());
      com.fasterxml.jackson.databind.node.ArrayNode failed = o.putArray("failedChecks");
      report.failedChecks().forEach(failed::add);
    }
    return o;
  }
}
