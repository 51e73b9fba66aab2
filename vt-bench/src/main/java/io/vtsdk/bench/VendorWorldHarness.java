package io.vtsdk.bench;

import io.vtsdk.core.DirectoryService.ImportMode;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.counterparts.Behaviour;
import io.vtsdk.server.fixtures.VtFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 38, the vendor's world, each figure against a baseline measured in the same run:
 *
 * <ol>
 *   <li>importing N units (a CSV: read, checked, one transaction) against importing a demo-sized file (per unit);</li>
 *   <li>{@code GET /v1/units?module=SANITAIRE&departement=69} (one match either way) on the demo directory plus N
 *       imported units against the demo directory alone, p50/p99 over HTTP;</li>
 *   <li>M sends answered by a counterpart (the clock moved once) against the same M sends answered by hand through the
 *       API (read, then accept), in memory.</li>
 * </ol>
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.VendorWorldHarness [units] [sends]}
 * (10000 1000). A harness, not a test: nothing here depends on the machine's speed but the figures.
 */
public final class VendorWorldHarness {
  private VendorWorldHarness() {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  public static void main(String[] args) throws Exception {
    int units = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int sends = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Path dir = Files.createTempDirectory("vt-vendor-world-");
    Path big = Files.writeString(dir.resolve("big.csv"), csv(units));
    int demo = ReferenceServer.builder().build().core().directory().all().size();
    Path small = Files.writeString(dir.resolve("small.csv"), csv(demo));
    System.out.printf(Locale.ROOT, "Vendor world (issue 38): %d imported units, demo directory %d units, %d sends; "
        + "%s %s, %d cores%n", units, demo, sends, System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

    // 1. import, per unit; each measured 5 times, interleaved, median
    double[] bigNs = new double[5];
    double[] smallNs = new double[5];
    for (int i = 0; i < 5; i++) {
      smallNs[i] = importNanos(small) / (double) demo;
      bigNs[i] = importNanos(big) / (double) units;
    }
    double bigPerUnit = median(bigNs);
    double smallPerUnit = median(smallNs);
    System.out.printf(Locale.ROOT, "| import | %d units: %.0f units/s (%.1f µs each) | %d units: %.0f units/s | "
        + "per unit %.2fx |%n", units, 1e9 / bigPerUnit, bigPerUnit / 1e3, demo, 1e9 / smallPerUnit,
        bigPerUnit / smallPerUnit);

    // 2. search, over HTTP
    try (ReferenceServer plain = ReferenceServer.builder().build().start();
        ReferenceServer large = ReferenceServer.builder().directory(big).build().start()) {
      String q = "/v1/units?module=SANITAIRE&departement=69";
      for (int round = 0; round < 2; round++) { // the first round warms both up
        double[] a = latencies(plain, q, 2000);
        double[] b = latencies(large, q, 2000);
        if (round == 1) {
          System.out.printf(Locale.ROOT, "| search | %d units: p50 %.2f ms, p99 %.2f ms | demo: p50 %.2f ms, p99 %.2f "
              + "ms | p50 %.2fx, p99 %.2fx |%n", demo + units, pct(b, 50), pct(b, 99), pct(a, 50), pct(a, 99),
              pct(b, 50) / pct(a, 50), pct(b, 99) / pct(a, 99));
        }
      }
    }

    // 3. counterparts vs by hand: the same sends, answered (ACCEPTED) either way
    for (int round = 0; round < 2; round++) {
      long byHand = answered(sends, false);
      long played = answered(sends, true);
      if (round == 1) {
        System.out.printf(Locale.ROOT, "| %d sends answered | counterpart: %.0f ms | by hand through the API: %.0f ms | "
            + "%.2fx |%n", sends, played / 1e6, byHand / 1e6, played / (double) byHand);
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** {@code n} SMR-less units: Grand âge EHPADs spread over the départements (never matched by the search above). */
  static String csv(int n) {
    String[] deps = {"01", "13", "2A", "2B", "33", "59", "69", "75", "971", "974"};
    StringBuilder b = new StringBuilder("id,name,finess,departement,modules,targetKinds,capacity\n");
    for (int i = 0; i < n; i++) {
      String dep = deps[i % deps.length];
      String finess = dep.matches("\\d\\d") ? Finess.withKey(dep + String.format("%06d", i)).value() : "";
      b.append("EHPAD-").append(i).append(",EHPAD ").append(i).append(',').append(finess).append(',').append(dep)
          .append(",GRAND_AGE,EHPAD,").append(40 + i % 60).append('\n');
    }
    return b.toString();
  }

  private static long importNanos(Path csv) {
    try (ReferenceServer vt = ReferenceServer.builder().build()) {
      long t = System.nanoTime();
      vt.importDirectory(csv, ImportMode.MERGE);
      return System.nanoTime() - t;
    }
  }

  private static double[] latencies(ReferenceServer vt, String path, int n) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
        .header("Authorization", "Bearer " + vt.demoToken(Role.REQUESTER)).build();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
      out[i] = (System.nanoTime() - t) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("search answered " + r.statusCode());
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** Sends {@code n} SMR dossiers over HTTP and has them accepted; returns the nanoseconds from first send to last answer. */
  private static long answered(int n, boolean counterpart) throws Exception {
    ReferenceServer.Builder b = ReferenceServer.builder();
    if (counterpart) {
      b.counterpart(UnitId.of("SMR-CARDIO-69"), Behaviour.answer(ResponseKind.ACCEPTED).after(Duration.ofMinutes(1)));
    }
    try (ReferenceServer vt = b.build().start()) {
      vt.setClock(T0);
      VtFixtures fx = VtFixtures.seeded(42, LocalDate.of(2026, 11, 23));
      List<Dossier> dossiers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        dossiers.add(fx.dossier(VtModule.SANITAIRE).build());
      }
      vt.load(dossiers.toArray(Dossier[]::new));
      String requester = vt.demoToken(Role.REQUESTER);
      String smr = vt.tokenFor(UnitId.of("SMR-CARDIO-69"));
      List<String> requests = new ArrayList<>();
      long t = System.nanoTime();
      for (Dossier d : dossiers) {
        String body = post(vt, "/v1/dossiers/" + d.id().value() + "/requests", requester,
            "{\"units\":[\"SMR-CARDIO-69\"]}");
        int at = body.indexOf("\"id\":\"") + 6;
        requests.add(body.substring(at, body.indexOf('"', at)));
      }
      if (counterpart) {
        vt.advanceClock(Duration.ofMinutes(1));
      } else {
        for (String r : requests) {
          post(vt, "/v1/requests/" + r + "/read", smr, "{}");
          post(vt, "/v1/requests/" + r + "/responses", smr, "{\"kind\":\"ACCEPTED\"}");
        }
      }
      long elapsed = System.nanoTime() - t;
      long accepted = vt.core().store().read(tx -> tx.requests().stream()
          .filter(r -> r.status() == io.vtsdk.model.workflow.RequestStatus.ACCEPTED).count());
      if (accepted != n) {
        throw new IllegalStateException(accepted + " of " + n + " accepted");
      }
      return elapsed;
    }
  }

  private static String post(ReferenceServer vt, String path, String token, String json) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path.replaceAll("[0-9]", "") + " answered " + r.statusCode());
    }
    return r.body();
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
