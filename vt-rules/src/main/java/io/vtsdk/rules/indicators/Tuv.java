package io.vtsdk.rules.indicators;

import io.vtsdk.model.PradoVolet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * TUV — taux d'usage VT — exactly as seed 003 defines it:
 *
 * <ul>
 *   <li>numerator: Prado dossiers recorded in VT, accepted by the patient (adhesion) and closed;
 *   <li>denominator: Prado adhesions recorded in OMV and closed;
 *   <li>maternity excluded from both;
 *   <li>month by month, 3-month rolling and yearly; per establishment (FINESS géographique), per volet, per region;
 *   <li>one decimal, half up ({@link Ratio}).
 * </ul>
 *
 * A record counts in the month of its closing date. Pure functions: no I/O, inputs untouched.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Tuv {
  private Tuv() {}

  /** How rows are grouped. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Grouping {
    ALL,
    ESTABLISHMENT,
    VOLET,
    REGION
  }

  /** How periods are cut. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Period {
    MONTH,
    /** The month and the two before it. */
    ROLLING_3,
    YEAR
  }

  /**
   * One row of the indicator.
   *
   * @param group the establishment's FINESS, the volet, the region, or "Total"
   * @param period "2026-04", "2026-02..2026-04", "2026", or "2026-01-01..2026-04-30" for a range
   */
  @API(status = API.Status.STABLE, since = "0.1")
  public record Row(String group, String period, Ratio tuv) {}

  /** The TUV over {@code [from, to]} (inclusive) per group — the shape of the seed's regional table. */
  public static List<Row> over(Collection<PradoVtRecord> vt, Collection<OmvAdhesionRecord> omv, Grouping grouping,
      LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("period end " + to + " is before its start " + from);
    }
    String label = from + ".." + to;
    Map<String, long[]> counts = new TreeMap<>();
    for (PradoVtRecord r : vt) {
      if (countsInNumerator(r) && within(r.closedOn(), from, to)) {
        counts.computeIfAbsent(group(grouping, r.finessGeographique(), r.volet(), r.region()), k -> new long[2])[0]++;
      }
    }
    for (OmvAdhesionRecord r : omv) {
      if (countsInDenominator(r) && within(r.closedOn(), from, to)) {
        counts.computeIfAbsent(group(grouping, r.finessGeographique(), r.volet(), r.region()), k -> new long[2])[1]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((g, c) -> rows.add(new Row(g, label, new Ratio(c[0], c[1]))));
    return rows;
  }

  /** The TUV per group and period (every month that has data; rolling and yearly periods ending in such a month). */
  public static List<Row> compute(Collection<PradoVtRecord> vt, Collection<OmvAdhesionRecord> omv,
      Grouping grouping, Period period) {
    Map<String, Map<YearMonth, long[]>> byGroup = new TreeMap<>();
    for (PradoVtRecord r : vt) {
      if (countsInNumerator(r)) {
        cell(byGroup, group(grouping, r.finessGeographique(), r.volet(), r.region()), r.closedOn())[0]++;
      }
    }
    for (OmvAdhesionRecord r : omv) {
      if (countsInDenominator(r)) {
        cell(byGroup, group(grouping, r.finessGeographique(), r.volet(), r.region()), r.closedOn())[1]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<YearMonth, long[]>> g : byGroup.entrySet()) {
      Map<YearMonth, long[]> months = g.getValue();
      switch (period) {
        case MONTH:
          months.forEach((m, c) -> rows.add(new Row(g.getKey(), m.toString(), new Ratio(c[0], c[1]))));
          break;
        case ROLLING_3:
          for (YearMonth m : months.keySet()) {
            Ratio sum = new Ratio(0, 0);
            for (int i = 0; i < 3; i++) {
              long[] c = months.get(m.minusMonths(i));
              sum = c == null ? sum : sum.plus(new Ratio(c[0], c[1]));
            }
            rows.add(new Row(g.getKey(), m.minusMonths(2) + ".." + m, sum));
          }
          break;
        default:
          Map<Integer, Ratio> years = new TreeMap<>();
          months.forEach((m, c) -> years.merge(m.getYear(), new Ratio(c[0], c[1]), Ratio::plus));
          years.forEach((y, r) -> rows.add(new Row(g.getKey(), String.valueOf(y), r)));
      }
    }
    return rows;
  }

  static boolean countsInNumerator(PradoVtRecord r) {
    return r.volet() != PradoVolet.MATERNITE && r.adhesion() && r.closedOn() != null;
  }

  static boolean countsInDenominator(OmvAdhesionRecord r) {
    return r.volet() != PradoVolet.MATERNITE && r.closedOn() != null;
  }

  private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  private static long[] cell(Map<String, Map<YearMonth, long[]>> byGroup, String group, LocalDate closedOn) {
    return byGroup.computeIfAbsent(group, k -> new TreeMap<>())
        .computeIfAbsent(YearMonth.from(closedOn), k -> new long[2]);
  }

  private static String group(Grouping g, String finess, PradoVolet volet, String region) {
    switch (g) {
      case ESTABLISHMENT:
        return finess;
      case VOLET:
        return volet.name();
      case REGION:
        return region == null ? "(sans région)" : region;
      default:
        return "Total";
    }
  }
}
