package io.vtsdk.charts;

import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.HandicapIndicators.Indicator;
import io.vtsdk.rules.indicators.Ratio;
import io.vtsdk.rules.indicators.Tuv;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The charts of the vt-rules indicators, in French or English: the TUV as lines over periods (one per group), the
 * Handicap indicators as bars per group. What {@code vt indicators --chart} writes, and what the console's observatory
 * page shows.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class IndicatorCharts {
  private IndicatorCharts() {}

  /**
   * At most this many groups get a line or a bar: beyond, a chart is unreadable. The groups with the most records are
   * kept, and the title says how many were left out; the CSV and the report's table have them all.
   */
  public static final int MAX_GROUPS = 12;

  /** The TUV over periods, one line per group (the largest {@value #MAX_GROUPS} by denominator), in percent. */
  public static Chart tuv(List<Tuv.Row> rows, Locale locale) {
    boolean en = english(locale);
    List<String> periods = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(Tuv.Row::period).toList()));
    Map<String, Map<String, Ratio>> byGroup = new LinkedHashMap<>();
    rows.forEach(r -> byGroup.computeIfAbsent(r.group(), k -> new LinkedHashMap<>()).put(r.period(), r.tuv()));
    List<String> groups = largest(byGroup, g -> byGroup.get(g).values().stream().mapToLong(Ratio::denominator).sum());
    Chart.Builder b = Chart.line(title(en ? "TUV (Prado dossiers in VT / OMV adhesions)"
        : "TUV (dossiers Prado dans VT / adhésions OMV)", groups.size(), byGroup.size(), en),
        en ? "Period" : "Période", "TUV (%)").categories(periods);
    for (String g : groups) {
      List<Double> values = new ArrayList<>();
      for (String p : periods) {
        Ratio r = byGroup.get(g).get(p);
        values.add(r == null || r.percent() == null ? null : r.percent().doubleValue());
      }
      b.series(g, values);
    }
    return b.build();
  }

  /**
   * One Handicap indicator as bars per group: people and notifications, the median and 90th percentile in days for
   * an admission delay, events for the impossible admissions.
   *
   * @throws IllegalArgumentException the indicator has no groups to draw ({@link Indicator#PEOPLE} and the totals)
   */
  public static Chart handicap(List<HandicapIndicators.Row> rows, Indicator indicator, Locale locale) {
    Objects.requireNonNull(indicator, "indicator");
    boolean en = english(locale);
    List<HandicapIndicators.Row> mine = rows.stream().filter(r -> r.indicator() == indicator).toList();
    if (mine.stream().allMatch(r -> r.group().equals("Total")) && !mine.isEmpty()) {
      throw new IllegalArgumentException("indicator " + indicator.code() + " is a single total: it has no groups "
          + "to draw");
    }
    Map<String, HandicapIndicators.Row> byGroup = new LinkedHashMap<>();
    mine.forEach(r -> byGroup.put(r.group(), r));
    List<String> groups = largest(byGroup, g -> Math.max(byGroup.get(g).people(), byGroup.get(g).notifications()));
    String x = en ? "Group" : "Groupe";
    String title = title(indicator.label(locale), groups.size(), byGroup.size(), en);
    Chart.Builder b;
    if (indicator.isDelay()) {
      b = Chart.bar(title, x, en ? "Days" : "Jours").categories(groups);
      b.series(en ? "Median" : "Médiane", groups.stream().map(g -> days(byGroup.get(g).delay().median())).toList());
      b.series(en ? "90th percentile" : "90e centile", groups.stream().map(g -> days(byGroup.get(g).delay().p90()))
          .toList());
    } else {
      b = Chart.bar(title, x, en ? "Count" : "Nombre").categories(groups);
      if (mine.stream().anyMatch(r -> r.people() >= 0)) {
        b.series(en ? "People" : "Personnes", groups.stream().map(g -> (double) byGroup.get(g).people()).toList());
      }
      if (mine.stream().anyMatch(r -> r.notifications() >= 0)) {
        b.series(indicator.code().startsWith("impossible") ? (en ? "Impossible admissions" : "Admissions impossibles")
            : "Notifications", groups.stream().map(g -> (double) byGroup.get(g).notifications()).toList());
      }
    }
    return b.build();
  }

  private static <V> List<String> largest(Map<String, V> byGroup, java.util.function.ToLongFunction<String> size) {
    List<String> keep = byGroup.keySet().stream().sorted(Comparator.comparingLong(size).reversed())
        .limit(MAX_GROUPS).toList();
    return byGroup.keySet().stream().filter(keep::contains).toList(); // in the rows' order
  }

  private static String title(String title, int shown, int all, boolean en) {
    return shown == all ? title : title + (en ? " — the " + shown + " largest of " + all + " groups"
        : " — les " + shown + " plus grands des " + all + " groupes");
  }

  private static Double days(java.time.Duration d) {
    return d == null ? null : (double) d.toDays();
  }

  private static boolean english(Locale locale) {
    return locale != null && locale.getLanguage().equals("en");
  }
}
