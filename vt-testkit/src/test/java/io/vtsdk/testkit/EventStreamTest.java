package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/events/stream}: server-sent events of the change feed, by visibility, resumable, many at once. */
class EventStreamTest {
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  ReferenceServer vt;
  Http http;
  String requester;

  @BeforeEach
  void start() {
    vt = ReferenceServer.builder().maxEventStreams(210, 210, 210).build().start();
    vt.setClock(Fixtures.NOW);
    http = new Http(vt);
    requester = vt.demoToken(Role.REQUESTER);
  }

  @AfterEach
  void stop() {
    vt.close();
  }

  /** An open stream: its lines as they come. */
  final class Sse implements AutoCloseable {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    volatile String openId;
    final CompletableFuture<HttpResponse<Stream<String>>> response;

    Sse(String token, String lastEventId) {
      HttpRequest.Builder b = HttpRequest.newBuilder(vt.url("/v1/events/stream")).header("Accept",
          "text/event-stream");
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      if (lastEventId != null) {
        b.header("Last-Event-ID", lastEventId);
      }
      response = CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
      response.thenAccept(r -> {
        Thread t = new Thread(() -> r.body().forEach(lines::add));
        t.setDaemon(true);
        t.start();
      });
    }

    HttpResponse<Stream<String>> answer() throws Exception {
      return response.get(10, TimeUnit.SECONDS);
    }

    /** The next event's fields (id, event, data), waiting up to 10 s; null when none came. */
    Map<String, String> next() throws InterruptedException {
      return next(Duration.ofSeconds(10));
    }

    /** The next event's fields, waiting up to {@code wait}; null when none came. */
    Map<String, String> next(Duration wait) throws InterruptedException {
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.isEmpty()) {
          if ("stream.open".equals(fields.get("event"))) {
            openId = fields.get("id"); // the start position, not an event of the feed
          } else if (fields.containsKey("data")) {
            return fields;
          }
          fields.clear(); // a retry, comment or open block
        } else if (!line.startsWith(":")) {
          int colon = line.indexOf(':');
          fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
      }
      return null;
    }

