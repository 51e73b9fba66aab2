package io.vtsdk.model.directory;

import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.nos.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every caisse a French patient's Prado request can go to: one per département (101), read from the SDK's data file
 * {@code io/vtsdk/model/directory/caisses.csv}. Which caisses exist comes from the Code de la sécurité sociale (L. 211-1,
 * L. 752-1) and the ordonnance n° 96-1122 (Mayotte); their 3-digit codes are an assumption (département + « 1 »): no
 * public list of codes was reachable — the file's SOURCES.md says what is covered and what is not. A vendor whose
 * patients carry another code imports that caisse as a unit.
 *
 * <pre>{@code
 * Caisse marseille = Caisses.byCode("131").orElseThrow();   // CPAM des Bouches-du-Rhône
 * Unit unit = marseille.toUnit();                            // CPAM-131, module PRADO
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Caisses {
  private static final Map<String, Caisse> BY_CODE = load();

  private Caisses() {}

  /** Every caisse, in code order. */
  public static List<Caisse> all() {
    return List.copyOf(BY_CODE.values());
  }

  /** The caisse of this 3-digit code, if the list has one. */
  public static Optional<Caisse> byCode(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }

  /** The caisses serving a département (one in this list; several exist in the Nord and the Pas-de-Calais). */
  public static List<Caisse> ofDepartement(Departement departement) {
    return BY_CODE.values().stream().filter(c -> c.departement().equals(departement)).toList();
  }

  private static Map<String, Caisse> load() {
    try (InputStream in = Caisses.class.getResourceAsStream("caisses.csv")) {
      if (in == null) {
        throw new IllegalStateException("caisses.csv missing from vt-model");
      }
      Map<String, Caisse> out = new LinkedHashMap<>();
      List<Caisse> rows = new ArrayList<>();
      for (Map<String, String> row : Csv.readWithHeader(in)) {
        rows.add(new Caisse(row.get("code"), Caisse.Kind.valueOf(row.get("kind")),
            Departement.of(row.get("departement")), row.get("name")));
      }
      rows.stream().sorted(java.util.Comparator.comparing(Caisse::code)).forEach(c -> out.put(c.code(), c));
      return java.util.Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
