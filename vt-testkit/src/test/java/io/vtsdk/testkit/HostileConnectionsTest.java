package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.server.ReferenceServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 40's reproduction of a shared sandbox under attack: 64 clients that send their request headers one byte at a
 * time and 64 that pipeline requests and never read their answers, while an honest client probes {@code /v1/health}.
 * On the JDK engine the health answer waited ~10 s at a time (the finding); on the server's engine its p99 stays under
 * 1 s — a bound about fifty times the usual answer time, so that a busy CI machine does not fail it while the
 * finding (seconds) still does.
 */
class HostileConnectionsTest {
  private static final int SLOW = 64;
  private static final int NON_READING = 64;

  @Test
  void slowSendersAndNonReadersDoNotDelayHealth() throws Exception {
    try (ReferenceServer server = ReferenceServer.builder().console(false).build().start();
        Attack attack = new Attack(server.port())) {
      attack.start();
      List<Long> millis = probeHealth(server.baseUrl(), 100);
      long p50 = millis.get(millis.size() / 2);
      long p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
      System.out.printf("health under %d slow senders + %d non-readers: p50 %d ms, p99 %d ms, max %d ms%n", SLOW,
          NON_READING, p50, p99, millis.get(millis.size() - 1));
      assertThat(attack.opened()).as("hostile connections the server accepted").isGreaterThanOrEqualTo(SLOW);
      assertThat(p99).as("health p99 (ms) while attacked").isLessThan(1000);
    }
  }

  @Test
  void connectionsPerClientAddressAreCapped() throws Exception {
    try (ReferenceServer server = ReferenceServer.builder().console(false).maxConnectionsPerClient(4).build()
        .start()) {
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          held.add(new Socket("127.0.0.1", server.port()));
        }
        try (Socket fifth = new Socket("127.0.0.1", server.port())) {
          fifth.setSoTimeout(10_000);
          fifth.getOutputStream().write("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          assertThat(readAll(fifth.getInputStream())).as("the fifth connection from one address is closed unanswered")
              .isEmpty();
        } catch (IOException reset) {
          // closed by the server before or while writing: refused as well
        }
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
      // once the held ones are closed, the address may connect again (the count goes down on close)
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> ok = null;
      for (int attempt = 0; attempt < 50 && (ok == null || ok.statusCode() != 200); attempt++) {
        try {
          ok = client.send(HttpRequest.newBuilder(server.url("/v1/health")).build(),
              HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedWhileCountingDown) {
          Thread.sleep(100);
        }
      }
      assertThat(ok).isNotNull();
      assertThat(ok.statusCode()).isEqualTo(200);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException e) {
      return "(no answer, connection left open)";
    }
  }

  /** Each probe on a new connection, as a health checker does; a probe that fails counts as 10 s. */
  static List<Long> probeHealth(URI base, int probes) throws InterruptedException {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < probes; i++) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      long start = System.nanoTime();
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/v1/health"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        millis.add(r.statusCode() == 200 ? (System.nanoTime() - start) / 1_000_000 : 10_000);
      } catch (IOException e) {
        millis.add(10_000L);
      }
      Thread.sleep(20);
    }
    Collections.sort(millis);
    return millis;
  }

  /** The hostile clients: each on its own daemon thread, reopening its connection when the server closes it. */
  static final class Attack implements AutoCloseable {
    private final int port;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    Attack(int port) {
      this.port = port;
    }

    void start() throws InterruptedException {
      for (int i = 0; i < SLOW; i++) {
        threads.add(daemon(this::slowSender));
      }
      for (int i = 0; i < NON_READING; i++) {
        threads.add(daemon(this::nonReader));
      }
      Thread.sleep(2000); // every hostile client connected and sending before the probes begin
    }

    private static Thread daemon(Runnable r) {
      Thread t = new Thread(r, "hostile-client");
      t.setDaemon(true);
      t.start();
      return t;
    }

    int opened() {
      return opened.get();
    }

    private Socket open() throws IOException {
      Socket s = new Socket("127.0.0.1", port);
      sockets.add(s);
      opened.incrementAndGet();
      return s;
    }

    private void slowSender() {
      byte[] head = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
      while (running.get()) {
        try (Socket s = open()) {
          OutputStream out = s.getOutputStream();
          out.write(head);
          while (running.get()) {
            out.write('a'); // the headers never end
            out.flush();
            Thread.sleep(500);
          }
        } catch (IOException closedByServer) {
          // reopen, as the finding's clients did
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void nonReader() {
      StringBuilder pipeline = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        pipeline.append("GET /v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      }
      byte[] requests = pipeline.toString().getBytes(StandardCharsets.US_ASCII);
      while (running.get()) {
        try (Socket s = open()) {
          s.setReceiveBufferSize(4096);
          s.getOutputStream().write(requests);
          s.getOutputStream().flush();
          while (running.get() && !s.isClosed()) {
            Thread.sleep(200); // never reads
          }
        } catch (IOException closedByServer) {
          // reopen
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      running.set(false);
      threads.forEach(Thread::interrupt);
      synchronized (sockets) {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }
}
