package io.vtsdk.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The command line as users run it (issue 24's targets): {@code vt fhir validate} on one file, whole process, ≤ 3 s,
 * and on 100 files ≤ 3× one file; {@code vt eligibility} from 1,000 to 1,000,000 CSV records with flat memory (the
 * same small heap for all, peak resident memory reported). Each command runs in its own process through {@code ./vt}
 * (the launcher: C1, serial collector, class-data archive for the file checkers) and, for {@code fhir validate},
 * through plain {@code java -jar vt.jar} with the JVM's defaults, as the reference. A harness, not a test.
 *
 * <p>Run from the repository's root after {@code ./mvnw package}: {@code java -cp vt-bench/target/benchmarks.jar
 * io.vtsdk.bench.CliHarness [runs] [largest eligibility cohort]} (defaults 5, 1000000).
 */
public final class CliHarness {
  private CliHarness() {}

  static final List<String> EXAMPLES = List.of("ESMSBundleResultatRechercheDecisionEvaluation", "ESMSConsent",
      "ESMSDocumentReference", "SDOBundleResultatRechercheNotificationESMS", "SDODocumentReference", "SDOTask");

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int largest = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Path root = Path.of("").toAbsolutePath();
    Path jar = root.resolve("vt-cli/target/vt.jar");
    String state = buildCheck(root).strip();
    if (!"up to date".equals(state) || !Files.exists(jar)) {
      System.out.println("CLI: skipped, ./vt would build first (" + state + "): run ./mvnw package, then this");
      return;
    }
    Path dir = Files.createTempDirectory("vt-cli-bench");
    try {
      List<String> hundred = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String name = EXAMPLES.get(i % EXAMPLES.size());
        Path f = dir.resolve(i + "-" + name + ".json");
        Files.copy(root.resolve("vt-fhir-validation/src/test/resources/sdo-examples/" + name + ".json"), f);
        hundred.add(f.toString());
      }
      String one = hundred.get(1);
      List<String> vt = List.of("bash", root.resolve("vt").toString());
      List<String> plain = List.of(IndicatorsScaleHarness.java(), "-jar", jar.toString());
      time(concat(vt, "fhir", "validate", one)); // writes the launcher's class-data archive, not counted
      double[] viaLauncher = new double[runs];
      double[] viaJar = new double[runs];
      double[] hundredViaLauncher = new double[runs];
      for (int r = 0; r < runs; r++) { // interleaved, so that drift hits all three alike
        viaLauncher[r] = time(concat(vt, "fhir", "validate", one)).seconds();
        viaJar[r] = time(concat(plain, "fhir", "validate", one)).seconds();
        List<String> all = new ArrayList<>(concat(vt, "fhir", "validate"));
        all.addAll(hundred);
        hundredViaLauncher[r] = time(all).seconds();
      }
      double oneFile = median(viaLauncher);
      System.out.printf(Locale.ROOT, "vt fhir validate, whole process, median of %d (s)%n", runs);
      System.out.printf(Locale.ROOT, "| one file, ./vt | %.2f | all %s | target ≤ 3 s |%n", oneFile,
          Arrays.toString(round(viaLauncher)));
      System.out.printf(Locale.ROOT, "| one file, java -jar vt.jar (JVM defaults) | %.2f | all %s | |%n",
          median(viaJar), Arrays.toString(round(viaJar)));
      System.out.printf(Locale.ROOT, "| 100 files, ./vt | %.2f | %.2f× one file | target ≤ 3× |%n",
          median(hundredViaLauncher), median(hundredViaLauncher) / oneFile);

      System.out.println("vt eligibility, CSV of EHPAD facts, -Xmx96m, whole process");
      System.out.println("| records | wall s | peak RSS MB | exit |");
      for (int n = 1_000; n <= largest; n *= 10) {
        Path cohort = cohort(dir.resolve("cohort-" + n + ".csv"), n);
        Path out = dir.resolve("decisions-" + n + ".jsonl");
        IndicatorsScaleHarness.Run run = IndicatorsScaleHarness.run(List.of(IndicatorsScaleHarness.java(),
            "-Xmx96m", "-jar", jar.toString(), "eligibility", "--input", cohort.toString(), "--at", "2026-11-23",
            "-o", out.toString()));
        System.out.printf(Locale.ROOT, "| %,d | %.2f | %.0f | %d |%n", n, run.seconds(), run.peakKb() / 1024.0,
            run.exit());
        Files.delete(cohort);
        Files.deleteIfExists(out);
      }
    } finally {
      IndicatorsScaleHarness.deleteFlat(dir);
    }
  }

  /** {@code n} EHPAD records: age 55–99, AME for 1 in 20, GIR missing for 1 in 10 (the research example's mix). */
  static Path cohort(Path file, int n) throws IOException {
    LocalDate at = LocalDate.of(2026, 11, 23);
    Random random = new Random(42);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,target,/patient/birthDate,/patient/insurance/ame,/medical/gir\n");
      for (int i = 0; i < n; i++) {
        LocalDate birth = at.minusYears(55 + random.nextInt(45)).minusDays(random.nextInt(365));
        boolean ame = random.nextInt(20) == 0;
        String gir = random.nextInt(10) == 0 ? "" : String.valueOf(1 + random.nextInt(6));
        w.write("p" + i + ",EHPAD," + birth + "," + ame + "," + gir + "\n");
      }
    }
    return file;
  }

  /** What {@code VT_BUILD_CHECK=only ./vt} says: "up to date", or why it would build first. */
  private static String buildCheck(Path root) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("vt").toString()).redirectErrorStream(true);
    pb.environment().put("VT_BUILD_CHECK", "only");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static IndicatorsScaleHarness.Run time(List<String> command) throws Exception {
    IndicatorsScaleHarness.Run run = IndicatorsScaleHarness.run(command);
    if (run.exit() > 1) { // 1 is "the file has errors" (the IG's deviating examples): a verdict, not a failure
      throw new IllegalStateException("exit " + run.exit() + ": " + run.err());
    }
    return run;
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] round(double[] values) {
    return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
  }
}
