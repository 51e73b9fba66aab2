package io.vtsdk.examples;

import io.vtsdk.charts.HtmlReport;
import io.vtsdk.charts.IndicatorCharts;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.rules.indicators.Extracts;
import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.Tuv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Example 6 — a researcher or an observatory: the Prado TUV and the Handicap indicators from extracts, with the
 * vt-rules readers (record by record, open records counted apart, every refusal naming file, line and column) and the
 * vt-charts charts and report. The same files go through {@code vt indicators} (the commands are printed).
 *
 * <p>Run: {@code ./mvnw -q -pl examples exec:java@observatory} (synthetic extracts; no server needed).
 */
public final class ObservatoryFromExtracts {
  private ObservatoryFromExtracts() {}

  public static void main(String[] args) throws IOException {
    run(20_000, Files.createTempDirectory("vt-observatory"), System.out);
  }

  /** Writes {@code n} synthetic Prado dossiers (and their OMV adhesions) and Handicap notifications; returns the TUV. */
  static List<Tuv.Row> run(int n, Path dir, PrintStream out) throws IOException {
    // 1. synthetic extracts: three establishments of Auvergne-Rhône-Alpes, a year of Prado; people on waiting lists
    Path vt = dir.resolve("vt.csv");
    Path omv = dir.resolve("omv.csv");
    Path notifications = dir.resolve("notifications.csv");
    Random r = new Random(7);
    String[] finess = {"690000013", "380000016", "010000011"};
    PradoVolet[] volets = {PradoVolet.AVC, PradoVolet.BPCO, PradoVolet.INSUFFISANCE_CARDIAQUE};
    StringBuilder v = new StringBuilder(Extracts.PRADO_VT_HEADER + ",cpam\n");
    StringBuilder o = new StringBuilder(Extracts.OMV_HEADER + ",cpam\n");
    for (int i = 0; i < n; i++) {
      int e = r.nextInt(3);
      LocalDate closed = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365));
      String cpam = finess[e].substring(0, 2) + "1";
      String row = finess[e] + ",ARA," + volets[r.nextInt(3)] + "," + (r.nextInt(50) == 0 ? "" : closed);
      o.append(row).append(',').append(cpam).append('\n');
      if (r.nextInt(100) < 20 + 15 * e + closed.getMonthValue()) { // a share of them also went through VT
        v.append("D-").append(i).append(',').append(finess[e]).append(",ARA,").append(row.split(",")[2]).append(',')
            .append(r.nextInt(10) > 0).append(',').append(row.split(",", -1)[3]).append(',').append(cpam)
            .append('\n');
      }
    }
    Files.writeString(vt, v);
    Files.writeString(omv, o);
    StringBuilder h = new StringBuilder(Extracts.HANDICAP_HEADER + "\n");
    String[] statuses = {"42", "71", "72", "47", "45"};
    for (int p = 0; p < n / 10; p++) { // sorted by person: the counter reads them in one pass
      String dep = p % 4 == 0 ? "01" : "69";
      for (int k = 0; k <= r.nextInt(3); k++) {
        String status = statuses[r.nextInt(statuses.length)];
        LocalDate notified = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(200));
        h.append(String.format(Locale.ROOT, "P%06d,%s,ARA,%s,%s,690000013,%s,69,ARA,%s,%s,%s,%s%n", p, dep,
            LocalDate.of(1990 + r.nextInt(30), 1, 1), notified, k % 2 == 0 ? "183" : "255", status, notified,
            status.equals("45") ? "113" : "", status.equals("47") ? notified.plusDays(r.nextInt(300)) : ""));
      }
    }
    Files.writeString(notifications, h);
    out.println("1. extracts: " + vt + ", " + omv + ", " + notifications);

    // 2. the same on the command line
    out.println("2. on the command line: ./vt indicators tuv --vt " + vt + " --omv " + omv
        + " --by quarter --group establishment --chart tuv.svg --report tuv.html; ./vt indicators handicap --extract "
        + notifications + " --report handicap.html");

    // 3. in Java: the readers feed the counters one record at a time
    Tuv.Counter tuv = new Tuv.Counter(Tuv.Grouping.ESTABLISHMENT, null);
    Extracts.readPradoVt(vt, tuv::add);
    Extracts.readOmv(omv, tuv::add);
    List<Tuv.Row> rows = tuv.rows(Tuv.Period.QUARTER);
    HandicapIndicators.Counter handicap = new HandicapIndicators.Counter();
    Extracts.readHandicap(notifications, handicap::add);
    List<HandicapIndicators.Row> people = handicap.rows();
    out.println("3. TUV per establishment and quarter: " + rows.size() + " rows, " + tuv.openRecords()
        + " open records not counted; Handicap: " + people.get(0).people() + " people, " + people.get(0)
        .notifications() + " notifications");

    // 4. charts and a self-contained report
    IndicatorCharts.tuv(rows, Locale.FRENCH).write(dir.resolve("tuv.svg"));
    HtmlReport.builder("Observatoire — exemple", Locale.FRENCH)
        .section("TUV par établissement et trimestre", IndicatorCharts.tuv(rows, Locale.FRENCH), null)
        .section(HandicapIndicators.Indicator.WAITING_LIST_BY_DEPARTEMENT.label(Locale.FRENCH), IndicatorCharts
            .handicap(people, HandicapIndicators.Indicator.WAITING_LIST_BY_DEPARTEMENT, Locale.FRENCH), null)
        .build().write(dir.resolve("observatory.html"));
    out.println("4. charts: " + dir.resolve("tuv.svg") + ", report: " + dir.resolve("observatory.html"));
    return rows;
  }
}
