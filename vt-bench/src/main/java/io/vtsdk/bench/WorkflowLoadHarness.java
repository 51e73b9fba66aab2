package io.vtsdk.bench;

import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.VtClient;
import io.vtsdk.client.VtException;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Issue 8, R7: N concurrent clients (vt-client) run mixed workflows against one reference server for a while — a
 * PRADO dossier to the CPAM's adhesion, or an SMR dossier sent to two units, accepted and confirmed — and every call
 * is counted. Reports errors, workflows/s, calls/s and the p50/p99 of a whole workflow. A harness, not a test.
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.WorkflowLoadHarness 50 60 [memory|durable|both]}.
 * {@code durable} runs the server with a data directory (SQLite, every write committed to disk); {@code both} runs
 * the in-memory server first, as the baseline, then the durable one, and prints the ratio.
 */
public final class WorkflowLoadHarness {
  private WorkflowLoadHarness() {}

  /** What one run measured. */
  record Result(long workflows, double workflowsPerSecond, long errors, double p50Millis, double p99Millis) {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    String mode = args.length > 2 ? args[2] : "memory";
    if (!List.of("memory", "durable", "both").contains(mode)) {
      throw new IllegalArgumentException("mode must be memory, durable or both, not " + mode);
    }
    if (mode.equals("both")) {
      run(clients, Math.min(5, seconds), null); // warm-up, so that the baseline does not pay the JIT alone
    }
    Result memory = mode.equals("durable") ? null : run(clients, seconds, null);
    if (mode.equals("memory")) {
      return;
    }
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vt-durable-");
    try {
      Result durable = run(clients, seconds, dir);
      if (memory != null) {
        System.out.printf(Locale.ROOT, "durable / in memory: throughput %.2fx, p99 %.2fx%n",
            durable.workflowsPerSecond() / memory.workflowsPerSecond(), durable.p99Millis() / memory.p99Millis());
      }
    } finally {
      try (var files = java.nio.file.Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** One run against an in-memory server ({@code dataDir} null) or a durable one. */
  static Result run(int clients, int seconds, java.nio.file.Path dataDir) throws Exception {
    ReferenceServer.Builder builder = ReferenceServer.builder().demoDossiers(false).threads(16);
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    try (ReferenceServer vt = builder.build().start()) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(256);
      dispatcher.setMaxRequestsPerHost(256);
      OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(clients * 2, 5, java.util.concurrent.TimeUnit.MINUTES)).build();
      VtClient requester = client(vt, http, vt.demoToken(Role.REQUESTER));
      VtClient cpam = client(vt, http, vt.demoToken(Role.CPAM));
      VtClient smrA = client(vt, http, vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null));
      AtomicLong calls = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      List<long[]> durations = new ArrayList<>();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<long[]>> work = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        int seed = t;
        work.add(pool.submit(() -> {
          VtFixtures fx = VtFixtures.seeded(seed, LocalDate.ofInstant(vt.now(), java.time.ZoneOffset.UTC));
          long[] mine = new long[1_000_000];
          int n = 0;
          for (int i = 0; System.nanoTime() < end; i++) {
            long t0 = System.nanoTime();
            try {
              if (i % 2 == 0) {
                calls.addAndGet(prado(requester, cpam, fx));
              } else {
                calls.addAndGet(smr(requester, smrA, fx));
              }
              mine[n++] = System.nanoTime() - t0;
            } catch (VtException e) {
              errors.incrementAndGet();
            }
          }
          return Arrays.copyOf(mine, n);
        }));
      }
      for (Future<long[]> f : work) {
        durations.add(f.get());
      }
      pool.shutdown();
      long[] all = durations.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      Result result = new Result(all.length, all.length / (double) seconds, errors.get(), all[all.length / 2] / 1e6,
          all[(int) (all.length * 0.99)] / 1e6);
      System.out.printf(Locale.ROOT, "%s, %d clients, %d s: %d workflows (%.0f/s), %d calls (%.0f/s), %d errors;"
          + " workflow p50 %.1f ms, p99 %.1f ms%n", dataDir == null ? "in memory" : "durable", clients, seconds,
          all.length, result.workflowsPerSecond(), calls.get(), calls.get() / (double) seconds, errors.get(),
          result.p50Millis(), result.p99Millis());
      dispatcher.executorService().shutdown();
      return result;
    }
  }

  static VtClient client(ReferenceServer vt, OkHttpClient http, String token) {
    return VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of(token)).httpClient(http).build();
  }

  /** PRADO: create, validate, eligibility, send to the CPAM, the CPAM answers eligible then adhesion: 6 calls. */
  static int prado(VtClient requester, VtClient cpam, VtFixtures fx) {
    Dossier d = requester.dossiers().create(fx.dossier(VtModule.PRADO).build());
    requester.dossiers().validate(d.id(), Stage.SUBMISSION);
    requester.dossiers().eligibility(d.id());
    AdmissionRequest r = requester.dossiers().send(d.id(), List.of(UnitId.of("CPAM-691"))).get(0);
    cpam.requests().respond(r.id(), Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, null, null));
    cpam.requests().respond(r.id(), Response.of(ResponseKind.PRADO_ADHESION, null, null, null));
    return 6;
  }

  /** SMR: create, send to two units, one reads and accepts, the requester confirms: 6 calls. */
  static int smr(VtClient requester, VtClient smr, VtFixtures fx) {
    Dossier d = requester.dossiers().create(fx.dossier(VtModule.SANITAIRE).build());
    List<AdmissionRequest> sent = requester.dossiers().send(d.id(), List.of(UnitId.of("SMR-CARDIO-69"),
        UnitId.of("SMR-POLY-75")));
    AdmissionRequest mine = sent.get(0);
    smr.requests().read(mine.id());
    smr.requests().respond(mine.id(), new Response(ResponseKind.ACCEPTED, null, null, null, null,
        fx.today().plusDays(3)));
    requester.requests().confirmAdmission(mine.id());
    requester.requests().get(mine.id());
    return 6;
  }
}