    @Override
    public void close() {
      response.thenAccept(r -> r.body().close());
    }
  }

  String createAndSend() {
    String id = http.post("/v1/dossiers", requester, Fixtures.sanitaire()).json().get("id").asText();
    http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of("SMR-CARDIO-69")));
    return id;
  }

  @Test
  void aStreamCarriesWhatHappensNextThatTheCallerMaySeeAndNothingElse() throws Exception {
    try (Sse mine = new Sse(requester, null);
        Sse otherWard = new Sse(vt.tokens().issue(Role.REQUESTER, UnitId.of("U-NEURO-CHU38"), null), null)) {
      assertThat(mine.answer().statusCode()).isEqualTo(200);
      assertThat(mine.answer().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      String dossier = createAndSend();
      Map<String, String> created = mine.next();
      assertThat(created).containsEntry("event", "dossier.created");
      assertThat(created.get("data")).contains("\"dossierId\":\"" + dossier + "\"").doesNotContain("MARTIN");
      assertThat(created.get("id")).isNotBlank();
      assertThat(mine.next()).containsEntry("event", "request.sent");
      assertThat(mine.openId).as("the stream said where it starts").isNotBlank().isNotEqualTo(created.get("id"));
      assertThat(otherWard.next(Duration.ofMillis(1500))).as("another ward's stream sees none of it").isNull();
    }
  }

  @Test
  void aReconnectingClientResumesAfterItsLastEventIdWithoutGapOrRepeat() throws Exception {
    String first;
    try (Sse s = new Sse(requester, null)) {
      s.answer();
      createAndSend();
      first = s.next().get("id");
    }
    String receiver = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null);
    String request = http.get("/v1/requests", receiver).json().at("/items/0/id").asText();
    http.post("/v1/requests/" + request + "/read", receiver, null);
    try (Sse again = new Sse(requester, first)) {
      assertThat(again.next()).containsEntry("event", "request.sent");
      assertThat(again.next()).containsEntry("event", "request.read");
      assertThat(again.next(Duration.ofMillis(1500))).isNull();
    }
  }

  @Test
  void theStartPositionRevealsNothingOfOtherUnitsActivity() throws Exception {
    String before;
    try (Sse s = new Sse(requester, null)) {
      s.next(Duration.ofMillis(300));
      before = s.openId;
    }
    String otherWard = vt.tokens().issue(Role.REQUESTER, UnitId.of("U-NEURO-CHU38"), null);
    assertThat(http.post("/v1/dossiers", otherWard, Fixtures.sanitaire().toBuilder().requester(
        new io.vtsdk.model.dossier.Requester(UnitId.of("U-NEURO-CHU38"), null)).build()).status()).isEqualTo(201);
    try (Sse s = new Sse(requester, null)) {
      s.next(Duration.ofMillis(300));
      assertThat(s.openId).as("another ward's dossier does not move this ward's start").isEqualTo(before);
    }
    createAndSend();
    try (Sse s = new Sse(requester, null)) {
      s.next(Duration.ofMillis(300));
      assertThat(s.openId).as("its own activity does").isNotEqualTo(before);
    }
  }

  @Test
  void badCursorsAndMissingTokensAreRefusedBeforeAnyStreamStarts() throws Exception {
    try (Sse bad = new Sse(requester, "not-a-cursor"); Sse anonymous = new Sse(null, null)) {
      assertThat(bad.answer().statusCode()).isEqualTo(400);
      assertThat(anonymous.answer().statusCode()).isEqualTo(401);
    }
  }

  @Test
  void twoHundredOpenStreamsAllGetTheEventAndTheServerRefusesBeyondItsLimit() throws Exception {
    List<Sse> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 210; i++) {
        streams.add(new Sse(requester, null));
      }
      for (Sse s : streams) {
        assertThat(s.answer().statusCode()).isEqualTo(200);
      }
      assertRefused(new Sse(requester, null), "server");
      long sent = System.nanoTime();
      createAndSend();
      long[] delaysMicros = new long[streams.size()];
      for (int i = 0; i < streams.size(); i++) {
        assertThat(streams.get(i).next()).containsEntry("event", "dossier.created");
        delaysMicros[i] = (System.nanoTime() - sent) / 1000;
      }
      Arrays.sort(delaysMicros);
      System.out.printf("event stream fan-out to %d streams: p50 %d µs, p99 %d µs (upper bounds: read in turn)%n",
          streams.size(), delaysMicros[delaysMicros.length / 2], delaysMicros[delaysMicros.length * 99 / 100]);
    } finally {
      streams.forEach(Sse::close);
    }
  }

  @Test
  void oneCallerOrOneUnitCannotExhaustTheStreamsAndAClosedStreamIsReaped() throws Exception {
    try (ReferenceServer shared = ReferenceServer.builder().build().start()) {
      ReferenceServer mine = vt;
      vt = shared; // the streams below go to the server with the default limits: 512, 16 per caller, 64 per unit
      List<Sse> streams = new ArrayList<>();
      try {
        List<String> actors = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
          actors.add(shared.tokens().issue(Role.REQUESTER, ReferenceServer.DEMO_REQUESTER_UNIT, "actor-" + a));
        }
        for (int i = 0; i < 16; i++) {
          streams.add(open(actors.get(0)));
        }
        assertRefused(new Sse(actors.get(0), null), "principal");
        for (String other : actors.subList(1, 4)) {
          for (int i = 0; i < 16; i++) {
            streams.add(open(other)); // other callers of the unit still get theirs
          }
        }
        String fifth = shared.tokens().issue(Role.REQUESTER, ReferenceServer.DEMO_REQUESTER_UNIT, "actor-4");
        assertRefused(new Sse(fifth, null), "unit");
        streams.add(open(shared.demoToken(Role.RECEIVER))); // another unit is not held back

        streams.remove(0).close(); // the client goes away: the server notices at its next write and frees the slot
        HttpResponse<Stream<String>> again = null;
        for (int attempt = 0; attempt < 40; attempt++) { // keep-alives every 5 s: noticed within 10 s; up to 20 s, generous
          Sse s = new Sse(actors.get(0), null);
          if (s.answer().statusCode() == 200) {
            streams.add(s);
            again = s.answer();
            break;
          }
          s.close();
          Thread.sleep(500);
        }
        assertThat(again).as("a closed stream's slot is given back").isNotNull();
      } finally {
        streams.forEach(Sse::close);
        vt = mine;
      }
    }
  }

  private Sse open(String token) throws Exception {
    Sse s = new Sse(token, null);
    assertThat(s.answer().statusCode()).isEqualTo(200);
    return s;
  }

  private static void assertRefused(Sse s, String limit) throws Exception {
    try (s) {
      assertThat(s.answer().statusCode()).isEqualTo(503);
      StringBuilder body = new StringBuilder();
      for (String line; (line = s.lines.poll(10, TimeUnit.SECONDS)) != null; ) { // the Sse's reader thread's lines
        body.append(line);
        if (line.trim().endsWith("}")) {
          break;
        }
      }
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body.toString()).path("limit").asText())
          .as("the limit named").isEqualTo(limit);
      assertThat(s.answer().headers().firstValue("Retry-After")).isPresent();
    }
  }
}
