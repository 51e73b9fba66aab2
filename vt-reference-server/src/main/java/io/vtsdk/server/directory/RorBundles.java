package io.vtsdk.server.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.Coding;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.fhir.frcore.FrCore;
import io.vtsdk.server.InvalidFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads a FHIR Bundle shaped by the ANS ROR IG into units (docs/directory.md maps every field). Not API: through
 * {@link DirectoryFiles}.
 */
final class RorBundles {
  private RorBundles() {}

  /** FINESS identifier systems of the ROR IG (the FINESS site) and of FR Core (the FINESS OID). */
  static final Set<String> FINESS_SYSTEMS = Set.of("https://finess.esante.gouv.fr", "http://finess.sante.gouv.fr",
      "urn:oid:1.2.250.1.71.4.2.2");
  static final String ROR_COMMUNE_COG = "https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/"
      + "ror-commune-cog";

  /** Reads a ROR-shaped FHIR Bundle from its JSON tree. */
  static List<Unit> read(JsonNode root, String name) {
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
      if (units.size() > DirectoryFiles.MAX_UNITS) {
        throw new InvalidFileException(name, at, "at most " + DirectoryFiles.MAX_UNITS + " units per file");
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
          b.structure(UnitFields.finess(system.startsWith("urn:oid") ? v.substring(1) : v, name,
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
      dep = UnitFields.departement(given.get(0), name, at + "/extension (" + FrCore.VT_DEPARTEMENT + ")");
    }
    b.departement(dep);
    UnitFields f = new UnitFields(name, field -> at + "/" + ELEMENTS.get(field), key -> values.getOrDefault(key, List.of()));
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
      DirectoryFiles.SMR_MENTION_EXTENSION, "smrMentions");

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
