package io.vtsdk.server.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.server.Fault;
import io.vtsdk.server.InvalidFileException;
import io.vtsdk.server.counterparts.Counterparts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The built-in scenarios ({@link #BUILT_IN}) and the reading of a tester's own scenario file (JSON or YAML). A refused
 * file names the file, the JSON pointer and the rule ({@link InvalidFileException}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Scenarios {
  /** The scenarios shipped with the server, by name. */
  public static final List<String> BUILT_IN = List.of("dpi-prado", "dpi-prado-non-adhesion", "dpi-sanitaire",
      "dpi-faults", "esms-sdo", "esms-waiting-list");
  /**
   * What the server may do when a step begins, as another user would: {@code update-dossier} (a colleague of the
   * session's unit saves the session's latest dossier: its version moves on, so an update from the version the
   * software read gets 412).
   */
  public static final List<String> ACTIONS = List.of("update-dossier");
  private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile(
      "(GET|POST|PUT|PATCH|DELETE) /[^ ]{1,200} ([1-5][0-9][0-9]|[1-5]xx)");
  private static final Set<String> MEMBERS = Set.of("$schema", "name", "title", "unit", "checks", "steps");
  private static final Set<String> STEP_MEMBERS = Set.of("id", "instruction", "data", "counterparts", "faults",
      "actions", "advance", "expect", "timeLimit");
  private static final Set<String> EXPECT_MEMBERS = Set.of("requests", "calls");
  private static final ObjectMapper JSON = VtJson.newMapper();

  private Scenarios() {}

  /**
   * A built-in scenario.
   *
   * @throws IllegalArgumentException naming the built-in scenarios, for any other name
   */
  public static Scenario builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new IllegalArgumentException("no built-in scenario of this name: " + BUILT_IN);
    }
    try (InputStream in = Scenarios.class.getResourceAsStream(name + ".json")) {
      return parse(new JsonMapper().readTree(in), name + ".json");
    } catch (IOException e) {
      throw new IllegalStateException("built-in scenario " + name + " unreadable", e);
    }
  }

  /** A built-in scenario's name, or a scenario file (.json, .yaml, .yml). */
  public static Scenario of(String nameOrFile) {
    return BUILT_IN.contains(nameOrFile) ? builtIn(nameOrFile) : read(Path.of(nameOrFile));
  }

  /** Reads a scenario file. */
  public static Scenario read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : new JsonMapper();
    try {
      return parse(mapper.readTree(Files.readAllBytes(file)), name);
    } catch (JsonProcessingException e) {
      throw new InvalidFileException(name, e.getLocation() == null ? "/" : "line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr(), "not well-formed");
    } catch (IOException e) {
      throw new InvalidFileException(name, "/", "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Reads a scenario from its JSON tree. */
  public static Scenario parse(JsonNode root, String file) {
    if (root == null || !root.isObject()) {
      throw new InvalidFileException(file, "/", "must be an object {name, title, unit, checks, steps}");
    }
    members(root, MEMBERS, file, "");
    String name = text(root.get("name"), file, "/name");
    if (!name.matches("[a-z0-9-]{1,64}")) {
      throw new InvalidFileException(file, "/name", "1 to 64 lower-case letters, digits and -");
    }
    String unit = text(root.get("unit"), file, "/unit");
    if (!unit.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new InvalidFileException(file, "/unit", "a unit id: 1 to 64 letters, digits, . _ -");
    }
    List<String> checks = new ArrayList<>();
    JsonNode cs = root.path("checks");
    if (!cs.isArray() || cs.isEmpty()) {
      throw new InvalidFileException(file, "/checks", "the ids of the checks to run: " + Checks.ids());
    }
    for (int i = 0; i < cs.size(); i++) {
      String id = text(cs.get(i), file, "/checks/" + i);
      if (Checks.byId(id).isEmpty()) {
        throw new InvalidFileException(file, "/checks/" + i, "an unknown check: the checks are " + Checks.ids());
      }
      checks.add(id);
    }
    JsonNode ss = root.path("steps");
    if (!ss.isArray() || ss.isEmpty() || ss.size() > 50) {
      throw new InvalidFileException(file, "/steps", "1 to 50 steps");
    }
    List<Scenario.Step> steps = new ArrayList<>();
    for (int i = 0; i < ss.size(); i++) {
      steps.add(step(ss.get(i), file, "/steps/" + i));
    }
    return new Scenario(name, root.path("title").path("fr").asText(name), root.path("title").path("en").asText(name),
        UnitId.of(unit), checks, steps);
  }

  private static Scenario.Step step(JsonNode s, String file, String at) {
    if (!s.isObject()) {
      throw new InvalidFileException(file, at, "a step is an object");
    }
    members(s, STEP_MEMBERS, file, at);
    String id = text(s.get("id"), file, at + "/id");
    String fr = text(s.path("instruction").get("fr"), file, at + "/instruction/fr");
    String en = text(s.path("instruction").get("en"), file, at + "/instruction/en");
    Counterparts counterparts = s.has("counterparts") ? counterparts(s.get("counterparts"), file, at) : null;
    List<Fault> faults = new ArrayList<>();
    JsonNode fs = s.path("faults");
    for (int i = 0; i < fs.size(); i++) {
      try {
        faults.add(JSON.treeToValue(fs.get(i), Fault.class));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new InvalidFileException(file, at + "/faults/" + i, "a fault as POST /__admin/faults takes it");
      }
    }
    List<String> actions = new ArrayList<>();
    JsonNode as = s.path("actions");
    for (int i = 0; i < as.size(); i++) {
      String a = text(as.get(i), file, at + "/actions/" + i);
      if (!ACTIONS.contains(a)) {
        throw new InvalidFileException(file, at + "/actions/" + i, "an unknown action: the actions are " + ACTIONS);
      }
      actions.add(a);
    }
    members(s.path("expect"), EXPECT_MEMBERS, file, at + "/expect");
    Map<RequestStatus, Integer> requests = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("expect").path("requests").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = at + "/expect/requests/" + e.getKey();
      try {
        requests.put(RequestStatus.valueOf(e.getKey()), count(e.getValue(), file, p));
      } catch (IllegalArgumentException x) {
        throw new InvalidFileException(file, p, "a request status of VT (SENT, ACCEPTED, ADHESION…)");
      }
    }
    Map<String, Integer> calls = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("expect").path("calls").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = at + "/expect/calls/" + e.getKey().replace("~", "~0").replace("/", "~1");
      if (!CALL.matcher(e.getKey()).matches()) {
        throw new InvalidFileException(file, p, "a call as 'METHOD /route STATUS' (PUT /v1/dossiers/{id} 412, "
            + "POST /v1/dossiers 2xx)");
      }
      calls.put(e.getKey(), count(e.getValue(), file, p));
    }
    Duration advance = duration(s, "advance", file, at);
    Duration limit = duration(s, "timeLimit", file, at);
    return new Scenario.Step(id, fr, en, s.path("data").deepCopy(), counterparts, faults, actions, advance,
        new Scenario.Expectation(requests, calls), limit);
  }

  private static Duration duration(JsonNode s, String member, String file, String at) {
    if (!s.has(member)) {
      return Duration.ZERO;
    }
    Duration d;
    try {
      d = Duration.parse(text(s.get(member), file, at + "/" + member));
    } catch (DateTimeParseException e) {
      d = Duration.ofSeconds(-1);
    }
    if (d.isNegative() || d.compareTo(Duration.ofDays(365)) > 0) {
      throw new InvalidFileException(file, at + "/" + member, "an ISO-8601 duration from PT0S to P365D");
    }
    return d;
  }

  private static Counterparts counterparts(JsonNode n, String file, String at) {
    try {
      return Counterparts.parse(n, file);
    } catch (InvalidFileException e) {
      throw new InvalidFileException(file, at + "/counterparts" + e.location(), e.rule());
    }
  }

  private static int count(JsonNode n, String file, String at) {
    if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 1000) {
      throw new InvalidFileException(file, at, "how many (requests or calls) at least: 1 to 1000");
    }
    return n.asInt();
  }

  private static void members(JsonNode o, Set<String> allowed, String file, String at) {
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new InvalidFileException(file, at + "/" + f, "unknown member: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static String text(JsonNode n, String file, String at) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new InvalidFileException(file, at, "must be a non-empty string");
    }
    return n.asText();
  }
}
