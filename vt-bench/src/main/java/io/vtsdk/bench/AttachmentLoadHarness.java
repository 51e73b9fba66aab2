package io.vtsdk.bench;

import io.vtsdk.model.VtModule;
import io.vtsdk.server.fixtures.VtFixtures;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 16: a durable server (SQLite) takes {@code total} MiB of attachments, 20 MiB each, one after the other, and
 * gives the last one back; prints the heap's peak (run it with a small -Xmx to show the contents do not stay in memory)
 * and the database size. A harness, not a test.
 *
 * <p>Run: {@code java -Xmx256m -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.AttachmentLoadHarness 2200}.
 */
public final class AttachmentLoadHarness {
  private AttachmentLoadHarness() {}

  public static void main(String[] args) throws Exception {
    int totalMiB = args.length > 0 ? Integer.parseInt(args[0]) : 2200;
    Path dir = Files.createTempDirectory("vt-attachments-");
    HttpClient http = HttpClient.newHttpClient();
    byte[] content = new byte[20 << 20];
    new java.util.Random(1).nextBytes(content);
    System.arraycopy("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
    long t0 = System.nanoTime();
    int uploads = 0;
    String last = null;
    try (ReferenceServer vt = ReferenceServer.builder().dataDir(dir).maxInFlightBytes(64L << 20).build().start()) {
      String token = vt.demoToken(Role.REQUESTER);
      String dossier = null;
      for (long done = 0; done < (long) totalMiB << 20; done += content.length, uploads++) {
        if (uploads % 10 == 0) {
          HttpResponse<String> d = http.send(HttpRequest.newBuilder(vt.url("/v1/dossiers"))
              .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(VtJson.toJson(VtFixtures.seeded(1, java.time.LocalDate.now(java.time.ZoneOffset.UTC)).dossier(VtModule.SANITAIRE).build()))).build(),
              HttpResponse.BodyHandlers.ofString());
          dossier = VtJson.newMapper().readTree(d.body()).get("id").asText();
        }
        HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + "/v1/dossiers/"
            + dossier + "/attachments?fileName=cr.pdf")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (up.statusCode() != 201) {
          throw new IllegalStateException("upload " + uploads + ": " + up.statusCode() + " " + up.body());
        }
        last = up.headers().firstValue("Location").orElseThrow();
      }
      HttpResponse<byte[]> down = http.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + last))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (!java.util.Arrays.equals(down.body(), content)) {
        throw new IllegalStateException("the last attachment did not come back whole");
      }
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "%d uploads of 20 MiB (%d MiB) in %.0f s; database %d MiB; heap peak %d MiB of "
        + "-Xmx %d MiB; the last one downloaded whole%n", uploads, uploads * 20L, (System.nanoTime() - t0) / 1e9,
        Files.size(dir.resolve("vt.db")) >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
