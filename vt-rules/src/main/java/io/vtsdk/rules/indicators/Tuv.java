package io.vtsdk.rules.indicators;

import io.vtsdk.model.PradoVolet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
    ESTABLISHMENT_VOLET;

    /** Its name on a command line or in a query: {@code establishment-volet}. @since 0.2 */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The grouping of a {@link #code()}, any case.
     *
     * @throws IllegalArgumentException naming the codes
     */
    public static Grouping of(String code) {
      return Tuv.of(Grouping.values(), Grouping::code, code);
    }
  }

  /** How periods are cut. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Period {
    MONTH,
    /** The month and the two before it. */
    ROLLING_3,
    YEAR,
    /** Calendar quarters, labelled as the observatory does: {@code 2025T2}. @since 0.2 */
    QUARTER;

    /** Its name on a command line or in a query: {@code month}, {@code rolling3}, {@code quarter}, {@code year}. */
    public String code() {
      return this == ROLLING_3 ? "rolling3" : name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The period of a {@link #code()}, any case.
     *
     * @throws IllegalArgumentException naming the codes
     */
    public static Period of(String code) {
      return Tuv.of(Period.values(), Period::code, code);
    }
  }

  private static <E> E of(E[] values, java.util.function.Function<E, String> code, String value) {
    for (E e : values) {
      if (code.apply(e).equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException("expected one of " + java.util.Arrays.stream(values).map(code)
        .collect(java.util.stream.Collectors.joining(", ")));
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
   * pair of counts per group and month (a hash of groups, each an array of months): a record costs a hash look-up
   * and an increment. Not thread-safe.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Counter {
    private final Grouping grouping;
    private final Set<String> cpams;
    private final Map<String, Cells> byGroup = new HashMap<>();
    private int firstMonth = Integer.MAX_VALUE;
    private int lastMonth = Integer.MIN_VALUE;
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
        count(group(grouping, r.finessGeographique(), r.volet(), r.region()), r.closedOn(), 0);
      }
    }

    public void add(OmvAdhesionRecord r) {
      if (r.closedOn() == null) {
        open++;
      } else if (keeps(r.cpamCode()) && countsInDenominator(r)) {
        count(group(grouping, r.finessGeographique(), r.volet(), r.region()), r.closedOn(), 1);
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

    private void count(String group, LocalDate closedOn, int side) {
      int m = closedOn.getYear() * 12 + closedOn.getMonthValue() - 1;
      if (m < firstMonth) {
        firstMonth = m;
      }
      if (m > lastMonth) {
        lastMonth = m;
      }
      Cells c = byGroup.get(group);
      if (c == null) {
        c = new Cells(m);
        byGroup.put(group, c);
      }
      c.add(m, side);
    }

    /** The rows: every group over every period of the whole run (a group without records in it gets 0/0). */
    public List<Row> rows(Period period) {
      List<Row> rows = new ArrayList<>();
      if (byGroup.isEmpty()) {
        return rows;
      }
      YearMonth first = month(firstMonth);
      YearMonth last = month(lastMonth);
      for (Map.Entry<String, Cells> g : new TreeMap<>(byGroup).entrySet()) {
        Cells cells = g.getValue();
        switch (period) {
          case MONTH -> {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
              rows.add(new Row(g.getKey(), m.toString(), cells.sum(index(m), 1)));
            }
          }
          case ROLLING_3 -> {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
              rows.add(new Row(g.getKey(), m.minusMonths(2) + ".." + m, cells.sum(index(m) - 2, 3)));
            }
          }
          case QUARTER -> {
            for (YearMonth q = quarterStart(first); !q.isAfter(last); q = q.plusMonths(3)) {
              rows.add(new Row(g.getKey(), q.getYear() + "T" + ((q.getMonthValue() - 1) / 3 + 1),
                  cells.sum(index(q), 3)));
            }
          }
          default -> {
            for (int y = first.getYear(); y <= last.getYear(); y++) {
              rows.add(new Row(g.getKey(), String.valueOf(y), cells.sum(y * 12, 12)));
            }
          }
        }
      }
      return rows;
    }

    private static YearMonth month(int index) {
      return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    private static int index(YearMonth m) {
      return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    private static YearMonth quarterStart(YearMonth m) {
      return YearMonth.of(m.getYear(), (m.getMonthValue() - 1) / 3 * 3 + 1);
    }

    private static final Ratio ZERO = new Ratio(0, 0);

    /** One group's counts: numerator and denominator per month, from its first month on, grown as needed. */
    private static final class Cells {
      private int base;
      private long[] counts = new long[2 * 12];

      Cells(int month) {
        this.base = month;
      }

      void add(int month, int side) {
        if (month < base) { // an earlier month: exactly the months missing in front (at most the run's span)
          int shift = base - month;
          long[] grown = new long[counts.length + 2 * shift];
          System.arraycopy(counts, 0, grown, 2 * shift, counts.length);
          counts = grown;
          base = month;
        } else if (2 * (month - base) + 1 >= counts.length) { // a later one: up to it, and a year more
          counts = java.util.Arrays.copyOf(counts, 2 * (month - base + 1 + 12));
        }
        counts[2 * (month - base) + side]++;
      }

      /** The ratio over {@code months} months from the month index {@code from}. */
      Ratio sum(int from, int months) {
        long n = 0;
        long d = 0;
        for (int m = Math.max(from, base); m < from + months; m++) {
          int i = 2 * (m - base);
          if (i + 1 >= counts.length) {
            break;
          }
          n += counts[i];
          d += counts[i + 1];
        }
        return n == 0 && d == 0 ? ZERO : new Ratio(n, d);
      }
    }
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
