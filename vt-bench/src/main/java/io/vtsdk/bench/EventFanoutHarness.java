package io.vtsdk.bench;

import io.vtsdk.api.Event;
import io.vtsdk.client.EventStream;
import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.VtClient;
import io.vtsdk.client.VtException;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live fan-out: one client commits dossiers ({@code POST /v1/dossiers}, one {@code dossier.created} event each) while
 * N streams ({@code GET /v1/events/stream}, all opened through one {@link VtClient}, as an application following the
 * feed for many screens would) wait for them. The latency of a delivery is from just before the POST is sent to the
 * moment a stream's listener gets the event; each commit waits until every stream has it, so each sample belongs to
 * exactly one commit. The baseline, in the same run, is one stream. Goal (issue 24): 200 streams, p99 ≤ 50 ms.
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.EventFanoutHarness 1 50 200}.
 */
public final class EventFanoutHarness {
  private EventFanoutHarness() {}

  static final int COMMITS = 200;
  static final int WARM_UP_COMMITS = 100;

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {1, 50, 200}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println(report(sizes));
  }

  /** The table for {@code sizes} streams, the first being the baseline. */
  static String report(int[] sizes) throws Exception {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%d commits per size, one at a time; latency from the POST to each stream's listener%n"
            + "| streams | deliveries | p50 ms | p99 ms | max ms | p99 / p99 of %d | POST alone p50 / p99 ms |%n"
            + "|---|---|---|---|---|---|---|%n",
        COMMITS, sizes[0]));
    double baseline = Double.NaN;
    for (int n : sizes) {
      Run r = run(n);
      double[] ms = r.deliveries();
      double p99 = percentile(ms, 0.99);
      if (Double.isNaN(baseline)) {
        baseline = p99;
      }
      out.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f / %.2f |%n", n, ms.length,
          percentile(ms, 0.50), p99, ms[ms.length - 1], p99 / baseline, percentile(r.posts(), 0.50),
          percentile(r.posts(), 0.99)));
    }
    return out.toString();
  }

  /** Sorted latencies (ms): of each delivery, and of each POST alone (until its answer). */
  record Run(double[] deliveries, double[] posts) {}

  /** {@link #COMMITS} commits to {@code n} streams. */
  static Run run(int n) throws Exception {
    try (ReferenceServer server = ReferenceServer.builder().demoDossiers(false).build().start()) {
      String token = server.demoToken(Role.REQUESTER);
      VtClient client = VtClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(token)).build();
      VtFixtures fx = VtFixtures.seeded(n, LocalDate.of(2026, 11, 23));
      AtomicReference<CountDownLatch> pending = new AtomicReference<>(new CountDownLatch(0));
      AtomicReference<Long> sentAt = new AtomicReference<>(0L);
      List<Double> samples = java.util.Collections.synchronizedList(new ArrayList<>());
      Failures failures = new Failures();
      List<EventStream> streams = new ArrayList<>();
      double[] posts = new double[COMMITS];
      try {
        for (int i = 0; i < n; i++) {
          streams.add(client.events().stream(null, new EventStream.Listener() {
            @Override
            public void onEvent(Event e) {
              if ("dossier.created".equals(e.type())) {
                samples.add((System.nanoTime() - sentAt.get()) / 1e6);
                pending.get().countDown();
              }
            }

            @Override
            public void onFailure(VtException failure, boolean retrying) {
              failures.add(failure.getClass().getSimpleName() + " " + failure.getMessage());
            }
          }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (streams.stream().anyMatch(s -> !s.isConnected())) {
          if (System.nanoTime() > deadline) {
            long open = streams.stream().filter(EventStream::isConnected).count();
            throw new IllegalStateException(open + " of " + n + " streams connected after 30 s; failures: "
                + failures);
          }
          Thread.sleep(5);
        }
        for (int i = 0; i < WARM_UP_COMMITS + COMMITS; i++) {
          if (i == WARM_UP_COMMITS) {
            samples.clear();
          }
          Dossier draft = fx.dossier(VtModule.SANITAIRE).build();
          CountDownLatch all = new CountDownLatch(n);
          pending.set(all);
          sentAt.set(System.nanoTime());
          client.dossiers().create(draft);
          if (i >= WARM_UP_COMMITS) {
            posts[i - WARM_UP_COMMITS] = (System.nanoTime() - sentAt.get()) / 1e6;
          }
          if (!all.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("commit " + i + ": " + all.getCount() + " of " + n
                + " streams did not get the event in 10 s; failures: " + failures);
          }
        }
      } finally {
        streams.forEach(EventStream::close);
      }
      double[] ms = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      if (ms.length != (long) COMMITS * n) {
        throw new IllegalStateException(ms.length + " deliveries, not " + COMMITS * n);
      }
      Arrays.sort(posts);
      return new Run(ms, posts);
    }
  }

  static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** Distinct failure descriptions, for the message when streams do not connect. */
  private static final class Failures {
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();

    void add(String s) {
      seen.add(s);
    }

    @Override
    public String toString() {
      return seen.toString();
    }
  }
}
