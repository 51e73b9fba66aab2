package io.vtsdk.bench;

import com.sun.net.httpserver.HttpServer;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.server.handler.AbstractHandler;
import wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP engine alone (the vt-testkit issue asks: Jetty 11 or the JDK server — measure): the JDK's
 * {@code com.sun.net.httpserver} and Jetty 11 (the copy WireMock 3 ships, shaded under {@code wiremock.}) each serve
 * the same dossier JSON from memory with a minimal handler, under wrk, in one run; then the full reference server's
 * GET dossier for scale.
 *
 * <p>Run: {@code java -cp vt-bench/target/benchmarks.jar io.vtsdk.bench.EngineComparison [seconds]} (needs wrk).
 */
public final class EngineComparison {
  private EngineComparison() {}

  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    System.exit(0);
  }

  /** Runs the comparison and prints its table (for {@link BenchmarkReport}); {@link #main} exits after it. */
  static void run(int seconds) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    byte[] body = VtJson.toJson(VtFixtures.seeded(1, LocalDate.now()).dossier(VtModule.SANITAIRE).build())
        .getBytes(StandardCharsets.UTF_8);
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    String noScript = "wrk.method = \"GET\"\n";
    List<ServerLoadHarness.Result> results = new ArrayList<>();

    HttpServer jdk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    jdk.setExecutor(Executors.newFixedThreadPool(threads));
    jdk.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    jdk.start();
    URI jdkUrl = URI.create("http://127.0.0.1:" + jdk.getAddress().getPort() + "/v1/dossiers/D-1");

    Server jetty = new Server(new QueuedThreadPool(Math.max(8, threads)));
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(new AbstractHandler() {
      @Override
      public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse res)
          throws IOException {
        res.setStatus(200);
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        base.setHandled(true);
      }
    });
    jetty.start();
    URI jettyUrl = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1/dossiers/D-1");

    ServerLoadHarness.wrk("warm-up", jdkUrl, noScript, 3);
    ServerLoadHarness.wrk("warm-up", jettyUrl, noScript, 3);
    results.add(ServerLoadHarness.wrk("JDK httpserver, fixed body", jdkUrl, noScript, seconds));
    results.add(ServerLoadHarness.wrk("Jetty " + wiremock.org.eclipse.jetty.util.Jetty.VERSION + ", fixed body",
        jettyUrl, noScript, seconds));
    jdk.stop(0);
    jetty.stop();

    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      String token = vt.demoToken(Role.REQUESTER);
      String id = vt.load(VtFixtures.seeded(1, LocalDate.now()).dossier(VtModule.SANITAIRE).build()).get(0).id()
          .value();
      String auth = "wrk.method = \"GET\"\nwrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n";
      ServerLoadHarness.wrk("warm-up", vt.url("/v1/dossiers/" + id), auth, 3);
      results.add(ServerLoadHarness.wrk("reference server (JDK), GET dossier", vt.url("/v1/dossiers/" + id), auth,
          seconds));
    }
    System.out.printf(Locale.ROOT, "%nwrk -t%d -c%d, %d s, %d-byte body; %s %s, %d cores%n",
        ServerLoadHarness.WRK_THREADS, ServerLoadHarness.WRK_CONNECTIONS, seconds, body.length,
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| engine | requests/s | p50 ms | p99 ms |");
    System.out.println("|---|---|---|---|");
    for (ServerLoadHarness.Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.2f |%n", r.name(), r.rps(), r.p50ms(), r.p99ms());
    }
    System.out.printf(Locale.ROOT,
        "JDK / Jetty: %.2fx   reference server GET / JDK fixed body: %.2fx (target ≥ 0.6x)%n",
        results.get(0).rps() / results.get(1).rps(), results.get(2).rps() / results.get(0).rps());
  }
}
