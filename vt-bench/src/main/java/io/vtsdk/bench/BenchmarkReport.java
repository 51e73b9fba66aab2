package io.vtsdk.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One command for the whole proof (issues 8 and 24): runs the JMH suites and the harnesses, each against its baseline
 * in the same run, and writes a Markdown report: the goals table (our figure, the baseline's, the ratio, the target),
 * then each harness's own table, including the scaling curves (1 → 50 clients, 1k → 100k events, 1k → 1M records).
 *
 * <p>Run from the repository's root after {@code ./mvnw -B -DskipTests install}:
 * {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.BenchmarkReport [out.md] [jmh include regex]}
 * (about 15 minutes on 2 cores; JMH: 3 × 1 s warm-up, 5 × 2 s measurement, 1 fork — read the error bars).
 * {@code -Dvt.bench.quick=true} only checks that the report runs end to end. The engine comparison needs {@code wrk}.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  static final String SUITES = "IdentifierBenchmark.nir(IsValid|BaselineRegexBigInteger)$"
      + "|PradoDecisionBenchmark.(engine|ifChain)$"
      + "|ValidationBenchmark"
      + "|FhirMappingBenchmark.(mapAndEncode|hapiEncode|parseAndMap|hapiParse)$"
      + "|ClientBenchmark"
      + "|PscTokenBenchmark.(verifierRemoteJwksCached|bareSignature)$";

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "vt-bench/target/benchmark-report.md");
    boolean quick = Boolean.getBoolean("vt.bench.quick"); // a smoke run of the report itself, minutes not figures
    long started = System.nanoTime();
    Options options = new OptionsBuilder()
        .include(args.length > 1 ? args[1] : SUITES)
        .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 1 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .forks(1).build();
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : new Runner(options).run()) {
      byName.put(key(r), r);
    }

    StringBuilder md = new StringBuilder();
    md.append("# Benchmark report, ").append(LocalDate.now()).append("\n\n");
    md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
        .append(". Every ratio compares two figures measured in this run; ratio = our time / the baseline's time.\n\n");
    md.append("| goal | ours | baseline | ratio | target |\n|---|---|---|---|---|\n");
    row(md, "Nir.isValid vs regex + BigInteger (ops/µs)", byName, "IdentifierBenchmark.nirIsValid",
        "IdentifierBenchmark.nirBaselineRegexBigInteger", true, "faster");
    for (String scenario : new String[] {"eligible", "ineligible", "incomplete"}) {
      row(md, "Prado decision with full trace vs if-chain, " + scenario + " (M decisions/s)", byName,
          "PradoDecisionBenchmark.engine[" + scenario + "]", "PradoDecisionBenchmark.ifChain[" + scenario + "]", true,
          "≤ 0.8× and ≥ 10 M/s");
    }
    for (String m : new String[] {"SANITAIRE", "HANDICAP"}) {
      for (String scenario : new String[] {"valid", "violations20"}) {
        row(md, "DossierValidator at SUBMISSION vs Hibernate Validator alone, " + m + ", " + scenario + " (µs)",
            byName, "ValidationBenchmark.dossierValidator[" + m + "," + scenario + "]",
            "ValidationBenchmark.hibernateAlone[" + m + "," + scenario + "]", false, "≤ 1.5×");
      }
      row(md, "breakdown: DossierValidator at DRAFT (Default group only), " + m + ", valid (µs)", byName,
          "ValidationBenchmark.dossierValidatorDraft[" + m + ",valid]", "ValidationBenchmark.hibernateAlone[" + m
              + ",valid]", false, "(no target)");
    }
    for (String m : new String[] {"SANITAIRE", "HANDICAP"}) {
      row(md, "dossier → Bundle JSON vs HAPI encode, " + m + " (µs)", byName,
          "FhirMappingBenchmark.mapAndEncode[" + m + "]", "FhirMappingBenchmark.hapiEncode[" + m + "]", false,
          "≤ 1.2×");
      row(md, "parse + map vs HAPI parse, " + m + " (µs)", byName, "FhirMappingBenchmark.parseAndMap[" + m + "]",
          "FhirMappingBenchmark.hapiParse[" + m + "]", false, "≤ 1.2×");
    }
    row(md, "client get vs raw OkHttp + Jackson, JMH (mean µs)", byName, "ClientBenchmark.sdk",
        "ClientBenchmark.raw", false, "≤ 1.05×");
    row(md, "async client get vs OkHttp enqueue + Jackson, JMH (mean µs)", byName, "ClientBenchmark.sdkAsync",
        "ClientBenchmark.rawAsync", false, "≤ 1.05×");
    row(md, "PSC access token verified (JWKS cached) vs Nimbus parse + RS256 alone (ops/s)", byName,
        "PscTokenBenchmark.verifierRemoteJwksCached", "PscTokenBenchmark.bareSignature", true, "≥ 10,000/s");

    section(md, "Client latency, interleaved (target: p50 and p99 ≤ 1.05×)", () -> {
      String[] size = quick ? new String[] {"2", "500"} : new String[] {"20", "2000"};
      ClientLatencyHarness.main(new String[] {size[0], size[1], "both", "sync"});
      ClientLatencyHarness.main(new String[] {size[0], size[1], "both", "async"});
    });
    section(md, "Server vs WireMock 3, same client (targets: GET ≥ 3×, POST ≥ 2×, start ≤ 0.5×)",
        () -> ServerLoadHarness.run(quick ? new String[] {"1", "2", "3000"} : new String[] {"5", "4", "60000"}));
    if (new java.io.File("/usr/bin/wrk").canExecute()) {
      section(md, "The HTTP engine alone, under wrk (target: our GET ≥ 0.6× the bare engine's fixed body)",
          () -> EngineComparison.run(quick ? 2 : 5));
    } else {
      md.append("\n### The HTTP engine alone\n\nskipped: wrk is not installed (Debian package wrk)\n");
    }
    section(md, "Durable (SQLite) vs in-memory workflows, 10 clients (target: ≥ 0.8×)",
        () -> WorkflowLoadHarness.main(new String[] {"10", quick ? "3" : "15", "both"}));
    section(md, "Scaling: mixed workflows from 1 to 50 clients (in memory)", () -> {
      for (int clients : quick ? new int[] {1, 5} : new int[] {1, 5, 10, 25, 50}) {
        WorkflowLoadHarness.main(new String[] {String.valueOf(clients), quick ? "2" : "10"});
      }
    });
    section(md, "Live event fan-out (target: 200 streams, p99 ≤ 50 ms)",
        () -> EventFanoutHarness.main(quick ? new String[] {"1", "20"} : new String[] {"1", "50", "200"}));
    section(md, "Scaling: change-feed sync from 1k to 100k events",
        () -> EventSyncHarness.main(quick ? new String[] {"1000"} : new String[] {"1000", "10000", "100000"}));
    section(md, "The command line (targets: one file ≤ 3 s, 100 files ≤ 3× one; eligibility with flat memory)",
        () -> CliHarness.main(quick ? new String[] {"1", "10000"} : new String[] {"5", "1000000"}));
    section(md, "The vendor's world: import, search on a large directory, counterparts vs answering by hand",
        () -> VendorWorldHarness.main(quick ? new String[] {"1000", "100"} : new String[] {"10000", "1000"}));
    md.append(String.format(Locale.ROOT, "%nThe whole report took %.1f minutes.%n",
        (System.nanoTime() - started) / 60e9));

    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.println(md);
    System.out.println("written to " + out);
    System.exit(0); // the harnesses' HTTP clients may leave non-daemon threads behind
  }

  /** {@code Class.method[param values in the order of their sorted names]}, or {@code Class.method}. */
  static String key(RunResult r) {
    String benchmark = r.getParams().getBenchmark();
    String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    List<String> names = new ArrayList<>(r.getParams().getParamsKeys());
    if (names.isEmpty()) {
      return method;
    }
    Collections.sort(names);
    List<String> values = new ArrayList<>();
    names.forEach(n -> values.add(r.getParams().getParam(n)));
    return method + "[" + String.join(",", values) + "]";
  }

  /** A harness's output under its own heading, as it printed it. */
  private static void section(StringBuilder md, String title, Body body) throws Exception {
    md.append("\n### ").append(title).append("\n\n```\n").append(capture(body)).append("```\n");
  }

  private static void row(StringBuilder md, String goal, Map<String, RunResult> r, String ours, String baseline,
      boolean throughput, String target) {
    RunResult a = r.get(ours);
    RunResult b = r.get(baseline);
    if (a == null || b == null) {
      md.append("| ").append(goal).append(" | missing | missing | | ").append(target).append(" |\n");
      return;
    }
    double sa = a.getPrimaryResult().getScore();
    double sb = b.getPrimaryResult().getScore();
    double ratio = throughput ? sb / sa : sa / sb; // always "our time / baseline time"
    md.append(String.format(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f ± %.2f | **%.2f×** | %s |%n", goal, sa,
        a.getPrimaryResult().getScoreError(), sb, b.getPrimaryResult().getScoreError(), ratio, target));
  }

  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  /** Runs a harness and returns what it printed. */
  private static String capture(Body body) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
