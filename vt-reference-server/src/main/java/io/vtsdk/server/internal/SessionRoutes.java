package io.vtsdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.server.InvalidFileException;
import io.vtsdk.server.scenarios.Report;
import io.vtsdk.server.scenarios.Scenario;
import io.vtsdk.server.scenarios.Scenarios;
import io.vtsdk.server.scenarios.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The scenario sessions over HTTP: started and followed on the control API ({@code /__admin/sessions}), read by the
 * software under test with the session's own token ({@code GET /v1/test-session}), the scenario file's JSON Schema
 * published. A session started over HTTP runs on a thread of its own ({@link Session#run}). Not API.
 */
public final class SessionRoutes implements AutoCloseable {
  private static final Lazy<byte[]> SCHEMA = new Lazy<>(() -> {
    try (java.io.InputStream in = Scenarios.class.getResourceAsStream("scenario.schema.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("scenario.schema.json missing from vt-reference-server", e);
    }
  });
  private static final Duration MAX_WAIT = Duration.ofHours(24);

  private final Function<Scenario, Session> start;
  private final Function<String, Optional<Session>> find;
  private final Supplier<List<Session>> all;
  private final java.util.Set<Thread> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public SessionRoutes(Function<Scenario, Session> start, Function<String, Optional<Session>> find,
      Supplier<List<Session>> all) {
    this.start = start;
    this.find = find;
    this.all = all;
  }

  public void register(Router r) {
    r.publicRoute("GET", "/__admin/scenarios/schema", c -> new Reply(200, Map.of("Content-Type",
        "application/schema+json"), SCHEMA.get()));
    r.adminRoute("GET", "/__admin/scenarios", c -> {
      ArrayNode list = VtJson.newMapper().createArrayNode();
      for (String name : Scenarios.BUILT_IN) {
        Scenario s = Scenarios.builtIn(name);
        list.addObject().put("name", name).put("title", english(c) ? s.titleEn() : s.titleFr())
            .put("unit", s.unit().value()).put("steps", s.steps().size());
      }
      return json(200, items(list));
    });
    r.adminControlRoute("POST", "/__admin/sessions", c -> {
      JsonNode b = c.jsonBody();
      Scenario scenario = scenario(b.get("scenario"));
      Duration idle = duration(b, "idle", Duration.ofSeconds(3));
      Duration stepTimeout = duration(b, "stepTimeout", Duration.ofMinutes(5));
      Session s;
      try {
        s = start.apply(scenario);
      } catch (IllegalStateException e) {
        throw new ApiException(409, "conflict", e.getMessage());
      } catch (IllegalArgumentException e) {
        throw Admin.invalid("/scenario", "scenario.unit", e.getMessage());
      }
      Thread t = new Thread(() -> {
        try {
          s.run(idle, stepTimeout, new Session.Listener() { });
        } catch (InterruptedException e) {
          s.finish(); // the server stops: what was seen is reported
        } finally {
          running.remove(Thread.currentThread());
        }
      }, "vt-" + s.id());
      t.setDaemon(true);
      running.add(t);
      t.start();
      ObjectNode o = view(s, c).put("token", s.token());
      return json(201, o);
    });
    r.adminRoute("GET", "/__admin/sessions", c -> {
      ArrayNode list = VtJson.newMapper().createArrayNode();
      all.get().forEach(s -> list.add(view(s, c)));
      return json(200, items(list));
    });
    r.adminRoute("GET", "/__admin/sessions/{id}", c -> json(200, view(session(c.path("id")), c)));
    // ?format=json (default), xml (JUnit) or html: the report, once the session has ended
    r.adminRoute("GET", "/__admin/sessions/{id}/report", c -> report(session(c.path("id")), c.query("format")));
    r.readOnlyRoute("GET", "/v1/test-session", c -> json(200, view(own(c), c)));
  }

  /** The session whose token made the call; 404 for any other token (it has no session). */
  private Session own(Call c) {
    return find.apply(c.principal().actorId()).orElseThrow(() -> new ApiException(404, "not-found",
        "no test session for this token: a session's token is given when it starts (vt serve --scenario, "
            + "POST /__admin/sessions, VtScenarios.start)"));
  }

  private Session session(String id) {
    return find.apply(id).orElseThrow(() -> ApiException.notFound("session", id));
  }

  private static Reply report(Session s, String format) {
    String asked = format == null ? "json" : format;
    Report.Format f = java.util.Arrays.stream(Report.Format.values())
        .filter(v -> v.name().toLowerCase(Locale.ROOT).equals(asked)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("format: json, xml (JUnit) or html"));
    Report r = s.report().orElseThrow(() -> new ApiException(409, "conflict",
        "the session has not ended: its report is written when it ends"));
    Map<String, String> headers = f == Report.Format.HTML ? Map.of("Content-Type", f.mediaType(),
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'", "X-Content-Type-Options", "nosniff")
        : Map.of("Content-Type", f.mediaType());
    return new Reply(200, headers, r.render(f).getBytes(StandardCharsets.UTF_8));
  }

  /** The session as JSON (what {@code GET /v1/test-session} answers: its schema is TestSession's). */
  private static ObjectNode view(Session s, Call c) {
    return s.toJson(english(c) ? "en" : "fr");
  }

  private static boolean english(Call c) {
    return Locale.ENGLISH.getLanguage().equals(c.locale.getLanguage());
  }

  /** A built-in scenario's name, or a scenario as JSON; 422 naming the pointer and the rule. */
  private static Scenario scenario(JsonNode n) {
    if (n != null && n.isTextual()) {
      if (!Scenarios.BUILT_IN.contains(n.asText())) {
        throw Admin.invalid("/scenario", "scenario.unknown", "a built-in scenario " + Scenarios.BUILT_IN
            + ", or a scenario as JSON (schema: GET /__admin/scenarios/schema)");
      }
      return Scenarios.builtIn(n.asText());
    }
    if (n != null && n.isObject()) {
      try {
        return Scenarios.parse(n, "scenario");
      } catch (InvalidFileException e) {
        throw Admin.invalid("/scenario" + (e.location().startsWith("/") ? e.location() : ""), "scenario.invalid",
            e.location() + ": " + e.rule());
      }
    }
    throw Admin.invalid("/scenario", "scenario.required", "give {\"scenario\": \"dpi-prado\"} (a built-in scenario) or "
        + "{\"scenario\": {…}} (a scenario as JSON)");
  }

  private static Duration duration(JsonNode b, String member, Duration otherwise) {
    if (!b.has(member)) {
      return otherwise;
    }
    try {
      Duration d = Duration.parse(b.get(member).asText());
      if (!d.isNegative() && d.compareTo(MAX_WAIT) <= 0) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // refused below
    }
    throw Admin.invalid("/" + member, "session." + member, "an ISO-8601 duration from PT0S to PT24H");
  }

  private static ObjectNode items(ArrayNode list) {
    ObjectNode o = VtJson.newMapper().createObjectNode();
    o.set("items", list);
    return o;
  }

  private static Reply json(int status, ObjectNode o) {
    return Reply.json(status, o.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Stops the sessions started over HTTP (each ends with what it saw). */
  @Override
  public void close() {
    running.forEach(Thread::interrupt);
  }
}
