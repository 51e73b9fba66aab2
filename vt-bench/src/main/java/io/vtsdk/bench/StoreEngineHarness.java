package io.vtsdk.bench;

import io.vtsdk.core.InMemoryStore;
import io.vtsdk.core.Principal;
import io.vtsdk.core.FixtureService;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.WriteOptions;
import io.vtsdk.core.spi.Store;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.store.jdbc.JdbcStore;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The store engines side by side, without HTTP: the same VT workflow (create, send, read, accept) through
 * {@link VtCore} on the in-memory store (the baseline, same run), SQLite, H2 and — when {@code VT_TEST_POSTGRES_URL}
 * is set — PostgreSQL; then the time to open each embedded database holding N dossiers. Chose the embedded default
 * (docs/storage.md). A harness, not a test.
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.StoreEngineHarness 4 10 100000}
 * (threads, seconds per engine, dossiers for the open time).
 */
public final class StoreEngineHarness {
  private StoreEngineHarness() {}

  private static final UnitId WARD = ReferenceServer.DEMO_REQUESTER_UNIT;
  private static final UnitId SMR = UnitId.of("SMR-CARDIO-69");

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int dossiers = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    Path dir = Files.createTempDirectory("vt-engines-");
    List<io.vtsdk.model.directory.Unit> directory;
    try (ReferenceServer vt = ReferenceServer.builder().build()) {
      directory = vt.core().directory().all();
    }
    double memory = workflows("in memory", InMemoryStore::new, directory, threads, seconds);
    report("SQLite", workflows("SQLite", () -> JdbcStore.sqlite(dir.resolve("w.db")), directory, threads, seconds),
        memory);
    report("H2", workflows("H2", () -> JdbcStore.builder().url("jdbc:h2:file:" + dir.resolve("w-h2")).build(),
        directory, threads, seconds), memory);
    String pg = System.getenv("VT_TEST_POSTGRES_URL");
    if (pg != null) {
      report("PostgreSQL", workflows("PostgreSQL", () -> JdbcStore.builder().url(pg).credentials(
          System.getenv("VT_TEST_POSTGRES_USER"), System.getenv("VT_TEST_POSTGRES_PASSWORD")).build(), directory,
          threads, seconds), memory);
    }
    open("SQLite", () -> JdbcStore.sqlite(dir.resolve("big.db")), directory, dossiers);
    open("H2", () -> JdbcStore.builder().url("jdbc:h2:file:" + dir.resolve("big-h2")).build(), directory, dossiers);
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void report(String name, double perSecond, double memory) {
    System.out.printf(Locale.ROOT, "  %s / in memory: %.2fx%n", name, perSecond / memory);
  }

  private static VtCore core(Store store, List<io.vtsdk.model.directory.Unit> directory) {
    VtCore core = VtCore.builder().store(store).build();
    core.fixtures().reset(directory);
    return core;
  }

  /** Workflows per second with {@code threads} threads for {@code seconds}. */
  private static double workflows(String name, Supplier<Store> stores, List<io.vtsdk.model.directory.Unit> directory,
      int threads, int seconds) throws Exception {
    try (Store store = stores.get()) {
      VtCore core = core(store, directory);
      Principal ward = new Principal(Role.REQUESTER, WARD, "10003606315");
      Principal smr = new Principal(Role.RECEIVER, SMR, "");
      AtomicLong done = new AtomicLong();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        Thread w = new Thread(() -> {
          VtFixtures fx = VtFixtures.seeded(seed, LocalDate.now(java.time.ZoneOffset.UTC));
          while (System.nanoTime() < end) {
            Dossier d = core.dossiers().create(ward, fx.dossier(VtModule.SANITAIRE)
                .requester(new Requester(WARD, null)).build(), WriteOptions.DEFAULT).value();
            AdmissionRequest r = core.requests().send(ward, d.id(), List.of(SMR), WriteOptions.DEFAULT).value()
                .get(0);
            core.requests().read(smr, r.id(), WriteOptions.DEFAULT);
            core.requests().respond(smr, r.id(), Response.of(ResponseKind.ACCEPTED, null, null, null),
                WriteOptions.DEFAULT);
            done.incrementAndGet();
          }
        });
        w.start();
        workers.add(w);
      }
      for (Thread w : workers) {
        w.join();
      }
      double perSecond = done.get() / (double) seconds;
      System.out.printf(Locale.ROOT, "%s: %.0f workflows/s (%d threads, %d s)%n", name, perSecond, threads, seconds);
      return perSecond;
    }
  }

  /** Fills a database with {@code n} dossiers (batches of 1,000), closes it, and times opening it again. */
  private static void open(String name, Supplier<Store> stores, List<io.vtsdk.model.directory.Unit> directory,
      int n) {
    try (Store store = stores.get()) {
      VtCore core = core(store, directory);
      VtFixtures fx = VtFixtures.seeded(5, LocalDate.now(java.time.ZoneOffset.UTC));
      for (int done = 0; done < n; ) {
        List<FixtureService.Fixture> batch = new ArrayList<>();
        for (int i = 0; i < 1_000 && done < n; i++, done++) {
          batch.add(new FixtureService.Fixture(fx.dossier(VtModule.SANITAIRE)
              .requester(new Requester(WARD, null)).build()
              .withId(io.vtsdk.model.DossierId.of("BULK-" + done)), List.of(), List.of()));
        }
        core.fixtures().load(batch, Locale.FRENCH, false);
      }
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      try (Store store = stores.get()) {
        store.read(tx -> tx.dossiers(0, 1));
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf(Locale.ROOT, "%s holding %d dossiers: opened (integrity check, migrations) in %.0f ms%n", name,
        n, best / 1e6);
  }
}
