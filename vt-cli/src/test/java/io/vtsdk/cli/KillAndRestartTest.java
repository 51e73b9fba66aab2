package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R6 durability (issues 8, 16): {@code vt serve --data-dir} (SQLite) or {@code vt serve --db} (PostgreSQL) in its own
 * JVM takes writes from 8 concurrent clients, is killed with SIGKILL in the middle of them, and is started again on
 * the same data. Every write it acknowledged is there (dossier at its acknowledged version or later, sent request,
 * idempotency record); stopped cleanly and started again, it has the same state fingerprint. Prints its figures
 * (docs/reliability.md).
 */
class KillAndRestartTest {
  private static final JsonMapper JSON = VtJson.newMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final Pattern TOKEN = Pattern.compile("^\\s+(requester|cpam|receiver|admin)\\s+\\(([^)]+)\\): (\\S+)$");
  private static final int CLIENTS = 8;

  @TempDir
  Path dir;
  /** The creation bodies; client c sends those at c, c + 8, …, with the key "c{c}-{index}". */
  private List<String> bodies;

  /** A running {@code vt serve}: its process, base URL and printed tokens (by unit). */
  record Server(Process process, String url, Map<String, String> tokens) {}

  /** An acknowledged write: the dossier, the version acknowledged, the idempotency key of its creation, a request. */
  record Ack(String dossier, int version, String key, String request) {}

