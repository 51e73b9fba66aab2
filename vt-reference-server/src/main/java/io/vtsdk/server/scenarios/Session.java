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
    LocalDate today = LocalDate.ofInstant(server.now(), ZoneId.of("Europe/Paris"));
    VtFixtures fx = VtFixtures.seeded(id.hashCode(), today);
    List<Scenario.Step> steps = new ArrayList<>();
    for (Scenario.Step s : scenario.steps()) {
      steps.add(new Scenario.Step(s.id(), s.instructionFr(), s.instructionEn(), resolve(s.data(), fx), s.counterparts(),
          s.faults(), s.expect(), s.timeLimit()));
    }
    this.resolved = List.copyOf(steps);
  }

  /**
   * {@code data.dossier: {"fixture": "PRADO"}} becomes a ready dossier of that module (synthetic identity), and
   * {@code "$caisse"} in {@code data.units} the unit of its patient's caisse.
   */
  private static JsonNode resolve(JsonNode data, VtFixtures fx) {
    if (data == null || !data.path("dossier").has("fixture")) {
      return data;
    }
    ObjectNode copy = data.deepCopy();
    VtModule module = VtModule.valueOf(data.path("dossier").path("fixture").asText());
    io.vtsdk.model.dossier.Dossier d = fx.dossier(module).build();
    copy.set("dossier", VtJson.newMapper().valueToTree(d));
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
    return Optional.of(s);
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
        + ", found " + describe(statuses()));
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
      exchanges.add(e);
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
    return s.expect().entrySet().stream().allMatch(e -> found.getOrDefault(e.getKey(), 0) >= e.getValue());
  }

  /** How many of the session's requests (sent by its calls) are in each status now. */
  private Map<RequestStatus, Integer> statuses() {
    Set<String> dossiers = new LinkedHashSet<>();
    for (Exchange e : exchanges()) {
      if ("/v1/dossiers/{id}/requests".equals(e.route()) && e.status() / 100 == 2) {
        dossiers.add(e.path().split("/")[3]);
      }
    }
    Map<RequestStatus, Integer> out = new java.util.EnumMap<>(RequestStatus.class);
    for (String d : dossiers) {
      for (AdmissionRequest r : server.core().requests().list(principal, DossierId.of(d), null, null, 1000).items()) {
        out.merge(r.status(), 1, Integer::sum);
      }
    }
    return out;
  }

  private static String describe(Map<RequestStatus, Integer> m) {
    return m.isEmpty() ? "no request" : m.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  /** The session as {@code GET /v1/test-session} answers it: scenario, step, instruction and data, status. */
  public ObjectNode toJson(String language) {
    ObjectNode o = VtJson.newMapper().createObjectNode().put("session", id).put("scenario", scenario.name())
        .put("status", status());
    currentStep().ifPresent(s -> {
      o.put("step", s.id()).put("instruction", s.instruction(language));
      o.set("data", s.data() == null ? o.nullNode() : s.data());
    });
    return o;
  }
}
