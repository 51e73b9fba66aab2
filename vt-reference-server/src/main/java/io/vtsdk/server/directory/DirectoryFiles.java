package io.vtsdk.server.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.Coding;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.CheckMode;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.nos.Csv;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.fhir.frcore.FrCore;
import io.vtsdk.server.InvalidFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Reads a directory to import into the reference server: a FHIR Bundle shaped by the ANS ROR implementation guide
 * (Organization, HealthcareService, Location) or a CSV of units. docs/directory.md maps every field. The whole file is
 * read and checked before anything is loaded: a refusal names the file, the JSON pointer or the line and column, and
 * the rule — never the value.
 *
 * <pre>{@code
 * List<Unit> units = DirectoryFiles.read(Path.of("my-ror.json"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class DirectoryFiles {
  /** The SDK's extension giving an SMR unit's mentions (valueCode: a {@link SmrMention}), repeated. */
  public static final String SMR_MENTION_EXTENSION = "https://vtsdk.io/fhir/StructureDefinition/smr-mention";
  /** FINESS identifier systems of the ROR IG (the FINESS site) and of FR Core (the FINESS OID). */
  static final Set<String> FINESS_SYSTEMS = Set.of("https://finess.esante.gouv.fr", "http://finess.sante.gouv.fr",
      "urn:oid:1.2.250.1.71.4.2.2");
  static final String ROR_COMMUNE_COG = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
      + "ror-commune-cog";
  /** The CSV's columns, in this order (the header row must name them; lists are separated by {@code |}). */
  public static final List<String> CSV_COLUMNS = List.of("id", "name", "rorId", "finess", "departement", "modules",
      "targetKinds", "capacity", "pradoVolets", "smrMentions", "cpamCode", "esmsCategory", "coveredDepartements",
      "modalities");
  /** The most units one file may hold. */
  public static final int MAX_UNITS = 200_000;

  private DirectoryFiles() {}

  /**
   * Reads a directory file: a {@code .csv}, else a JSON FHIR Bundle.
   *
   * @throws InvalidFileException naming the file, where and the rule; nothing is read
   */
  public static List<Unit> read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidFileException(name, "/", "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
        ? readCsv(new String(bytes, StandardCharsets.UTF_8), name) : readBundle(bytes, name);
  }

  /** Reads a ROR-shaped FHIR Bundle (JSON). */
  public static List<Unit> readBundle(byte[] json, String name) {
    JsonNode root;
    try {
      root = new JsonMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidFileException(name, e.getLocation() == null ? "/" : "line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr(), "not well-formed JSON");
    } catch (IOException e) {
      throw new InvalidFileException(name, "/", "cannot be read");
    }
    return readBundle(root, name);
  }

  /** Reads a ROR-shaped FHIR Bundle from its JSON tree. */
  public static List<Unit> readBundle(JsonNode root, String name) {
    if (root == null || !"Bundle".equals(root.path("resourceType").asText()) || !root.path("entry").isArray()) {
      throw new InvalidFileException(name, "/resourceType", "must be a FHIR Bundle with entries");
    }
    JsonNode entries = root.get("entry");
    Map<String, JsonNode> byRef = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode r = entries.get(i).path("resource");
      String type = r.path("resourceType").asText();
      if (!r.path("id").asText().isEmpty()) {
        byRef.put(type + "/" + r.path("id").asText(), r);
      }
      if (!entries.get(i).path("fullUrl").asText().isEmpty()) {
        byRef.put(entries.get(i).path("fullUrl").asText(), r);
      }
    }
    List<Unit> units = new ArrayList<>();
    Set<UnitId> seen = new LinkedHashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode r = entries.get(i).path("resource");
      if (!"HealthcareService".equals(r.path("resourceType").asText())) {
        continue;
      }
      String at = "/entry/" + i + "/resource";
      Unit u = healthcareService(r, byRef, name, at);
      if (!seen.add(u.id())) {
        throw new InvalidFileException(name, at + "/identifier", "two units of the file have the same id");
      }
      units.add(u);
      if (units.size() > MAX_UNITS) {
        throw new InvalidFileException(name, at, "at most " + MAX_UNITS + " units per file");
      }
    }
    if (units.isEmpty()) {
      throw new InvalidFileException(name, "/entry", "has no HealthcareService: nothing to import");
    }
    return units;
  }

  private static Unit healthcareService(JsonNode hs, Map<String, JsonNode> byRef, String name, String at) {
    String vtId = null;
    String rorId = null;
    String other = null;
    JsonNode ids = hs.path("identifier");
    for (int k = 0; k < ids.size(); k++) {
      String system = ids.get(k).path("system").asText();
      String value = ids.get(k).path("value").asText();
      if (FrCore.VT_UNIT_ID.equals(system)) {
        vtId = value;
      } else if (FrCore.VT_ROR_UNIT_ID.equals(system)) {
        rorId = value;
      } else if (other == null && !value.isBlank()) {
        other = value; // the ROR's own identifier of the offer
      }
    }
    rorId = rorId != null ? rorId : other;
    if (rorId != null && rorId.length() > 64) {
      throw new InvalidFileException(name, at + "/identifier", "a ROR id has at most 64 characters");
    }
    String id = vtId != null ? vtId : rorId != null ? "ROR-" + rorId : null;
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new InvalidFileException(name, at + "/identifier", "needs a ROR identifier (or a VT unit id, system "
          + FrCore.VT_UNIT_ID + ") making an id of 1 to 64 letters, digits, . _ -");
    }
    String unitName = hs.path("name").asText();
    if (unitName.isBlank() || unitName.length() > 200) {
      throw new InvalidFileException(name, at + "/name", "a unit needs a name of at most 200 characters");
    }
    Unit.Builder b = Unit.builder(UnitId.of(id), unitName).rorId(rorId);
    Map<String, List<String>> values = new HashMap<>();
    JsonNode org = resolve(hs.path("providedBy"), byRef, hs);
    if (hs.has("providedBy") && org == null) {
      throw new InvalidFileException(name, at + "/providedBy", "must reference an Organization of the Bundle");
    }
    Departement dep = null;
    if (org != null) {
      JsonNode oids = org.path("identifier");
      for (int k = 0; k < oids.size(); k++) {
        String system = oids.get(k).path("system").asText();
        String v = oids.get(k).path("value").asText();
        if (FINESS_SYSTEMS.contains(system) && !(system.startsWith("urn:oid") && !v.startsWith("1"))) {
          b.structure(finess(system.startsWith("urn:oid") ? v.substring(1) : v, name,
              at + "/providedBy (its Organization's identifier/" + k + ")"));
        }
      }
      for (JsonNode type : org.path("type")) {
        for (JsonNode c : type.path("coding")) {
          if (c.path("system").asText().contains("R66")
              && Nomenclatures.get(NosTable.J254).coding(c.path("code").asText()).isPresent()) {
            values.computeIfAbsent("esmsCategory", x -> new ArrayList<>()).add(c.path("code").asText());
          }
        }
      }
      dep = departementOf(org.path("address"));
    }
    codes(hs.path("category"), FrCore.VT_CS_MODULE, "modules", values);
    codes(hs.path("type"), FrCore.VT_CS_TARGET_KIND, "targetKinds", values);
    codes(hs.path("program"), FrCore.VT_CS_PRADO_VOLET, "pradoVolets", values);
    codes(hs.path("characteristic"), NosTable.R213.codeSystemUrl(), "modalities", values);
    for (JsonNode sp : hs.path("specialty")) {
      for (JsonNode c : sp.path("coding")) {
        if (Nomenclatures.get(NosTable.J254).contains(new Coding(c.path("system").asText(), c.path("code").asText(),
            null))) {
          values.put("esmsCategory", List.of(c.path("code").asText()));
        }
      }
    }
    JsonNode exts = hs.path("extension");
    for (int k = 0; k < exts.size(); k++) {
      String field = EXTENSIONS.get(exts.get(k).path("url").asText());
      if (field != null) {
        JsonNode v = exts.get(k).path(field.equals("capacity") ? "valueInteger" : field.equals("smrMentions")
            ? "valueCode" : "valueString");
        if (!v.isValueNode()) {
          throw new InvalidFileException(name, at + "/extension/" + k, "the extension " + exts.get(k).path("url")
              .asText() + " needs its value[x]");
        }
        values.computeIfAbsent(field, x -> new ArrayList<>()).add(v.asText());
      }
    }
    JsonNode locs = hs.path("location");
    for (int k = 0; k < locs.size() && dep == null; k++) {
      JsonNode loc = resolve(locs.get(k), byRef, hs);
      if (loc != null) {
        dep = departementOf(loc.path("address"));
        for (JsonNode ext : loc.path("extension")) {
          if (dep == null && ROR_COMMUNE_COG.equals(ext.path("url").asText())) {
            dep = departementOfCommune(ext.path("valueCodeableConcept").path("coding").path(0).path("code").asText());
          }
        }
      }
    }
    List<String> given = values.getOrDefault("departement", List.of());
    if (!given.isEmpty()) {
      dep = departement(given.get(0), name, at + "/extension (" + FrCore.VT_DEPARTEMENT + ")");
    }
    b.departement(dep);
    Fields f = new Fields(name, field -> at + "/" + ELEMENTS.get(field), key -> values.getOrDefault(key, List.of()));
    return f.apply(b).build();
  }

  /** Where a unit's field sits in a HealthcareService (for errors). */
  private static final Map<String, String> ELEMENTS = Map.ofEntries(Map.entry("modules", "category"),
      Map.entry("targetKinds", "type"), Map.entry("pradoVolets", "program"), Map.entry("modalities", "characteristic"),
      Map.entry("esmsCategory", "specialty"), Map.entry("capacity", "extension"), Map.entry("cpamCode", "extension"),
      Map.entry("coveredDepartements", "extension"), Map.entry("smrMentions", "extension"));

  /** The SDK's extensions on a HealthcareService (those {@code DirectoryMapper} writes, and the SMR mentions). */
  private static final Map<String, String> EXTENSIONS = Map.of(FrCore.VT_CAPACITY, "capacity", FrCore.VT_CPAM_CODE,
      "cpamCode", FrCore.VT_COVERED_DEPARTEMENT, "coveredDepartements", FrCore.VT_DEPARTEMENT, "departement",
      SMR_MENTION_EXTENSION, "smrMentions");

  /** The codes of {@code system} in a list of CodeableConcepts, put under {@code field}. */
  private static void codes(JsonNode concepts, String system, String field, Map<String, List<String>> into) {
    for (JsonNode cc : concepts) {
      for (JsonNode c : cc.path("coding")) {
        if (system.equals(c.path("system").asText())) {
          into.computeIfAbsent(field, x -> new ArrayList<>()).add(c.path("code").asText());
        }
      }
    }
  }

  /** Reads a CSV of units whose header names {@link #CSV_COLUMNS} (any order; missing optional columns are empty). */
  public static List<Unit> readCsv(String text, String name) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<List<String>> rows;
    try {
      rows = Csv.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(name, "end of file", "an unterminated quoted field");
    }
    if (rows.isEmpty()) {
      throw new InvalidFileException(name, "line 1", "needs a header row naming the columns " + CSV_COLUMNS);
    }
    List<String> header = rows.get(0).stream().map(String::trim).toList();
    for (int c = 0; c < header.size(); c++) {
      if (!CSV_COLUMNS.contains(header.get(c))) {
        throw new InvalidFileException(name, "line 1, column " + (c + 1), "unknown column: the columns are "
            + CSV_COLUMNS);
      }
    }
    for (String required : List.of("id", "name", "modules")) {
      if (!header.contains(required)) {
        throw new InvalidFileException(name, "line 1", "the column " + required + " is required");
      }
    }
    if (rows.size() - 1 > MAX_UNITS) {
      throw new InvalidFileException(name, "line " + (MAX_UNITS + 2), "at most " + MAX_UNITS + " units per file");
    }
    List<Unit> units = new ArrayList<>();
    Set<UnitId> seen = new LinkedHashSet<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue; // an empty line
      }
      int line = i + 1;
      if (row.size() != header.size()) {
        throw new InvalidFileException(name, "line " + line, "has " + row.size() + " fields, the header "
            + header.size());
      }
      Function<String, String> cell = col -> {
        int c = header.indexOf(col);
        return c < 0 ? "" : row.get(c).trim();
      };
      String id = cell.apply("id");
      if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new InvalidFileException(name, "line " + line + ", column id", "a unit id is 1 to 64 letters, "
            + "digits, . _ -");
      }
      String unitName = cell.apply("name");
      if (unitName.isEmpty() || unitName.length() > 200) {
        throw new InvalidFileException(name, "line " + line + ", column name", "a unit needs a name of at most "
            + "200 characters");
      }
      if (!seen.add(UnitId.of(id))) {
        throw new InvalidFileException(name, "line " + line + ", column id", "two units of the file have the "
            + "same id");
      }
      Unit.Builder b = Unit.builder(UnitId.of(id), unitName);
      String ror = cell.apply("rorId");
      if (ror.length() > 64) {
        throw new InvalidFileException(name, "line " + line + ", column rorId", "at most 64 characters");
      }
      b.rorId(ror.isEmpty() ? null : ror);
      String finess = cell.apply("finess");
      if (!finess.isEmpty()) {
        b.structure(finess(finess, name, "line " + line + ", column finess"));
      }
      String dep = cell.apply("departement");
      if (!dep.isEmpty()) {
        b.departement(departement(dep, name, "line " + line + ", column departement"));
      }
      Fields f = new Fields(name, col -> "line " + line + ", column " + col, col -> {
        String v = cell.apply(col);
        return v.isEmpty() ? List.of() : List.of(v.split("\\|", -1));
      });
      units.add(f.apply(b).build());
    }
    if (units.isEmpty()) {
      throw new InvalidFileException(name, "line 2", "no unit: nothing to import");
    }
    return units;
  }

  /** The VT fields a unit carries (the vt-unit extension's sub-extensions, or the CSV's columns). */
  private static final class Fields {
    final String file;
    final Function<String, String> where;
    final Function<String, List<String>> get;

    Fields(String file, Function<String, String> where, Function<String, List<String>> get) {
      this.file = file;
      this.where = where;
      this.get = get;
    }

    String where(String field) {
      return where.apply(field);
    }

    Unit.Builder apply(Unit.Builder b) {
      Set<VtModule> modules = new LinkedHashSet<>();
      for (String m : get.apply("modules")) {
        try {
          modules.add(VtModule.valueOf(m.trim()));
        } catch (IllegalArgumentException e) {
          throw new InvalidFileException(file, where("modules"), "a module of VT or of a registered extension");
        }
      }
      if (modules.isEmpty()) {
        throw new InvalidFileException(file, where("modules"), "a unit needs at least one module");
      }
      Set<TargetKind> targets = new LinkedHashSet<>();
      for (String t : get.apply("targetKinds")) {
        try {
          targets.add(TargetKind.valueOf(t.trim()));
        } catch (IllegalArgumentException e) {
          throw new InvalidFileException(file, where("targetKinds"), "a target kind of VT or of a registered "
              + "extension");
        }
      }
      Set<PradoVolet> volets = new LinkedHashSet<>();
      for (String v : get.apply("pradoVolets")) {
        volets.add(enumValue(PradoVolet.class, v, "pradoVolets"));
      }
      Set<SmrMention> mentions = new LinkedHashSet<>();
      for (String v : get.apply("smrMentions")) {
        mentions.add(enumValue(SmrMention.class, v, "smrMentions"));
      }
      List<String> capacity = get.apply("capacity");
      if (!capacity.isEmpty()) {
        if (capacity.size() > 1 || !capacity.get(0).trim().matches("[0-9]{1,6}")) {
          throw new InvalidFileException(file, where("capacity"), "a number of places from 0 to 999999");
        }
        b.capacity(Integer.parseInt(capacity.get(0).trim()));
      }
      List<String> cpam = get.apply("cpamCode");
      if (!cpam.isEmpty()) {
        if (cpam.size() > 1 || !cpam.get(0).trim().matches("[0-9]{3}")) {
          throw new InvalidFileException(file, where("cpamCode"), "a caisse code has 3 digits");
        }
        b.cpamCode(cpam.get(0).trim());
      }
      List<String> category = get.apply("esmsCategory");
      if (!category.isEmpty()) {
        b.esmsCategory(Nomenclatures.get(NosTable.J254).coding(category.get(0).trim()).orElseThrow(
            () -> new InvalidFileException(file, where("esmsCategory"), "a code of JDV_J254")));
      }
      Set<Departement> covered = new LinkedHashSet<>();
      for (String d : get.apply("coveredDepartements")) {
        covered.add(departement(d.trim(), file, where("coveredDepartements")));
      }
      Set<Coding> modalities = new LinkedHashSet<>();
      for (String m : get.apply("modalities")) {
        modalities.add(Nomenclatures.get(NosTable.R213).coding(m.trim()).orElseThrow(
            () -> new InvalidFileException(file, where("modalities"), "a code of TRE_R213")));
      }
      if (!modalities.isEmpty()) {
        b.modalities(modalities);
      }
      for (TargetKind t : targets) {
        if (!modules.contains(t.module())) {
          throw new InvalidFileException(file, where("targetKinds"), "each target kind belongs to one of the "
              + "unit's modules");
        }
      }
      if (targets.contains(TargetKind.PRADO) && cpam.isEmpty()) {
        throw new InvalidFileException(file, where("cpamCode"), "a unit receiving Prado requests (a caisse) needs "
            + "its cpamCode");
      }
      return b.modules(modules).targetKinds(targets).pradoVolets(volets).smrMentions(mentions)
          .coveredDepartements(covered);
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String v, String field) {
      try {
        return Enum.valueOf(type, v.trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidFileException(file, where(field), "one of " + java.util.Arrays.toString(
            type.getEnumConstants()));
      }
    }
  }

  private static Finess finess(String v, String file, String where) {
    try {
      return v.startsWith("2A") || v.startsWith("2B") ? Finess.parse(v, CheckMode.LENIENT) : Finess.parse(v);
    } catch (RuntimeException e) {
      throw new InvalidFileException(file, where, "a FINESS of 9 characters with its check key");
    }
  }

  private static Departement departement(String v, String file, String where) {
    if (!Departement.isValid(v)) {
      throw new InvalidFileException(file, where, "an INSEE département code (01-95, 2A, 2B, 971-976)");
    }
    return Departement.of(v);
  }

  /** The resource a reference names: in the Bundle (type/id or full URL), or contained ({@code #id}). */
  private static JsonNode resolve(JsonNode reference, Map<String, JsonNode> byRef, JsonNode from) {
    String ref = reference.path("reference").asText();
    if (ref.startsWith("#")) {
      for (JsonNode c : from.path("contained")) {
        if (ref.substring(1).equals(c.path("id").asText())) {
          return c;
        }
      }
      return null;
    }
    return ref.isEmpty() ? null : byRef.get(ref);
  }

  /** The département of a French postal code (Corsica: 200xx-201xx is 2A, 202xx-206xx 2B; assumption for 20 0xx). */
  static Departement departementOf(JsonNode address) {
    String pc = address.path("postalCode").asText();
    if (!pc.matches("[0-9]{5}")) {
      return null;
    }
    String code = pc.startsWith("97") ? pc.substring(0, 3) : pc.startsWith("20")
        ? (pc.compareTo("20200") < 0 ? "2A" : "2B") : pc.substring(0, 2);
    return Departement.isValid(code) ? Departement.of(code) : null;
  }

  /** The département of an INSEE commune code (COG: its first 2 characters, 3 overseas). */
  static Departement departementOfCommune(String cog) {
    if (cog == null || cog.length() != 5) {
      return null;
    }
    String code = cog.startsWith("97") ? cog.substring(0, 3) : cog.substring(0, 2);
    return Departement.isValid(code) ? Departement.of(code) : null;
  }
}
