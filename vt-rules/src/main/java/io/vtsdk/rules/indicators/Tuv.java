package io.vtsdk.rules.indicators;

import io.vtsdk.model.PradoVolet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * TUV — taux d'usage VT — exactly as seed 003 defines it:
 *
 * <ul>
 *   <li>numerator: Prado dossiers recorded in VT, accepted by the patient (adhesion) and closed;
 *   <li>denominator: Prado adhesions recorded in OMV and closed;
 *   <li>maternity excluded from both;
 *   <li>month by month, per quarter (the observatory's "2025T2"), 3-month rolling and yearly; per establishment
 *       (FINESS géographique), per volet, per establishment and volet, per region; for chosen CPAMs;
 *   <li>one decimal, half up ({@link Ratio}).
 * </ul>
 *
 * A record counts in the month of its closing date; an open record (no closing date) is not counted. Every group
 * gets a row for every period from the run's first closing month to its last (0/0 when it has no record then): a rolling window or a quarter the
 * total has is never missing from a group. {@link Counter} takes records one at a time (memory: groups × months,
 * not records); {@link #compute} runs it over collections.
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
    REGION,
    /** Per establishment and volet ("690000013 AVC"): the observatory's detailed view. @since 0.2 */
    ESTABLISHMENT_VOLET
  }

  /** How periods are cut. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Period {
    MONTH,
    /** The month and the two before it. */
    ROLLING_3,
    YEAR,
    /** Calendar quarters, labelled as the observatory does: {@code 2025T2}. @since 0.2 */
    QUARTER
  }

  /**
   * One row of the indicator.
   *
   * @param group the establishment's FINESS, the volet, the region, "FINESS VOLET", or "Total"
   * @param period "2026-04", "2026-02..2026-04", "2026", "2026T2", or "2026-01-01..2026-04-30" for a range
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

  /** The TUV per group and period, every group over every period of the run. */
  public static List<Row> compute(Collection<PradoVtRecord> vt, Collection<OmvAdhesionRecord> omv,
      Grouping grouping, Period period) {
    return compute(vt, omv, grouping, period, null);
  }

  /** The same, for the records of the CPAMs in {@code cpams} only (null: all). */
  public static List<Row> compute(Collection<PradoVtRecord> vt, Collection<OmvAdhesionRecord> omv,
      Grouping grouping, Period period, Set<String> cpams) {
    Counter c = new Counter(grouping, cpams);
    vt.forEach(c::add);
    omv.forEach(c::add);
    return c.rows(period);
  }

  /**
   * Counts records one at a time — read an extract record by record into it, then ask the rows. Memory holds one
   * pair of counts per group and month. Not thread-safe.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Counter {
    private final Grouping grouping;
    private final Set<String> cpams;
    private final Map<String, Map<YearMonth, long[]>> byGroup = new TreeMap<>();
    private final SortedSet<YearMonth> months = new TreeSet<>();
    private long open;
    private long outsideCpams;

    /** @param cpams the CPAM codes to keep (a record without a CPAM is then left out), or null for all */
    public Counter(Grouping grouping, Set<String> cpams) {
      this.grouping = Objects.requireNonNull(grouping, "grouping");
      this.cpams = cpams == null ? null : Set.copyOf(cpams);
    }

    public void add(PradoVtRecord r) {
      if (r.closedOn() == null) {
        open++;
      } else if (keeps(r.cpamCode()) && countsInNumerator(r)) {
        cell(group(grouping, r.finessGeographique(), r.volet(), r.region()), r.closedOn())[0]++;
      }
    }

    public void add(OmvAdhesionRecord r) {
      if (r.closedOn() == null) {
        open++;
      } else if (keeps(r.cpamCode()) && countsInDenominator(r)) {
        cell(group(grouping, r.finessGeographique(), r.volet(), r.region()), r.closedOn())[1]++;
      }
    }

    private boolean keeps(String cpam) {
      if (cpams == null || cpams.contains(cpam)) {
        return true;
      }
      outsideCpams++;
      return false;
    }

    /** Records not counted because they are still open (no closing date). */
    public long openRecords() {
      return open;
    }

    /** Records left out by the CPAM filter. */
    public long outsideCpams() {
      return outsideCpams;
    }

    private long[] cell(String group, LocalDate closedOn) {
      YearMonth m = YearMonth.from(closedOn);
      months.add(m);
      return byGroup.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(m, k -> new long[2]);
    }

    /** The rows: every group over every period of the whole run (a group without records in it gets 0/0). */
    public List<Row> rows(Period period) {
      List<Row> rows = new ArrayList<>();
      if (months.isEmpty()) {
        return rows;
      }
      YearMonth first = months.first();
      YearMonth last = months.last();
      for (Map.Entry<String, Map<YearMonth, long[]>> g : byGroup.entrySet()) {
        Map<YearMonth, long[]> cells = g.getValue();
        switch (period) {
          case MONTH -> {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
              rows.add(new Row(g.getKey(), m.toString(), ratio(cells, m)));
            }
          }
          case ROLLING_3 -> {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
              rows.add(new Row(g.getKey(), m.minusMonths(2) + ".." + m, sum(cells, m.minusMonths(2), 3)));
            }
          }
          case QUARTER -> {
            for (YearMonth q = quarterStart(first); !q.isAfter(last); q = q.plusMonths(3)) {
              rows.add(new Row(g.getKey(), q.getYear() + "T" + ((q.getMonthValue() - 1) / 3 + 1), sum(cells, q, 3)));
            }
          }
          default -> {
            for (int y = first.getYear(); y <= last.getYear(); y++) {
              rows.add(new Row(g.getKey(), String.valueOf(y), sum(cells, YearMonth.of(y, 1), 12)));
            }
          }
        }
      }
      return rows;
    }

    private static Ratio sum(Map<YearMonth, long[]> cells, YearMonth from, int months) {
      Ratio sum = ZERO;
      for (int i = 0; i < months; i++) {
        sum = sum.plus(ratio(cells, from.plusMonths(i)));
      }
      return sum;
    }

    private static YearMonth quarterStart(YearMonth m) {
      return YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1);
    }

    private static Ratio ratio(Map<YearMonth, long[]> cells, YearMonth m) {
      long[] c = cells.get(m);
      return c == null ? ZERO : new Ratio(c[0], c[1]);
    }

    private static final Ratio ZERO = new Ratio(0, 0);
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

  private static String group(Grouping g, String finess, PradoVolet volet, String region) {
    return switch (g) {
      case ESTABLISHMENT -> finess;
      case VOLET -> volet.name();
      case REGION -> region == null ? "(sans région)" : region;
      case ESTABLISHMENT_VOLET -> finess + " " + volet.name();
      default -> "Total";
    };
  }
}
