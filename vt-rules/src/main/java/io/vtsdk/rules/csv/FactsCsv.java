package io.vtsdk.rules.csv;

import io.vtsdk.rules.Fact;
import io.vtsdk.rules.Facts;
import io.vtsdk.rules.StandardFacts;
import io.vtsdk.rules.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Binds CSV records to {@link Facts}: the header names fact paths ({@code /patient/birthDate}), plus optional
 * {@code id} and {@code target} columns; each cell is read as its fact's type. What {@code vt eligibility} reads, and
 * what a researcher uses on their own data.
 *
 * <p>Cell types: a date {@code YYYY-MM-DD}, {@code true|false}, an integer, a string, an enum constant's name (any
 * case), or a set of those separated by {@value CsvTable#SET_SEPARATOR} ({@code INSUFFISANCE_CARDIAQUE|AVC},
 * {@code 69|01}). An empty cell is a missing input (an INCOMPLETE decision names it). A GIR is 1 to 6, as the model
 * validates it.
 *
 * <pre>{@code
 * try (CsvTable t = CsvTable.open(Path.of("cohort.csv"), List.of())) {
 *   FactsCsv binder = FactsCsv.of(t);
 *   for (CsvTable.Row r; (r = t.next()) != null; ) {
 *     Decision d = engine.evaluate(binder.target(r), binder.facts(r), at);
 *   }
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FactsCsv {
  /** The columns that are not facts. */
  public static final String ID = "id";
  public static final String TARGET = "target";

  private final Map<String, Fact<?>> columns;

  private FactsCsv(Map<String, Fact<?>> columns) {
    this.columns = columns;
  }

  /** The binder of {@code table}'s header over the standard facts. */
  public static FactsCsv of(CsvTable table) {
    return of(table, StandardFacts.all());
  }

  /**
   * The binder of {@code table}'s header over {@code known} facts.
   *
   * @throws ExtractException a column that is neither {@code id}, {@code target} nor a known fact a CSV cell can
   *     hold (the known paths are listed)
   */
  public static FactsCsv of(CsvTable table, Collection<Fact<?>> known) {
    Map<String, Fact<?>> byPath = new LinkedHashMap<>();
    known.stream().filter(FactsCsv::csvType).forEach(f -> byPath.put(f.path(), f));
    Map<String, Fact<?>> columns = new LinkedHashMap<>();
    List<String> header = table.header();
    for (int i = 0; i < header.size(); i++) {
      String c = header.get(i);
      if (c.equals(ID) || c.equals(TARGET)) {
        continue;
      }
      Fact<?> f = byPath.get(c);
      if (f == null) {
        throw new ExtractException(table.file(), 1, i + 1, c, "not a fact a CSV cell can hold; known: "
            + byPath.keySet().stream().sorted().collect(Collectors.joining(", ")));
      }
      columns.put(c, f);
    }
    return new FactsCsv(columns);
  }

  /** Whether a fact's values can be written in a cell: dates, booleans, integers, strings, enums, sets of those. */
  public static boolean csvType(Fact<?> f) {
    Class<?> t = f.elementType() != null ? f.elementType() : f.type();
    return t == LocalDate.class || t == Boolean.class || t == Integer.class || t == String.class || t.isEnum();
  }

  /** The record's facts. */
  public Facts facts(CsvTable.Row row) {
    Facts.Builder b = Facts.builder();
    columns.forEach((column, fact) -> put(b, row, column, fact));
    return b.build();
  }

  /** The record's {@code id} cell, or null. */
  public String id(CsvTable.Row row) {
    return row.text(ID);
  }

  /** The record's {@code target} cell, or null when there is none. */
  public Target target(CsvTable.Row row) {
    String v = row.text(TARGET);
    if (v == null) {
      return null;
    }
    try {
      return Target.parse(v);
    } catch (IllegalArgumentException e) {
      throw row.refuse(TARGET, "not a known target (PRADO/AVC, EHPAD, PCO_0_6…)");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void put(Facts.Builder b, CsvTable.Row row, String column, Fact fact) {
    Class<?> e = fact.elementType();
    Object v;
    if (e != null) {
      Set<?> set = e.isEnum() ? row.constants(column, (Class) e) : row.set(column, value -> element(e, value),
          e.getSimpleName());
      v = row.text(column) == null ? null : set;
    } else if (fact.type() == LocalDate.class) {
      v = row.date(column);
    } else if (fact.type() == Boolean.class) {
      v = row.bool(column);
    } else if (fact == StandardFacts.GIR) {
      v = row.integer(column, 1, 6, "the AGGIR grid's groups"); // the bounds MedicalSection.gir is validated with
    } else if (fact.type() == Integer.class) {
      v = row.integer(column, Integer.MIN_VALUE, Integer.MAX_VALUE, null);
    } else if (fact.type().isEnum()) {
      v = row.constant(column, fact.type());
    } else {
      v = row.text(column);
    }
    b.put(fact, v);
  }

  private static Object element(Class<?> type, String value) {
    if (type == String.class) {
      return value;
    }
    if (type == Integer.class) {
      return Integer.valueOf(value);
    }
    if (type == LocalDate.class) {
      return LocalDate.parse(value);
    }
    if (type == Boolean.class && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(value);
    }
    throw new IllegalArgumentException("not a " + type.getSimpleName());
  }

  /** The fact columns of the header, in file order. */
  public List<Fact<?>> facts() {
    return new ArrayList<>(columns.values());
  }
}
