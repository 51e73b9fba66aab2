package io.vtsdk.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of {@code vt.dossiers().get(id)} vs the same GET by hand with OkHttp + Jackson ({@link ClientBenchmark}'s
 * two paths), interleaved: blocks of calls alternate between the two in one JVM, so that drift on a shared machine
 * (other processes, GC, the server's own JIT) hits both alike. Every call is timed; the report gives median, p90, p99
 * and the ratios. JMH's {@code ClientBenchmark} (one fork per path) gives the same figures with less control over
 * drift; on a 2-core machine its run-to-run spread (±15 %) was larger than the difference to be measured.
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.ClientLatencyHarness [rounds] [block]
 * [both|sdk|raw] [sync|async]}; {@code async} compares {@code VtAsyncClient} with OkHttp's {@code enqueue}.
 */
public final class ClientLatencyHarness {
  private ClientLatencyHarness() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    String only = args.length > 2 ? args[2] : "both"; // "sdk" or "raw": one path alone, as JMH's forks do
    boolean async = args.length > 3 && "async".equals(args[3]); // VtAsyncClient vs OkHttp's enqueue
    ClientBenchmark b = new ClientBenchmark();
    b.start();
    try {
      for (int i = 0; i < 20_000; i++) { // warm-up of both paths and of the server
        if (!"raw".equals(only)) {
          call(b, true, async);
        }
        if (!"sdk".equals(only)) {
          call(b, false, async);
        }
      }
      long[] sdk = new long[rounds * block];
      long[] raw = new long[rounds * block];
      int k = 0;
      for (int r = 0; r < rounds; r++) {
        boolean sdkFirst = r % 2 == 0;
        for (int pass = 0; pass < 2; pass++) {
          boolean isSdk = "both".equals(only) ? sdkFirst == (pass == 0) : "sdk".equals(only);
          long[] into = isSdk ? sdk : raw;
          for (int i = 0; i < block; i++) {
            long t0 = System.nanoTime();
            Object d = call(b, isSdk, async);
            into[k + i] = System.nanoTime() - t0;
            if (d == null) {
              throw new IllegalStateException();
            }
          }
        }
        k += block;
      }
      Arrays.sort(sdk);
      Arrays.sort(raw);
      System.out.printf(Locale.ROOT, "%s: %d calls each, interleaved in blocks of %d%n",
          async ? "VtAsyncClient vs OkHttp enqueue" : "VtClient vs OkHttp execute", sdk.length, block);
      System.out.printf(Locale.ROOT, "%-6s %10s %10s %10s%n", "", "p50 µs", "p90 µs", "p99 µs");
      System.out.printf(Locale.ROOT, "%-6s %10.1f %10.1f %10.1f%n", "sdk", p(sdk, .50), p(sdk, .90), p(sdk, .99));
      System.out.printf(Locale.ROOT, "%-6s %10.1f %10.1f %10.1f%n", "raw", p(raw, .50), p(raw, .90), p(raw, .99));
      System.out.printf(Locale.ROOT, "%-6s %10.3f %10.3f %10.3f%n", "ratio", p(sdk, .50) / p(raw, .50),
          p(sdk, .90) / p(raw, .90), p(sdk, .99) / p(raw, .99));
    } finally {
      b.stop();
    }
  }

  private static Object call(ClientBenchmark b, boolean sdk, boolean async) throws Exception {
    return async ? (sdk ? b.sdkAsync() : b.rawAsync()) : (sdk ? b.sdk() : b.raw());
  }

  static double p(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1000.0;
  }
}
