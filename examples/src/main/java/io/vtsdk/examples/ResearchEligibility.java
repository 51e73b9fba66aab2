package io.vtsdk.examples;

import io.vtsdk.rules.Decision;
import io.vtsdk.rules.Facts;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.rules.StandardFacts;
import io.vtsdk.rules.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Example 4 — a researcher: eligibility over a generated CSV of synthetic records in Java with the vt-rules API; the
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

    // 3. the same in Java with vt-rules: facts per record, one engine, pure functions
    RuleEngine engine = RuleEngine.standard();
    Map<Decision.Result, Long> counts = new EnumMap<>(Decision.Result.class);
    try (var lines = Files.lines(csv)) {
      lines.skip(1).forEach(line -> {
        String[] c = line.split(",", -1);
        Facts.Builder f = Facts.builder().put(StandardFacts.BIRTH_DATE, LocalDate.parse(c[2]))
            .put(StandardFacts.AME, Boolean.valueOf(c[3]));
        if (!c[4].isEmpty()) {
          f.put(StandardFacts.GIR, Integer.valueOf(c[4]));
        }
        Decision d = engine.evaluate(Target.parse(c[1]), f.build(), AT);
        counts.merge(d.result(), 1L, Long::sum);
      });
    }
    out.println("3. vt-rules in Java: " + counts);
    return counts;
  }

}
