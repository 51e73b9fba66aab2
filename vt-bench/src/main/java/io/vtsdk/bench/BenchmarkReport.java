package io.vtsdk.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One command for the whole proof (issue 8): runs the JMH suites and the harnesses, each against its baseline in the
 * same run, and writes a Markdown table of every goal with our figure, the baseline's, and the ratio.
 *
 * <p>Run: {@code java -jar vt-bench/target/benchmarks.jar} is JMH's own runner; this one is
 * {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.BenchmarkReport [out.md] [jmh include regex]}
 * (about 15 minutes on 2 cores; 3 × 1 s warm-up, 5 × 2 s measurement, 1 fork — read the error bars).
 * {@code -Dvt.bench.quick=true} only checks that the report runs end to end.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "vt-bench/target/benchmark-report.md");
    boolean quick = Boolean.getBoolean("vt.bench.quick"); // a smoke run of the report itself, minutes not figures
    Options options = new OptionsBuilder()
        .include(args.length > 1 ? args[1]
            : "IdentifierBenchmark|PradoDecisionBenchmark|FhirMappingBenchmark|ClientBenchmark|PscTokenBenchmark")
        .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 1 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .forks(1).build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.',
          r.getParams().getBenchmark().lastIndexOf('.') - 1) + 1);
      String param = r.getParams().getParamsKeys().isEmpty() ? ""
          : "[" + r.getParams().getParam(r.getParams().getParamsKeys().iterator().next()) + "]";
      byName.put(method + param, r);
    }

    StringBuilder md = new StringBuilder();
    md.append("# Benchmark report, ").append(LocalDate.now()).append("\n\n");
    md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
        .append(". Every ratio compares two figures measured in this run.\n\n");
    md.append("| goal | ours | baseline | ratio | target |\n|---|---|---|---|---|\n");
    row(md, "Nir.isValid vs regex + BigInteger (ops/µs; ratio = time)", byName, "IdentifierBenchmark.nirIsValid",
        "IdentifierBenchmark.nirBaselineRegexBigInteger", true, "faster");
    for (String scenario : new String[] {"eligible", "ineligible", "incomplete"}) {
      row(md, "Prado decision with trace vs if-chain, " + scenario + " (ops/µs; ratio = time)", byName,
          "PradoDecisionBenchmark.engine[" + scenario + "]", "PradoDecisionBenchmark.ifChain[" + scenario + "]", true,
          "≤ 2×");
    }
    for (String m : new String[] {"SANITAIRE", "HANDICAP"}) {
      row(md, "dossier → Bundle JSON vs HAPI encode, " + m + " (µs)", byName,
          "FhirMappingBenchmark.mapAndEncode[" + m + "]", "FhirMappingBenchmark.hapiEncode[" + m + "]", false,
          "≤ 1.3×");
      row(md, "parse + map vs HAPI parse, " + m + " (µs)", byName, "FhirMappingBenchmark.parseAndMap[" + m + "]",
          "FhirMappingBenchmark.hapiParse[" + m + "]", false, "≤ 1.3×");
    }
    row(md, "client get vs raw OkHttp + Jackson, JMH forked (mean µs)", byName, "ClientBenchmark.sdk",
        "ClientBenchmark.raw", false, "≤ 1.1×");
    row(md, "PSC access token verified (JWKS cached) vs Nimbus parse + RS256 alone (ops/s; ratio = time)", byName,
        "PscTokenBenchmark.verifierRemoteJwksCached", "PscTokenBenchmark.bareSignature", true, "≥ 10,000/s");

    md.append("\n## Harnesses (their own output)\n\n```\n");
    md.append(capture(() -> ClientLatencyHarness.main(quick ? new String[] {"2", "500"} : new String[] {"20", "2000"})));
    md.append(capture(() -> EventSyncHarness.main(quick ? new String[] {"2000"} : new String[] {"10000", "100000"})));
    md.append(capture(() -> WorkflowLoadHarness.main(quick ? new String[] {"5", "3"} : new String[] {"50", "30"})));
    md.append(capture(() -> ServerLoadHarness.run(quick ? new String[] {"1", "2", "3000"}
        : new String[] {"5", "4", "60000"})));
    md.append("```\n");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.println(md);
    System.out.println("written to " + out);
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
