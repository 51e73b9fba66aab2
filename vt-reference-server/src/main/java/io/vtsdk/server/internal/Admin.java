package io.vtsdk.server.internal;

import io.vtsdk.api.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.core.FixtureService;
import io.vtsdk.core.VtCore;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.server.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test-control side of the server, shared by the {@code /__admin} routes and the Java handle: reset, clock.
 * Not API.
 */
public final class Admin {
  private final MutableClock clock;
  private final VtCore core;
  private final Controls controls;
  private final List<Unit> directory;
  private final long seed;
  private final boolean demoDossiers;
  private final JsonMapper json;
  private static final Lazy<byte[]> COUNTERPARTS_SCHEMA = new Lazy<>(() -> {
    try (java.io.InputStream in = io.vtsdk.server.counterparts.Counterparts.class
        .getResourceAsStream("counterparts.schema.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("counterparts.schema.json missing from vt-reference-server", e);
    }
  });
  /** The store setting that keeps the test clock across restarts. */
  static final String CLOCK_SETTING = "testkit.clock";

  private final io.vtsdk.server.TokenFactory tokens;

  private final CounterpartEngine counterparts;
  /** VT's own principal: imports and the counterparts' scans are the server's, asked of the policy like any. */
  private static final io.vtsdk.core.Principal VT = new io.vtsdk.core.Principal(
      io.vtsdk.model.workflow.Role.SYSTEM, io.vtsdk.model.UnitId.of("VT"), "vt-admin");

  public Admin(MutableClock clock, VtCore core, Controls controls, List<Unit> directory,
      JsonMapper json, long seed, boolean demoDossiers, io.vtsdk.server.TokenFactory tokens,
      CounterpartEngine counterparts) {
    this.counterparts = counterparts;
    this.tokens = tokens;
    this.controls = controls;
    this.seed = seed;
    this.demoDossiers = demoDossiers;
    this.clock = clock;
    this.core = core;
    this.directory = List.copyOf(directory);
    this.json = json;
  }

  /**
   * Reads an OMV extract (the columns of {@code vt indicators tuv --omv}) whole before anything is stored: a refused
   * line leaves the store as it was.
   *
   * @throws ApiException 422 naming the line, the column and the rule
   */
  public static List<io.vtsdk.rules.indicators.OmvAdhesionRecord> readOmv(java.io.BufferedReader csv,
      java.nio.file.Path name) {
    List<io.vtsdk.rules.indicators.OmvAdhesionRecord> rows = new java.util.ArrayList<>();
    try {
      io.vtsdk.rules.indicators.Extracts.readOmv(csv, name, rows::add);
    } catch (io.vtsdk.rules.csv.ExtractException e) {
      throw new ApiException(422, "validation-failed", e.getMessage());
    }
    return rows;
  }

  /** Bounds of the test clock: every date the model handles stays representable (no overflow, no 500). */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
  static final Duration MAX_ADVANCE = Duration.ofDays(36_500);

  public void register(Router r) {
    r.adminRoute("POST", "/__admin/reset", c -> {
      reset();
      return new Reply(204, Map.of(), new byte[0]);
    });
    r.adminRoute("GET", "/__admin/clock", c -> clockReply());
    r.adminRoute("GET", "/__admin/counterparts", c -> counterpartsReply());
    // the published JSON Schema of a counterparts file: documentation, served to anyone
    r.publicRoute("GET", "/__admin/counterparts/schema", c -> new Reply(200, Map.of("Content-Type",
        "application/schema+json"), COUNTERPARTS_SCHEMA.get()));
    r.adminControlRoute("PUT", "/__admin/counterparts", c -> {
      try {
        counterparts.configure(io.vtsdk.server.counterparts.Counterparts.parse(c.jsonBody(), "body"));
      } catch (io.vtsdk.server.InvalidFileException e) {
        throw invalid(e.location(), "counterparts.invalid", e.rule());
      }
      return counterpartsReply();
    });
    r.adminControlRoute("POST", "/__admin/directory", c -> {
      // {"mode": "MERGE"|"REPLACE", "bundle": {FHIR Bundle}} or {"mode": …, "csv": "<the CSV>"}
      JsonNode b = c.jsonBody();
      io.vtsdk.core.DirectoryService.ImportMode mode;
      try {
        mode = io.vtsdk.core.DirectoryService.ImportMode.valueOf(b.path("mode").asText("MERGE"));
      } catch (IllegalArgumentException e) {
        throw invalid("/mode", "directory.mode", "mode is MERGE or REPLACE");
      }
      List<Unit> units;
      try {
        if (b.path("csv").isTextual()) {
          units = io.vtsdk.server.directory.DirectoryFiles.readCsv(b.get("csv").asText(), "csv");
        } else if (b.path("bundle").isObject()) {
          units = io.vtsdk.server.directory.DirectoryFiles.readBundle(b.get("bundle"), "bundle");
        } else {
          throw invalid("/bundle", "directory.file", "give {\"bundle\": <a ROR-shaped FHIR Bundle>} or "
              + "{\"csv\": \"<units, header row first>\"}");
        }
      } catch (io.vtsdk.server.InvalidFileException e) {
        String at = e.location().startsWith("/") ? "/" + e.file() + e.location() : "/" + e.file();
        throw new ApiException(422, "validation-failed", e.getMessage(), List.of(
            new io.vtsdk.model.validation.Violation(at, "directory.invalid", e.location() + ": " + e.rule())),
            Map.of());
      }
      return json(200, Map.of("imported", units.size(), "units", importDirectory(units, mode)));
    });
    r.adminRoute("POST", "/__admin/observatory/omv", c -> {
      // a JSON body, as the whole control API takes (a page of another site cannot post one): {"csv": "<extract>"}
      JsonNode csv = c.jsonBody().path("csv");
      if (!csv.isTextual()) {
        throw new ApiException(422, "validation-failed", "give {\"csv\": \"<the OMV extract: "
            + io.vtsdk.rules.indicators.Extracts.OMV_HEADER + "[,cpam] and its lines>\"}");
      }
      List<io.vtsdk.rules.indicators.OmvAdhesionRecord> rows = readOmv(new java.io.BufferedReader(
          new java.io.StringReader(csv.asText())), java.nio.file.Path.of("csv"));
      return json(201, Map.of("imported", rows.size(), "total", core.observatory().importOmv(rows)));
    });
    r.adminControlRoute("POST", "/__admin/tokens", c -> {
      JsonNode b = c.jsonBody();
      String roles = "role must be one of REQUESTER, USAGER, RECEIVER, CPAM, MDPH, ESMS, ACCOMPAGNANT, OBSERVER";
      io.vtsdk.model.workflow.Role role;
      try {
        role = io.vtsdk.model.workflow.Role.valueOf(b.path("role").asText(""));
      } catch (IllegalArgumentException e) {
        throw invalid("/role", "token.role", roles);
      }
      if (role == io.vtsdk.model.workflow.Role.SYSTEM) {
        throw invalid("/role", "token.role.system", "SYSTEM is the server's own role: no token");
      }
      String unit = b.path("unit").asText("");
      if (!Router.isSafeId(unit) || core.directory().find(io.vtsdk.model.UnitId.of(unit)).isEmpty()) {
        throw invalid("/unit", "token.unit", "unit must be a unit of the directory");
      }
      String actor = b.hasNonNull("actorId") ? b.get("actorId").asText() : null;
      if (actor != null && !Router.isSafeId(actor)) {
        throw invalid("/actorId", "token.actorId", "actorId must be 1 to 64 letters, digits, . _ -");
      }
      return json(201, Map.of("token", tokens.issue(role, io.vtsdk.model.UnitId.of(unit), actor), "role", role,
          "unit", unit));
    });
    r.adminRoute("POST", "/__admin/fixtures", c -> {
      JsonNode b = c.jsonBody();
      JsonNode list = b.path("dossiers");
      if (!list.isArray() || list.isEmpty()) {
        throw new ApiException(422, "validation-failed",
            "give {\"dossiers\": [dossier, …], \"sendTo\": {\"<dossier id>\": [\"<unit id>\", …]}}");
      }
      List<io.vtsdk.model.dossier.Dossier> dossiers = new java.util.ArrayList<>();
      List<List<String>> sendTo = new java.util.ArrayList<>();
      for (JsonNode d : list) {
        if (!d.isObject() || !d.hasNonNull("id")) {
          throw new ApiException(422, "validation-failed", "every fixture dossier needs an id");
        }
        dossiers.add(c.bodyAs(d, io.vtsdk.model.dossier.Dossier.class));
        List<String> units = new java.util.ArrayList<>();
        b.path("sendTo").path(d.get("id").asText()).forEach(u -> units.add(u.asText()));
        sendTo.add(units);
      }
      return json(201, Page.of(load(dossiers, sendTo, c.locale)));
    });
    r.adminControlRoute("POST", "/__admin/faults", c -> {
      JsonNode b = c.jsonBody();
      if (b.isObject() && !b.has("times")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).put("times", -1); // absent: every matching call
      }
      Fault f = c.bodyAs(b, Fault.class);
      controls.add(f);
      return json(201, f);
    });
    r.adminRoute("GET", "/__admin/faults", c -> json(200, Page.of(controls.faults())));
    r.adminControlRoute("DELETE", "/__admin/faults", c -> {
      controls.clearFaults();
      return new Reply(204, Map.of(), new byte[0]);
    });
    r.adminRoute("GET", "/__admin/state", c -> json(200, state()));
    r.adminRoute("GET", "/__admin/journal", c -> json(200, Page.of(controls.journal())));
    r.adminRoute("PUT", "/__admin/clock", c -> {
      JsonNode b = c.jsonBody();
      if (!b.hasNonNull("instant")) {
        throw new ApiException(422, "validation-failed", "give {\"instant\": \"2026-11-23T10:00:00Z\"}");
      }
      Instant instant;
      try {
        instant = Instant.parse(b.get("instant").asText());
      } catch (DateTimeParseException e) {
        throw new ApiException(422, "validation-failed", "instant must be ISO-8601, e.g. 2026-11-23T10:00:00Z");
      }
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        throw new ApiException(422, "validation-failed", "instant must be between " + EARLIEST + " and " + LATEST);
      }
      setClock(instant);
      return clockReply();
    });
    r.adminRoute("POST", "/__admin/clock/advance", c -> {
      JsonNode b = c.jsonBody();
      Duration d;
      try {
        d = Duration.parse(b.path("duration").asText(""));
      } catch (DateTimeParseException e) {
        throw new ApiException(422, "validation-failed", "give {\"duration\": \"P31D\"} (ISO-8601 duration)");
      }
      if (d.isNegative() || d.compareTo(MAX_ADVANCE) > 0 || clock.instant().plus(d).isAfter(LATEST)) {
        throw new ApiException(422, "validation-failed", "duration must be from PT0S to " + MAX_ADVANCE
            + " and keep the clock before " + LATEST);
      }
      int archived = advanceClock(d);
      return json(200, Map.of("instant", clock.instant().toString(), "archived", archived));
    });
  }

  /**
   * A fingerprint of all the data (directory, dossiers, requests, attachments, events, ESMS statuses, agreements,
   * idempotency records, ids, clock): two servers with the same fingerprint answer every call alike. Counts too. No
   * personal data: a SHA-256 and numbers.
   */
  public Map<String, Object> state() {
    io.vtsdk.core.FixtureService.Fingerprint f = core.fixtures().fingerprint(clock.frozenOrOffset());
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("sha256", f.sha256());
    out.putAll(f.counts());
    return out;
  }

  /** A 422 naming the field (JSON pointer) and the rule, never the value. */
  static ApiException invalid(String pointer, String code, String rule) {
    return new ApiException(422, "validation-failed", rule,
        List.of(new io.vtsdk.model.validation.Violation(pointer, code, rule)), Map.of());
  }

  /** Imports units (all or nothing) as VT; the counterparts then look at what is due. */
  public int importDirectory(List<Unit> units, io.vtsdk.core.DirectoryService.ImportMode mode) {
    try {
      return core.directory().importUnits(VT, units, mode);
    } catch (io.vtsdk.core.VtCoreException e) {
      throw ApiException.of(e);
    }
  }

  private Reply counterpartsReply() {
    com.fasterxml.jackson.databind.node.ObjectNode body = counterparts.config().toJson();
    body.put("answered", counterparts.answered());
    return json(200, body);
  }

  private Reply clockReply() {
    return json(200, Map.of("instant", clock.instant().toString()));
  }

  private Reply json(int status, Object body) {
    try {
      return Reply.json(status, json.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Clears dossiers, requests, events and idempotency records; reloads the directory (and the demo dossiers); clock
   * back to system time. One core operation.
   */
  public void reset() {
    clock.reset();
    controls.clearFaults();
    controls.clearJournal();
    core.fixtures().reset(directory, demoFixtures(), Map.of(CLOCK_SETTING, clock.frozenOrOffset()),
        java.util.Locale.FRENCH);
  }

  /** The same as {@link #reset()}, only when the store was never initialised (a new database): true when it was. */
  public boolean resetIfNew(String marker) {
    return core.fixtures().resetIfNew(marker, directory, demoFixtures(),
        Map.of(CLOCK_SETTING, clock.frozenOrOffset()), java.util.Locale.FRENCH);
  }

  private List<FixtureService.Fixture> demoFixtures() {
    return demoDossiers ? fixtures(DemoDossiers.scenarios(seed, java.time.LocalDate.now(clock))) : List.of();
  }

  private static List<FixtureService.Fixture> fixtures(List<DemoDossiers.Scenario> scenarios) {
    List<FixtureService.Fixture> out = new java.util.ArrayList<>();
    for (DemoDossiers.Scenario sc : scenarios) {
      out.add(new FixtureService.Fixture(sc.draft(), sc.sendTo().stream().map(io.vtsdk.model.UnitId::of).toList(),
          sc.steps().stream().map(st -> new FixtureService.Step(st.requestIndex(), st.action(), st.role(),
              st.responseKind() == null ? null : io.vtsdk.model.request.ResponseKind.valueOf(st.responseKind())))
              .toList()));
    }
    return out;
  }

  /**
   * Loads fixture dossiers as if their requesting units had created them (and sent them to the given units), keeping
   * their ids; all or nothing. Ids of the server's {@code D-n} form are refused.
   */
  public List<io.vtsdk.model.dossier.Dossier> load(List<io.vtsdk.model.dossier.Dossier> dossiers,
      List<List<String>> sendTo, java.util.Locale locale) {
    List<FixtureService.Fixture> fixtures = new java.util.ArrayList<>();
    for (int i = 0; i < dossiers.size(); i++) {
      fixtures.add(new FixtureService.Fixture(dossiers.get(i), sendTo.get(i).stream()
          .map(io.vtsdk.model.UnitId::of).toList(), List.of()));
    }
    try {
      return core.fixtures().load(fixtures, locale, false);
    } catch (io.vtsdk.core.VtCoreException e) {
      throw ApiException.of(e);
    }
  }

  /** Sets the clock, then runs auto-archiving (one core operation, which also keeps the clock in the store). */
  public void setClock(Instant instant) {
    clock.set(instant);
    core.fixtures().timeMoved(Map.of(CLOCK_SETTING, clock.frozenOrOffset()));
    counterparts.runDue(); // answers now due happen before the caller goes on
  }

  /** Puts back the clock a durable store kept (at start). */
  public void restoreClock() {
    core.fixtures().setting(CLOCK_SETTING).ifPresent(clock::restore);
  }

  /** Advances the clock, then runs auto-archiving; returns how many requests were archived. */
  public int advanceClock(Duration d) {
    // the clock stops at each answer a counterpart gives on the way, so that what happens in between (archiving)
    // happens in the order of the server's time
    Instant target = clock.instant().plus(d);
    int archived = 0;
    for (Optional<Instant> stop = counterparts.nextDue(clock.instant(), target); stop.isPresent();
        stop = counterparts.nextDue(clock.instant(), target)) {
      clock.advance(Duration.between(clock.instant(), stop.get()));
      archived += core.fixtures().timeMoved(Map.of(CLOCK_SETTING, clock.frozenOrOffset()));
      counterparts.runDue();
    }
    clock.advance(Duration.between(clock.instant(), target));
    archived += core.fixtures().timeMoved(Map.of(CLOCK_SETTING, clock.frozenOrOffset()));
    counterparts.runDue(); // answers now due happen before the caller goes on
    return archived;
  }
}
