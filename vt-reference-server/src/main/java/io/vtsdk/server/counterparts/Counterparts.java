package io.vtsdk.server.counterparts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The units the reference server plays and how they behave, with the seed of their random choices: read from a file
 * ({@code vt serve --counterparts FILE}, JSON or YAML; schema {@code counterparts.schema.json}), built in Java, or
 * {@link #auto()}. {@code except} lists the units the vendor plays: the server never answers for them.
 *
 * <pre>{@code
 * seed: 7
 * except: [SMR-POLY-75]
 * counterparts:
 *   - role: CPAM
 *     answer: PRADO_ADHESION
 *     after: PT2H
 *   - unit: SMR-GERIA-01
 *     answer: REFUSED
 *     motif: PAS_DE_PLACE
 *   - module: SANITAIRE
 *     answer: RANDOM
 *     weights: {ACCEPTED: 1, REFUSED: 2}
 *     after: PT4H
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Counterparts(long seed, List<Counterpart> counterparts, Set<UnitId> except) {
  private static final Set<String> MEMBERS = Set.of("unit", "role", "module", "all", "answer", "motif", "after",
      "entryIn", "weights", "statuses", "every", "to");
  private static final int MAX_COUNTERPARTS = 10_000;
  /** The answers that are not an answer kind of a module. */
  private static final Set<String> SPECIAL = Set.of(Behaviour.NEVER, Behaviour.RANDOM, Behaviour.STATUSES,
      Behaviour.NOTIFY);
  private static final int MAX_WEIGHT = 1_000;

  /** Nobody is played. */
  public static final Counterparts NONE = new Counterparts(0, List.of(), Set.of());

  public Counterparts {
    counterparts = List.copyOf(counterparts);
    except = Set.copyOf(new LinkedHashSet<>(except));
  }

  /**
   * The documented default world ({@code --counterparts auto}; docs/counterparts.md): every CPAM declares the patient
   * eligible and records the adhesion a day after the send; the SMR, HAD, USP and other units of Sanitaire, Grand
   * âge, Handicap and HNP accept about one request in three (seeded) four hours after it, and refuse the others for
   * lack of room; the PCOs find the child eligible two days after.
   */
  public static Counterparts auto() {
    return new Counterparts(2026, List.of(
        Counterpart.role(Role.CPAM, Behaviour.answer(ResponseKind.PRADO_ADHESION).after(Duration.ofDays(1))),
        Counterpart.module(VtModule.TND, Behaviour.answer(ResponseKind.TND_ELIGIBLE).after(Duration.ofDays(2))),
        Counterpart.all(Behaviour.random(Map.of(ResponseKind.ACCEPTED.name(), 1, ResponseKind.REFUSED.name(), 2))
            .motif("PAS_DE_PLACE").entryIn(Duration.ofDays(7)).after(Duration.ofHours(4)))), Set.of());
  }

  /** These counterparts, with the units the vendor plays left to it. */
  public Counterparts except(Set<UnitId> units) {
    Set<UnitId> all = new LinkedHashSet<>(except);
    all.addAll(units);
    return new Counterparts(seed, counterparts, all);
  }

  /** These counterparts and one more, listed last. */
  public Counterparts with(Counterpart counterpart) {
    List<Counterpart> all = new ArrayList<>(counterparts);
    all.add(counterpart);
    return new Counterparts(seed, all, except);
  }

  /** These counterparts with another seed. */
  public Counterparts seed(long seed) {
    return new Counterparts(seed, counterparts, except);
  }

  /**
   * Reads a counterparts file: {@code auto} for {@link #auto()}, else JSON or YAML (by its extension, {@code .json}
   * or {@code .yaml}/{@code .yml}).
   *
   * @throws InvalidFileException naming the file, the JSON pointer and the rule; nothing is read
   */
  public static Counterparts read(Path file) {
    if (file.toString().equals("auto")) {
      return auto();
    }
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : new JsonMapper();
    JsonNode root;
    try {
      root = mapper.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new InvalidFileException(name, e.getLocation() == null ? "/" : "line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr(), "not well-formed " + (mapper instanceof YAMLMapper ? "YAML"
          : "JSON"));
    } catch (IOException e) {
      throw new InvalidFileException(name, "/", "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return parse(root, name);
  }

  /**
   * Reads counterparts from a JSON tree (a file's or a request body's).
   *
   * @param file the name given in errors
   * @throws InvalidFileException naming the file, the JSON pointer and the rule
   */
  public static Counterparts parse(JsonNode root, String file) {
    if (root == null || !root.isObject()) {
      throw new InvalidFileException(file, "/", "must be an object {seed, except, counterparts}");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("seed", "except", "counterparts", "$schema").contains(f)) {
        throw new InvalidFileException(file, "/" + f, "unknown member: seed, except and counterparts are");
      }
    }
    JsonNode seed = root.path("seed");
    if (!seed.isMissingNode() && !seed.isIntegralNumber()) {
      throw new InvalidFileException(file, "/seed", "must be an integer");
    }
    Set<UnitId> except = new LinkedHashSet<>();
    JsonNode ex = root.path("except");
    if (!ex.isMissingNode()) {
      if (!ex.isArray()) {
        throw new InvalidFileException(file, "/except", "must be an array of unit ids");
      }
      for (int i = 0; i < ex.size(); i++) {
        except.add(unitId(ex.get(i), file, "/except/" + i));
      }
    }
    JsonNode list = root.path("counterparts");
    if (!list.isArray() || list.size() > MAX_COUNTERPARTS) {
      throw new InvalidFileException(file, "/counterparts", "must be an array of at most " + MAX_COUNTERPARTS
          + " counterparts");
    }
    List<Counterpart> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(counterpart(list.get(i), file, "/counterparts/" + i));
    }
    return new Counterparts(seed.asLong(0), out, except);
  }

  private static Counterpart counterpart(JsonNode c, String file, String at) {
    if (!c.isObject()) {
      throw new InvalidFileException(file, at, "must be an object");
    }
    for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!MEMBERS.contains(f)) {
        throw new InvalidFileException(file, at + "/" + f, "unknown member: " + String.join(", ",
            new java.util.TreeSet<>(MEMBERS)) + " are");
      }
    }
    Behaviour b = behaviour(c, file, at);
    UnitId unit = c.has("unit") ? unitId(c.get("unit"), file, at + "/unit") : null;
    Role role = c.has("role") ? enumValue(c.get("role"), Role.class, file, at + "/role") : null;
    VtModule module = null;
    if (c.has("module")) {
      try {
        module = VtModule.valueOf(text(c.get("module"), file, at + "/module"));
      } catch (IllegalArgumentException e) {
        throw new InvalidFileException(file, at + "/module", "must be a module of VT or a registered extension");
      }
    }
    Boolean all = null;
    if (c.has("all")) {
      if (!c.get("all").isBoolean() || !c.get("all").asBoolean()) {
        throw new InvalidFileException(file, at + "/all", "must be true when given");
      }
      all = true;
    }
    try {
      return new Counterpart(unit, role, module, all, b);
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(file, at, "must name exactly one of unit, role, module, all");
    }
  }

  private static Behaviour behaviour(JsonNode c, String file, String at) {
    String answer = text(c.get("answer"), file, at + "/answer");
    if (!SPECIAL.contains(answer)) {
      kind(answer, file, at + "/answer");
    }
    List<String> statuses = null;
    if (answer.equals(Behaviour.STATUSES)) {
      JsonNode list = c.path("statuses");
      if (!list.isArray() || list.isEmpty() || list.size() > 20) {
        throw new InvalidFileException(file, at + "/statuses", "STATUSES needs 1 to 20 JDV_J252 codes");
      }
      statuses = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String code = text(list.get(i), file, at + "/statuses/" + i);
        if (!io.vtsdk.model.nos.Nomenclatures.get(io.vtsdk.model.nos.NosTable.J252).contains(code)) {
          throw new InvalidFileException(file, at + "/statuses/" + i, "a code of JDV_J252 (an ESMS status)");
        }
        statuses.add(code);
      }
    } else if (c.has("statuses")) {
      throw new InvalidFileException(file, at + "/statuses", "statuses are for answer STATUSES only");
    }
    Duration every = null;
    List<UnitId> to = null;
    if (answer.equals(Behaviour.NOTIFY)) {
      every = duration(c.get("every"), file, at + "/every");
      if (every.compareTo(Duration.ofMinutes(1)) < 0 || !c.has("unit")) {
        throw new InvalidFileException(file, at + (c.has("unit") ? "/every" : "/unit"), c.has("unit")
            ? "NOTIFY needs every: an ISO-8601 duration of at least PT1M" : "NOTIFY is for one unit (an MDPH)");
      }
      JsonNode list = c.path("to");
      if (!list.isArray() || list.isEmpty()) {
        throw new InvalidFileException(file, at + "/to", "NOTIFY needs to: the ESMS unit ids it notifies");
      }
      to = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        to.add(unitId(list.get(i), file, at + "/to/" + i));
      }
    } else if (c.has("every") || c.has("to")) {
      throw new InvalidFileException(file, at + (c.has("every") ? "/every" : "/to"), "every and to are for answer "
          + "NOTIFY only");
    }
    String motif = c.has("motif") ? text(c.get("motif"), file, at + "/motif") : null;
    Map<String, Integer> weights = null;
    if (answer.equals(Behaviour.RANDOM)) {
      JsonNode w = c.path("weights");
      if (!w.isObject() || w.isEmpty()) {
        throw new InvalidFileException(file, at + "/weights", "RANDOM needs weights: {answer: weight, …}");
      }
      weights = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = w.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = at + "/weights/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (!e.getKey().equals(Behaviour.NEVER)) {
          kind(e.getKey(), file, p);
        }
        if (!e.getValue().isIntegralNumber() || e.getValue().asInt() < 1 || e.getValue().asInt() > MAX_WEIGHT) {
          throw new InvalidFileException(file, p, "a weight is an integer from 1 to " + MAX_WEIGHT);
        }
        weights.put(e.getKey(), e.getValue().asInt());
      }
    } else if (c.has("weights")) {
      throw new InvalidFileException(file, at + "/weights", "weights are for answer RANDOM only");
    }
    if (motif != null && !SPECIAL.contains(answer) && kind(answer, file, at + "/answer").motif(motif).isEmpty()) {
      throw new InvalidFileException(file, at + "/motif", "must be a motif code of the answer's list");
    }
    return new Behaviour(answer, motif, duration(c.get("after"), file, at + "/after"),
        c.has("entryIn") ? duration(c.get("entryIn"), file, at + "/entryIn") : null, weights, statuses, every, to);
  }

  private static ResponseKind kind(String name, String file, String at) {
    try {
      return ResponseKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(file, at, "must be an answer kind of VT or of a registered module, "
          + Behaviour.NEVER + " or " + Behaviour.RANDOM);
    }
  }

  private static Duration duration(JsonNode n, String file, String at) {
    if (n == null) {
      return Duration.ZERO;
    }
    try {
      Duration d = Duration.parse(text(n, file, at));
      if (!d.isNegative() && d.compareTo(Behaviour.MAX_DELAY) <= 0) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // refused below
    }
    throw new InvalidFileException(file, at, "must be an ISO-8601 duration from PT0S to P3650D (ten years)");
  }


  private static UnitId unitId(JsonNode n, String file, String at) {
    String s = text(n, file, at);
    if (!s.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new InvalidFileException(file, at, "a unit id is 1 to 64 letters, digits, . _ -");
    }
    return UnitId.of(s);
  }

  private static <E extends Enum<E>> E enumValue(JsonNode n, Class<E> type, String file, String at) {
    try {
      return Enum.valueOf(type, text(n, file, at));
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(file, at, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static String text(JsonNode n, String file, String at) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new InvalidFileException(file, at, "must be a non-empty string");
    }
    return n.asText();
  }

  /** The JSON form {@link #parse} reads (what {@code GET /__admin/counterparts} answers). */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode().put("seed", seed);
    ArrayNode ex = root.putArray("except");
    except.forEach(u -> ex.add(u.value()));
    ArrayNode list = root.putArray("counterparts");
    for (Counterpart c : counterparts) {
      ObjectNode o = list.addObject();
      if (c.unit() != null) {
        o.put("unit", c.unit().value());
      } else if (c.role() != null) {
        o.put("role", c.role().name());
      } else if (c.module() != null) {
        o.put("module", c.module().name());
      } else {
        o.put("all", true);
      }
      Behaviour b = c.behaviour();
      o.put("answer", b.answer());
      if (b.motif() != null) {
        o.put("motif", b.motif());
      }
      o.put("after", b.after().toString());
      if (b.entryIn() != null) {
        o.put("entryIn", b.entryIn().toString());
      }
      if (b.weights() != null) {
        ObjectNode w = o.putObject("weights");
        b.weights().forEach(w::put);
      }
      if (b.statuses() != null) {
        ArrayNode st = o.putArray("statuses");
        b.statuses().forEach(st::add);
      }
      if (b.every() != null) {
        o.put("every", b.every().toString());
        ArrayNode t = o.putArray("to");
        b.to().forEach(u -> t.add(u.value()));
      }
    }
    return root;
  }
}
