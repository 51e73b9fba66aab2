package io.vtsdk.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.api.Event;
import io.vtsdk.api.Page;
import io.vtsdk.client.TokenProvider;
import io.vtsdk.client.VtClient;
import io.vtsdk.client.WatermarkStore;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Change-feed sync throughput and memory: loads N dossiers into an embedded reference server (one
 * {@code dossier.created} event each), then reads the whole feed with {@link EventSync} (pages of 1000, watermark
 * saved after each event) and, as the baseline in the same run, with a hand-written OkHttp + Jackson paging loop that
 * decodes the same {@code Page<Event>} and keeps no watermark. Heap after a full GC is sampled every 10,000 events
 * during the SDK's sync: flat memory means it does not grow with the number of events handled.
 *
 * <p>Run: {@code java -Xmx4g -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.EventSyncHarness 10000 100000}.
 */
public final class EventSyncHarness {
  private EventSyncHarness() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("%-9s %-14s %-14s %-18s %s%n", "events", "sdk ev/s", "raw ev/s", "sdk time/raw time", "heap after GC"
        + " during the sdk sync (MiB, every 10k events)");
    for (int n : sizes) {
      run(n);
    }
  }

  static void run(int n) throws Exception {
    try (ReferenceServer server = ReferenceServer.builder().demoDossiers(false).build().start()) {
      server.setClock(Instant.parse("2026-11-23T10:15:30Z"));
      VtFixtures fx = VtFixtures.seeded(n, LocalDate.of(2026, 11, 23));
      for (int done = 0; done < n; ) {
        int batch = Math.min(1000, n - done);
        Dossier[] dossiers = new Dossier[batch];
        for (int i = 0; i < batch; i++) {
          dossiers[i] = fx.dossier(VtModule.TND).build();
        }
        server.load(dossiers);
        done += batch;
      }
      String token = server.demoToken(Role.REQUESTER);
      OkHttpClient http = new OkHttpClient();
      VtClient client = VtClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(token))
          .httpClient(http).build();

      // warm-up of both paths on the first pages
      raw(http, server, token, 5_000);
      String c = null;
      for (int i = 0; i < 5; i++) {
        c = client.events().page(c, 1000).nextCursor();
      }

      // timed passes, alternating, best of two each; no GC sampling in them
      double sdkBest = Double.MAX_VALUE;
      double rawBest = Double.MAX_VALUE;
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        int handled = client.events().sync(WatermarkStore.inMemory(), e -> { }).pageSize(1000).syncOnce();
        sdkBest = Math.min(sdkBest, (System.nanoTime() - t0) / 1e9);
        if (handled != n) {
          throw new IllegalStateException("sdk handled " + handled + " of " + n);
        }
        long t1 = System.nanoTime();
        long rawCount = raw(http, server, token, Integer.MAX_VALUE);
        rawBest = Math.min(rawBest, (System.nanoTime() - t1) / 1e9);
        if (rawCount != n) {
          throw new IllegalStateException("raw read " + rawCount + " of " + n);
        }
      }

      // memory pass (untimed): heap after a full GC every 10,000 events handled
      List<Long> heap = new ArrayList<>();
      long[] count = {0};
      heap.add(usedAfterGc());
      client.events().sync(WatermarkStore.inMemory(), e -> {
        if (++count[0] % 10_000 == 0) {
          heap.add(usedAfterGc());
        }
      }).pageSize(1000).syncOnce();
      System.out.printf(Locale.ROOT, "%-9d %-14.0f %-14.0f %-18.2f %s%n", n, n / sdkBest, n / rawBest,
          sdkBest / rawBest, heap);
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The baseline: page through /v1/events by hand, decoding each page; returns how many events were read. */
  static long raw(OkHttpClient http, ReferenceServer server, String token, int max) throws IOException {
    JsonMapper json = VtJson.newMapper();
    TypeReference<Page<Event>> type = new TypeReference<>() {};
    String cursor = "0";
    long read = 0;
    while (read < max) {
      HttpUrl url = HttpUrl.get(server.url("/v1/events").toString()).newBuilder()
          .addQueryParameter("after", cursor).addQueryParameter("limit", "1000").build();
      Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token)
          .header("Accept", "application/json").build();
      try (Response r = http.newCall(request).execute()) {
        if (!r.isSuccessful()) {
          throw new IOException("HTTP " + r.code());
        }
        Page<Event> page = json.readValue(r.body().bytes(), type);
        read += page.items().size();
        if (page.items().isEmpty() || page.nextCursor() == null) {
          return read;
        }
        cursor = page.nextCursor();
      }
    }
    return read;
  }

  static long usedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
