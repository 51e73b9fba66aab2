package io.vtsdk.model.nos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Access to the nomenclatures shipped with vt-model.
 *
 * <pre>{@code
 * Nomenclature j252 = Nomenclatures.get(NosTable.J252);
 * j252.contains("47");                                     // true: "Usager entré"
 * Nomenclatures.statusMotifs().isAllowed("45", "86");       // true (ASS_A32)
 * }</pre>
 *
 * <p>The tables are read once from the jar's resources, on first use, and are immutable: this is constant public
 * data, not configuration, so a static holder is appropriate. Thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Nomenclatures {
  private Nomenclatures() {}

  private static final class Holder {
    static final Map<NosTable, Nomenclature> TABLES = loadAll();
    static final StatusMotifMap A32 = loadA32();
  }

  /** The nomenclature {@code table}. */
  public static Nomenclature get(NosTable table) {
    return Holder.TABLES.get(Objects.requireNonNull(table, "table"));
  }

  /** ASS_A32: the status → motif pairs. */
  public static StatusMotifMap statusMotifs() {
    return Holder.A32;
  }

  private static Map<NosTable, Nomenclature> loadAll() {
    Map<NosTable, Nomenclature> m = new EnumMap<>(NosTable.class);
    for (NosTable t : NosTable.values()) {
      List<Map<String, String>> rows = read(t.resource());
      Map<String, Concept> concepts = new LinkedHashMap<>();
      for (Map<String, String> row : rows) {
        String code = row.get("code");
        String status = row.getOrDefault("status", "active");
        String system = row.getOrDefault("system", "");
        String display = row.get("display");
        concepts.put(code, new Concept(system.isEmpty() ? t.codeSystemUrl() : system, code,
            display == null || display.isEmpty() ? null : display, status));
      }
      m.put(t, new Nomenclature(t, concepts));
    }
    return m;
  }

  private static StatusMotifMap loadA32() {
    List<String[]> pairs = new ArrayList<>();
    for (Map<String, String> row : read("ASS_A32-StatutMotifPersonnePriseCharge.csv")) {
      pairs.add(new String[] {row.get("status_code"), row.get("motif_code")});
    }
    return new StatusMotifMap(pairs);
  }

  private static List<Map<String, String>> read(String resource) {
    try (InputStream in = Nomenclatures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("nomenclature resource io/vtsdk/model/nos/" + resource + " is missing");
      }
      return Csv.readWithHeader(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read nomenclature " + resource, e);
    }
  }
}
