package io.vtsdk.bench;

import io.vtsdk.client.VtClient;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
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
 * The durable server (issue 16): how long a restart takes on a SQLite data directory holding N dossiers (as after
 * {@code kill -9}: the write-ahead log not merged), and on an H2 file for comparison, against the start of an empty
 * in-memory server measured in the same run; and the creation throughput through vt-client. A harness, not a test.
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.DurableRestartHarness 1000 10000 100000}.
 */
public final class DurableRestartHarness {
  private DurableRestartHarness() {}

  @SuppressWarnings("try") // the resource is held open while the body runs
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 10_000);
    }
    long baseline = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
        baseline = Math.min(baseline, System.nanoTime() - t0);
      }
    }
    System.out.printf(Locale.ROOT, "in-memory start (baseline): %.0f ms%n", baseline / 1e6);
    for (int n : sizes) {
      Path dir = Files.createTempDirectory("vt-restart-");
      Path crashed = Files.createTempDirectory("vt-restart-crashed-");
      try {
        try (ReferenceServer vt = ReferenceServer.builder().dataDir(dir).build().start()) {
          long t0 = System.nanoTime();
          int http = Math.min(n, 2_000);
          create(vt, http);
          double seconds = (System.nanoTime() - t0) / 1e9;
          System.out.printf(Locale.ROOT, "%d creations through vt-client (8 threads): %.0f/s%n", http,
              http / seconds);
          load(vt, n - http);
          copy(dir, crashed); // as kill -9 leaves it: the write-ahead log not merged into the database
        }
        long clean = time(dir);
        long crash = time(crashed);
        System.out.printf(Locale.ROOT, "%d dossiers: restart after a clean stop %.0f ms (%.1fx), after a crash "
            + "%.0f ms (%.1fx); database %d MiB%n", n, clean / 1e6, clean / (double) baseline, crash / 1e6,
            crash / (double) baseline, Files.size(dir.resolve("vt.db")) >> 20);
      } finally {
        delete(dir);
        delete(crashed);
      }
    }
  }

  private static long time(Path dir) {
    long t0 = System.nanoTime();
    ReferenceServer vt = ReferenceServer.builder().dataDir(dir).build().start();
    long elapsed = System.nanoTime() - t0;
    vt.close();
    return elapsed;
  }

  /** Loads {@code n} more dossiers in batches of 1,000 (one transaction each): the fast way to a large database. */
  private static void load(ReferenceServer vt, int n) {
    VtFixtures fx = VtFixtures.seeded(99, LocalDate.now(java.time.ZoneOffset.UTC));
    int id = 0;
    for (int done = 0; done < n; ) {
      int batch = Math.min(1_000, n - done);
      io.vtsdk.model.dossier.Dossier[] ds = new io.vtsdk.model.dossier.Dossier[batch];
      for (int i = 0; i < batch; i++) {
        ds[i] = fx.dossier(VtModule.SANITAIRE).build().withId(io.vtsdk.model.DossierId.of("BULK-" + id++));
      }
      vt.load(ds);
      done += batch;
    }
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
        if (!f.getFileName().toString().endsWith(".lock")) {
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
