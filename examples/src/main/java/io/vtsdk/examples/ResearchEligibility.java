package io.vtsdk.examples;

import io.vtsdk.rules.Decision;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.rules.csv.CsvTable;
import io.vtsdk.rules.csv.FactsCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Example 4 — a researcher: eligibility over a generated CSV of synthetic records in Java with the vt-rules API (its
 * CSV binder, {@link FactsCsv}); the
 * same file goes through {@code vt eligibility} on the command line (the command is printed), which gives the same
 * counts (vt-cli's {@code EligibilityCommandTest} checks that they agree).
 *
 * <p>Run: {@code ./mvnw -q -pl examples exec:java@research} (100,000 records; no server needed).
 */
public final class ResearchEligibility {
  private ResearchEligibility() {}

  static final LocalDate AT = LocalDate.of(2026, 11, 23);

  public static void main(String[] args) throws IOException {
    run(100_000, Files.createTempDirectory("vt-research"), System.out);
  }

  /** Runs the example over {@code n} records; returns the counts per result of the Java run. */
  static Map<Decision.Result, Long> run(int n, Path dir, PrintStream out) throws IOException {
    // 1. a synthetic cohort: EHPAD candidates with a birth date, an AME answer and a GIR
    Path csv = dir.resolve("cohort.csv");
    Random random = new Random(42);
    StringBuilder sb = new StringBuilder("id,target,/patient/birthDate,/patient/insurance/ame,/medical/gir\n");
    for (int i = 0; i < n; i++) {
      LocalDate birth = AT.minusYears(55 + random.nextInt(45)).minusDays(random.nextInt(365));
      String gir = random.nextInt(10) == 0 ? "" : String.valueOf(1 + random.nextInt(6));
      sb.append("p").append(i).append(",EHPAD,").append(birth).append(',').append(random.nextInt(20) == 0)
          .append(',').append(gir).append('\n');
    }
    Files.writeString(csv, sb);
    out.println("1. cohort: " + n + " records in " + csv);

    // 2. the same file with the command line: one decision per record, and a summary
    out.println("2. on the command line: ./vt eligibility --input " + csv + " --at " + AT
        + " --format csv -o " + dir.resolve("decisions.csv"));

    // 3. the same in Java with vt-rules: the CSV binder turns each line into facts (the header names them), one
    //    engine, pure functions — what vt eligibility runs, line by line, in flat memory
    RuleEngine engine = RuleEngine.standard();
    Map<Decision.Result, Long> counts = new EnumMap<>(Decision.Result.class);
    try (CsvTable table = CsvTable.open(csv, List.of())) {
      FactsCsv binder = FactsCsv.of(table);
      for (CsvTable.Row row; (row = table.next()) != null; ) {
        Decision d = engine.evaluate(binder.target(row), binder.facts(row), AT);
        counts.merge(d.result(), 1L, Long::sum);
      }
    }
    out.println("3. vt-rules in Java: " + counts);
    return counts;
  }

}
