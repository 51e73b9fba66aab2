package io.vtsdk.bench;

import io.vtsdk.rules.indicators.Extracts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code vt indicators} at scale (issue 22): 1,000,000 people with 3,000,000 notifications through {@code vt
 * indicators handicap}, and 1,000,000 Prado records (VT and OMV) through {@code vt indicators tuv}, each run by the
 * real {@code vt.jar} in its own JVM with a small fixed heap. Memory is flat when the same heap carries a ten times
 * larger extract: the harness runs each command on a tenth of the data and on all of it, with the same {@code -Xmx},
 * and reports the wall time and the peak resident memory of each run ({@code /proc/<pid>/status} VmHWM).
 *
 * <p>Run after {@code ./mvnw package}: {@code java -cp vt-bench/target/benchmarks.jar
 * io.vtsdk.bench.IndicatorsScaleHarness [vt.jar] [heap]} (defaults {@code vt-cli/target/vt.jar}, {@code 128m}).
 */
public final class IndicatorsScaleHarness {
  private IndicatorsScaleHarness() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "vt-cli/target/vt.jar");
    String heap = args.length > 1 ? args[1] : "128m";
    Path dir = Files.createTempDirectory("vt-scale");
    try {
      for (int people : new int[] {100_000, 1_000_000}) {
        Path handicap = handicap(dir.resolve("notifications-" + people + ".csv"), people);
        Path vt = dir.resolve("vt-" + people + ".csv");
        Path omv = dir.resolve("omv-" + people + ".csv");
        prado(vt, omv, people);
        report("handicap " + people + " people, " + (3L * people) + " notifications (" + size(handicap) + ")",
            run(jar, heap, "indicators", "handicap", "--extract", handicap.toString()));
        report("tuv " + people + " records (" + size(vt) + " + " + size(omv) + ")",
            run(jar, heap, "indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString(), "--by", "quarter",
                "--group", "establishment-volet"));
        Files.delete(handicap);
        Files.delete(vt);
        Files.delete(omv);
      }
    } finally {
      deleteFlat(dir);
    }
  }

  /** Deletes a directory of plain files (a harness's scratch directory). */
  static void deleteFlat(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      files.forEach(f -> f.toFile().delete());
    }
    Files.deleteIfExists(dir);
  }

  /** People sorted by id, three notifications each, as a people/notifications extract. */
  static Path handicap(Path file, int people) throws IOException {
    Random r = new Random(22);
    String[] deps = {"69", "01", "38", "42", "73", "74", "75", "13"};
    String[] categories = {"183", "182", "255", "449", "188"};
    String[] statuses = {"39", "40", "42", "71", "72", "47", "45", "49"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(Extracts.HANDICAP_HEADER + "\n");
      for (int p = 0; p < people; p++) {
        String dep = deps[r.nextInt(deps.length)];
        LocalDate born = LocalDate.of(1950 + r.nextInt(70), 1 + r.nextInt(12), 1);
        for (int k = 0; k < 3; k++) {
          String status = statuses[r.nextInt(statuses.length)];
          String esmsDep = r.nextInt(5) == 0 ? deps[r.nextInt(deps.length)] : dep;
          LocalDate notified = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(600));
          w.write(String.format(Locale.ROOT, "P%08d,%s,R,%s,%s,%s0000013,%s,%s,R,%s,%s,%s,%s%n", p, dep, born,
              notified, esmsDep, categories[r.nextInt(categories.length)], esmsDep, status, notified,
              status.equals("45") ? "113" : "", status.equals("47") ? notified.plusDays(r.nextInt(400)) : ""));
        }
      }
    }
    return file;
  }

  /** {@code n} records: 70 % OMV adhesions, 30 % VT dossiers, 2,000 establishments, two years, 2 % open. */
  static void prado(Path vt, Path omv, int n) throws IOException {
    Random r = new Random(7);
    String[] volets = {"CHIRURGIE", "BPCO", "INSUFFISANCE_CARDIAQUE", "AVC", "PERSONNES_AGEES", "MATERNITE"};
    try (BufferedWriter v = Files.newBufferedWriter(vt, StandardCharsets.UTF_8);
        BufferedWriter o = Files.newBufferedWriter(omv, StandardCharsets.UTF_8)) {
      v.write(Extracts.PRADO_VT_HEADER + ",cpam\n");
      o.write(Extracts.OMV_HEADER + ",cpam\n");
      for (int i = 0; i < n; i++) {
        int e = r.nextInt(2_000);
        String finess = String.format(Locale.ROOT, "%02d%07d", 1 + e % 95, e);
        String closed = r.nextInt(50) == 0 ? "" : LocalDate.of(2025, 1, 1).plusDays(r.nextInt(730)).toString();
        String volet = volets[r.nextInt(volets.length)];
        String cpam = String.format(Locale.ROOT, "%02d1", 1 + e % 95);
        if (i % 10 < 3) {
          v.write("D" + i + "," + finess + ",R," + volet + "," + (r.nextInt(10) > 0) + "," + closed + "," + cpam
              + "\n");
        } else {
          o.write(finess + ",R," + volet + "," + closed + "," + cpam + "\n");
        }
      }
    }
  }

  record Run(int exit, double seconds, long peakKb, String err) {}

  /** Runs {@code java -Xmx<heap> -jar vt.jar args…}, polling its peak resident memory. */
  static Run run(Path jar, String heap, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap, "-jar", jar.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** The {@code java} of the JVM running the harness. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs a command, polling its peak resident memory (the top process's: {@code ./vt} execs java). */
  static Run run(List<String> command) throws Exception {
    Path out = Files.createTempFile("vt-scale", ".out");
    Path err = Files.createTempFile("vt-scale", ".err");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    long peak = 0;
    Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
    while (p.isAlive()) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
      } catch (IOException gone) {
        // the process ended between the check and the read
      }
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    String errText = Files.readString(err).strip();
    Files.delete(out);
    Files.delete(err);
    return new Run(p.exitValue(), seconds, peak, errText);
  }

  private static void report(String what, Run run) {
    System.out.printf(Locale.ROOT, "%-70s exit %d  %6.1f s  peak RSS %,7d KB  %s%n", what, run.exit(), run.seconds(),
        run.peakKb(), run.err().lines().reduce((a, b) -> b).orElse(""));
  }

  private static String size(Path f) throws IOException {
    return String.format(Locale.ROOT, "%.0f MB", Files.size(f) / 1e6);
  }
}
