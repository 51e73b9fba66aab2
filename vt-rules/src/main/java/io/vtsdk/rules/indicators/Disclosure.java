package io.vtsdk.rules.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apiguardian.api.API;

/**
 * Statistical disclosure control of the observatory's tables: a row counting from 1 to {@value #THRESHOLD} − 1
 * people is not published (primary suppression), and where a table would then lack exactly one row, its smallest
 * other row is withheld too (secondary suppression), so that a total or the other rows cannot give the withheld one
 * back by subtraction.
 *
 * <p>Source: the CASD's confidentiality rules for outputs of health data (PMSI, SNDS), "aucune case ne doit
 * concerner moins de 11 unités relatives à des nombres de patients, à des nombres de séjours", with its secondary
 * secrecy rule (no reconstitution of a withheld cell by sum or difference) — Centre d'accès sécurisé aux données,
 * "Règles de confidentialité des sorties", p. 17; the same threshold the Health Data Hub's SNDS users cite for
 * aggregated exports. A count of 0 concerns nobody and is published.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Disclosure {
  /** The smallest count of people a published row may have (CASD: no cell under 11). */
  public static final int THRESHOLD = 11;

  private Disclosure() {}

  /** Whether a count of people may be published: 0, or at least {@code threshold}. */
  public static boolean publishable(int threshold, long people) {
    return people <= 0 || people >= threshold;
  }

  /**
   * The rows that may be published under {@code threshold} ({@link #THRESHOLD} by default), in their order.
   * {@code table} puts rows in the same table (a period, an
   * indicator); {@code smallestCount} is a row's smallest count of people (a row with several counts is withheld when
   * any of them is small); {@code total} says which rows are totals (never chosen for secondary suppression, since
   * withholding a total protects nothing the other rows do not give).
   */
  public static <R> List<R> publishable(int threshold, List<R> rows, Function<R, Object> table, ToLongFunction<R> smallestCount,
      java.util.function.Predicate<R> total) {
    Map<Object, List<R>> tables = new LinkedHashMap<>();
    rows.forEach(r -> tables.computeIfAbsent(table.apply(r), k -> new ArrayList<>()).add(r));
    java.util.Set<R> withheld = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (List<R> t : tables.values()) {
      List<R> small = t.stream().filter(r -> !publishable(threshold, smallestCount.applyAsLong(r))).toList();
      withheld.addAll(small);
      if (small.size() == 1) {
        t.stream().filter(r -> !withheld.contains(r) && !total.test(r))
            .min(Comparator.comparingLong(smallestCount)).ifPresent(withheld::add);
      }
    }
    return rows.stream().filter(r -> !withheld.contains(r)).toList();
  }
}
