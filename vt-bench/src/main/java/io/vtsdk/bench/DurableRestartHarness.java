package io.vtsdk.bench;

import io.vtsdk.client.VtClient;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.testkit.ReferenceServer;
import io.vtsdk.testkit.fixtures.VtFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;

/**
 * Issue 8, the durable server: how long a restart takes after N acknowledged writes, replaying the whole journal (as
 * after {@code kill -9}) or reading the snapshot written at a clean stop, against the start of an empty in-memory
 * server measured in the same run. A harness, not a test.
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.DurableRestartHarness 20000}.
 */
public final class DurableRestartHarness {
  private DurableRestartHarness() {}

  public static void main(String[] args) throws Exception {
    int writes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path dir = Files.createTempDirectory("vt-restart-");
    Path crashed = Files.createTempDirectory("vt-restart-crashed-");
    try {
      long baseline = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
          baseline = Math.min(baseline, System.nanoTime() - t0);
        }
      }
      long loadStart = System.nanoTime();
      try (ReferenceServer vt = ReferenceServer.builder().dataDir(dir).snapshotEvery(Long.MAX_VALUE).build()
          .start()) {
        create(vt, writes);
        double seconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf(Locale.ROOT, "%d creations through vt-client (8 threads): %.0f/s, journal %s%n", writes,
            writes / seconds, vt.state().get("journalBytes"));
        copy(dir, crashed); // the directory as kill -9 would leave it: the whole journal, no snapshot
      } // close: a snapshot
      long replay = time(crashed);
      long snapshot = time(dir);
      System.out.printf(Locale.ROOT, "start, empty in memory (baseline): %.0f ms%n", baseline / 1e6);
      System.out.printf(Locale.ROOT, "restart replaying %d journal records: %.0f ms (%.1fx; %.0f records/s)%n",
          writes + 2, replay / 1e6, replay / (double) baseline, (writes + 2) / (replay / 1e9));
      System.out.printf(Locale.ROOT, "restart from the snapshot: %.0f ms (%.1fx)%n", snapshot / 1e6,
          snapshot / (double) baseline);
    } finally {
      delete(dir);
      delete(crashed);
    }
  }

  private static long time(Path dir) {
    long t0 = System.nanoTime();
    ReferenceServer vt = ReferenceServer.builder().dataDir(dir).snapshotEvery(Long.MAX_VALUE).build().start();
    long elapsed = System.nanoTime() - t0;
    vt.close();
    return elapsed;
  }

  private static void create(ReferenceServer vt, int n) throws Exception {
    VtClient client = WorkflowLoadHarness.client(vt, new OkHttpClient(), vt.demoToken(Role.REQUESTER));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int seed = t;
      work.add(pool.submit(() -> {
        VtFixtures fx = VtFixtures.seeded(seed, LocalDate.now(java.time.ZoneOffset.UTC));
        for (int i = seed; i < n; i += 8) {
          client.dossiers().create(fx.dossier(VtModule.SANITAIRE).build());
        }
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
  }

  private static void copy(Path from, Path to) throws Exception {
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  private static void delete(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
