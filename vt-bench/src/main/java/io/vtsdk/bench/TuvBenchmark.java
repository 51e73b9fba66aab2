package io.vtsdk.bench;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import io.vtsdk.rules.indicators.Tuv;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Prado TUV over 1,000,000 records (issue 22: ≤ 1.5× a plain loop over the same arrays): vt-rules'
 * {@link Tuv.Counter} — the definition's filters (maternity, adhesion, open records), the grouping, every group over
 * every period in its rows — against the loop one writes by hand for the same table: the same filters, a hash of
 * groups, an array of months, the same rows' counts. Both read the same record arrays (700,000 OMV adhesions,
 * 300,000 VT dossiers, 2,000 establishments, two years, 2 % open). One thread.
 *
 * <p>Run: {@code java -jar vt-bench/target/benchmarks.jar TuvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TuvBenchmark {
  static final int RECORDS = 1_000_000;
  static final int FIRST_MONTH = 2025 * 12;

  @Param({"ESTABLISHMENT", "VOLET"})
  public Tuv.Grouping grouping;

  PradoVtRecord[] vt;
  OmvAdhesionRecord[] omv;

  @Setup
  public void records() {
    Random r = new Random(22);
    String[] finess = new String[2_000];
    for (int i = 0; i < finess.length; i++) {
      finess[i] = String.format("%02d%07d", 1 + i % 95, i);
    }
    PradoVolet[] volets = PradoVolet.values();
    int vtCount = RECORDS * 3 / 10;
    vt = new PradoVtRecord[vtCount];
    omv = new OmvAdhesionRecord[RECORDS - vtCount];
    for (int i = 0; i < omv.length; i++) {
      omv[i] = new OmvAdhesionRecord(finess[r.nextInt(finess.length)], "ARA", volets[r.nextInt(volets.length)],
          r.nextInt(50) == 0 ? null : LocalDate.of(2025, 1, 1).plusDays(r.nextInt(730)), "691");
    }
    for (int i = 0; i < vt.length; i++) {
      vt[i] = new PradoVtRecord("D" + i, finess[r.nextInt(finess.length)], "ARA", volets[r.nextInt(volets.length)],
          r.nextInt(10) > 0, r.nextInt(50) == 0 ? null : LocalDate.of(2025, 1, 1).plusDays(r.nextInt(730)), "691");
    }
  }

  /** vt-rules: the counter, then its rows by month (every group over every month). */
  @Benchmark
  public List<Tuv.Row> counter() {
    Tuv.Counter c = new Tuv.Counter(grouping, null);
    for (PradoVtRecord r : vt) {
      c.add(r);
    }
    for (OmvAdhesionRecord r : omv) {
      c.add(r);
    }
    return c.rows(Tuv.Period.MONTH);
  }

  /** The same table by hand: filters, a hash of groups, a month array per group; the totals as the rows'. */
  @Benchmark
  public long plainLoop() {
    Map<String, long[]> groups = new HashMap<>();
    long open = 0;
    for (PradoVtRecord r : vt) {
      if (r.closedOn() == null) {
        open++;
      } else if (r.volet() != PradoVolet.MATERNITE && r.adhesion()) {
        groups.computeIfAbsent(key(r.finessGeographique(), r.volet()), k -> new long[2 * 24])
            [2 * month(r.closedOn())]++;
      }
    }
    for (OmvAdhesionRecord r : omv) {
      if (r.closedOn() == null) {
        open++;
      } else if (r.volet() != PradoVolet.MATERNITE) {
        groups.computeIfAbsent(key(r.finessGeographique(), r.volet()), k -> new long[2 * 24])
            [2 * month(r.closedOn()) + 1]++;
      }
    }
    long check = open;
    for (long[] cells : groups.values()) { // what the rows hold: a ratio per group and month
      for (int m = 0; m < 24; m++) {
        check += cells[2 * m] * 31 + cells[2 * m + 1];
      }
    }
    return check;
  }

  private String key(String finess, PradoVolet volet) {
    return grouping == Tuv.Grouping.VOLET ? volet.name() : finess;
  }

  private static int month(LocalDate d) {
    return d.getYear() * 12 + d.getMonthValue() - 1 - FIRST_MONTH;
  }
}
