package io.vtsdk.server.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.nos.Csv;
import io.vtsdk.server.InvalidFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    return RorBundles.read(root, name);
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
        b.structure(UnitFields.finess(finess, name, "line " + line + ", column finess"));
      }
      String dep = cell.apply("departement");
      if (!dep.isEmpty()) {
        b.departement(UnitFields.departement(dep, name, "line " + line + ", column departement"));
      }
      UnitFields f = new UnitFields(name, col -> "line " + line + ", column " + col, col -> {
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
}