  /** The engine of this run's server: "sqlite" or "postgresql". */
  private String engine;
  private io.vtsdk.store.jdbc.TestDatabases.Postgres postgres;

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"sqlite", "postgresql"})
  void everyAcknowledgedWriteSurvivesSigkill(String engine) throws Exception {
    this.engine = engine;
    if (engine.equals("postgresql")) {
      postgres = io.vtsdk.store.jdbc.TestDatabases.freshPostgres();
    }
    Server first = start();
    Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger inFlightAtKill = new AtomicInteger();
    Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(CLIENTS);
    bodies = dossiers(CLIENTS * 400);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread t = new Thread(() -> {
        try {
          for (int i = client; i < bodies.size() && !killed.get(); i += CLIENTS) {
            try {
              workflow(first, bodies.get(i), "c" + client + "-" + i, acks);
            } catch (IOException e) {
              if (killed.get()) {
                inFlightAtKill.incrementAndGet(); // the connection died with the server: not acknowledged
              } else {
                unexpected.add(e.toString());
              }
              return;
            } catch (AssertionError | RuntimeException e) {
              unexpected.add(e.getMessage());
              return;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      }, "kill-test-client-" + c);
      t.setDaemon(true);
      t.start();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acks.size() < 1500 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    killed.set(true);
    first.process().destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no flush
    first.process().waitFor(10, TimeUnit.SECONDS);
    assertThat(done.await(20, TimeUnit.SECONDS)).as("clients stopped").isTrue();
    assertThat(unexpected).as("errors before the kill").isEmpty();
    List<Ack> acknowledged = new ArrayList<>(acks);
    assertThat(acknowledged.size()).as("acknowledged writes before the kill").isGreaterThanOrEqualTo(1500);

    Server second = start();
    String sha;
    try {
      String requester = first.tokens().get("U-CARDIO-HCL"); // the first run's token: the secret is kept
      int missing = 0;
      for (Ack a : acknowledged) {
        HttpResponse<String> d = get(second, "/v1/dossiers/" + a.dossier(), requester);
        if (d.statusCode() != 200 || JSON.readTree(d.body()).get("version").asInt() < a.version()) {
          missing++;
        }
        if (a.request() != null && get(second, "/v1/requests/" + a.request(), requester).statusCode() != 200) {
          missing++;
        }
      }
      assertThat(missing).as("acknowledged writes missing after the restart").isZero();
      // the idempotency records are durable too: retrying an acknowledged creation replays it
      Ack sample = acknowledged.get(acknowledged.size() / 2);
      String body = bodies.get(Integer.parseInt(sample.key().substring(sample.key().indexOf('-') + 1)));
      HttpResponse<String> retry = post(second, "/v1/dossiers", requester, body, sample.key());
      assertThat(retry.statusCode()).isEqualTo(201);
      assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(JSON.readTree(retry.body()).get("id").asText()).isEqualTo(sample.dossier());
      JsonNode replayed = state(second);
      sha = replayed.get("sha256").asText();
    } finally {
      second.process().destroy(); // SIGTERM: the shutdown hook closes the server
      second.process().waitFor(10, TimeUnit.SECONDS);
    }

    Server third = start();
    try {
      JsonNode state = state(third);
      assertThat(state.get("sha256").asText()).as("a clean stop and start keeps the same state").isEqualTo(sha);
      System.out.printf("R6 (" + engine + "): %d writes acknowledged by 8 clients before SIGKILL, %d in flight lost with the "
          + "connection, 0 acknowledged missing after restart; state %s, the same after a clean stop and start%n",
          acknowledged.size(), inFlightAtKill.get(), sha.substring(0, 12));
    } finally {
      third.process().destroyForcibly();
      third.process().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Create (idempotent), update with If-Match, send to an SMR: an ack after each acknowledged step. */
  private static void workflow(Server s, String body, String key, Queue<Ack> acks)
      throws IOException, InterruptedException {
    String requester = s.tokens().get("U-CARDIO-HCL");
    HttpResponse<String> created = post(s, "/v1/dossiers", requester, body, key);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode dossier = JSON.readTree(created.body());
    String id = dossier.get("id").asText();
    acks.add(new Ack(id, 1, key, null));
    HttpResponse<String> updated = HTTP.send(request(s, "/v1/dossiers/" + id, requester)
        .header("If-Match", "\"1\"").PUT(HttpRequest.BodyPublishers.ofString(dossier.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    acks.add(new Ack(id, 2, key, null));
    HttpResponse<String> sent = post(s, "/v1/dossiers/" + id + "/requests", requester,
        "{\"units\":[\"SMR-CARDIO-69\"]}", key + "-send");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    acks.add(new Ack(id, 2, key, JSON.readTree(sent.body()).at("/items/0/id").asText()));
  }

  /** Valid SANITAIRE dossiers of the demo requester, as JSON bodies. */
  private static List<String> dossiers(int n) throws IOException {
    VtFixtures fx = VtFixtures.seeded(8, LocalDate.now(java.time.ZoneOffset.UTC));
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(JSON.writeValueAsString(fx.dossier(VtModule.SANITAIRE).build()));
    }
    return out;
  }

  private Server start() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // no FHIR validator warm-up in the server under test: this test is about writes, and the warm-up competes for CPU
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dvtsdk.fhir.warmUp=false", "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(), "serve", "--port", "0", "--admin"));
    command.addAll(postgres == null ? List.of("--data-dir", dir.resolve("data").toString())
        : List.of("--db", postgres.url()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
    if (postgres != null) { // the account from the environment, never the command line
      pb.environment().put("VT_DB_USER", postgres.user());
      pb.environment().put("VT_DB_PASSWORD", postgres.password());
    }
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String url = null;
    Map<String, String> tokens = new java.util.HashMap<>();
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
      Matcher t = TOKEN.matcher(line);
      if (t.find()) {
        tokens.put(t.group(2), t.group(3));
      }
      if (line.startsWith("Ctrl-C to stop.")) {
        break;
      }
    }
    assertThat(url).as("vt serve started (stderr in %s)", dir.resolve("stderr.txt")).isNotNull();
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "kill-test-stdout");
    drain.setDaemon(true);
    drain.start();
    return new Server(p, url, Map.copyOf(tokens));
  }

  private static HttpRequest.Builder request(Server s, String path, String token) {
    return HttpRequest.newBuilder(URI.create(s.url() + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
  }

  private static HttpResponse<String> post(Server s, String path, String token, String body, String key)
      throws IOException, InterruptedException {
    return HTTP.send(request(s, path, token).header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(Server s, String path, String token)
      throws IOException, InterruptedException {
    return HTTP.send(request(s, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode state(Server s) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/__admin/state"))
        .header("Authorization", "Bearer " + s.tokens().get("/__admin")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }
}
