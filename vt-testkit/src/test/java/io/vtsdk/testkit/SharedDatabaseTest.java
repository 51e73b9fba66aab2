package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.store.jdbc.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two reference servers on one PostgreSQL database, under 16 concurrent clients spread over both: they behave as one
 * server. The database decides (its transactions and one advisory lock), not a lock in either process.
 */
class SharedDatabaseTest {
  static final int CLIENTS = 16;
  TestDatabases.Postgres db;
  ReferenceServer a;
  ReferenceServer b;
  ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

  @BeforeEach
  void start() {
    db = TestDatabases.freshPostgres();
    a = ReferenceServer.builder().database(db.url(), db.user(), db.password()).build().start();
    b = ReferenceServer.builder().database(db.url(), db.user(), db.password()).build().start();
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    for (ReferenceServer s : new ReferenceServer[] {a, b}) {
      if (s != null) {
        s.close();
      }
    }
  }

  private Http server(int client) {
    return new Http(client % 2 == 0 ? a : b);
  }

  private <T> List<T> concurrently(java.util.function.IntFunction<T> work) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      futures.add(pool.submit(() -> work.apply(client)));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  void theSameIdempotencyKeyThroughEitherServerCreatesOneDossier() throws Exception {
    String token = a.demoToken(Role.REQUESTER); // the secret is the database's: b accepts a's tokens
    int before = (Integer) a.state().get("dossiers");
    List<Http.Res> answers = concurrently(c -> server(c).post("/v1/dossiers", token, Fixtures.sanitaire(),
        "Idempotency-Key", "same-key"));
    assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
    assertThat(answers.stream().map(r -> r.json().get("id").asText()).distinct()).hasSize(1);
    assertThat(answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed")))).hasSize(CLIENTS - 1);
    assertThat(b.state().get("dossiers")).isEqualTo(before + 1);
    // and distinct creations get distinct ids
    List<String> ids = concurrently(c -> server(c).post("/v1/dossiers", token, Fixtures.sanitaire())
        .json().get("id").asText());
    assertThat(new HashSet<>(ids)).hasSize(CLIENTS);
  }

  @Test
  void ifMatchLosesNoUpdateAndTheChangeFeedIsOneGapFreeSequenceThroughEither() throws Exception {
    String token = a.demoToken(Role.REQUESTER);
    Http http = new Http(a);
    String id = http.post("/v1/dossiers", token, Fixtures.sanitaire()).json().get("id").asText();
    AtomicInteger accepted = new AtomicInteger();
    ConcurrentLinkedQueue<Integer> versions = new ConcurrentLinkedQueue<>();
    concurrently(c -> {
      Http mine = server(c);
      for (int done = 0; done < 5; ) {
        Http.Res current = mine.get("/v1/dossiers/" + id, token);
        Http.Res put = mine.put("/v1/dossiers/" + id, token, current.json(), "If-Match", current.header("ETag"));
        if (put.status() == 200) {
          accepted.incrementAndGet();
          versions.add(put.json().get("version").asInt());
          done++;
        } else {
          assertThat(put.status()).as(put.toString()).isEqualTo(412); // someone else's update came first: retry
        }
      }
      return null;
    });
    assertThat(accepted.get()).isEqualTo(CLIENTS * 5);
    assertThat(new HashSet<>(versions)).as("each accepted update made its own version").hasSize(CLIENTS * 5);
    JsonNode last = new Http(b).get("/v1/dossiers/" + id, token).json();
    assertThat(last.get("version").asInt()).as("no update lost").isEqualTo(1 + CLIENTS * 5);

    List<JsonNode> throughA = feed(new Http(a), token);
    List<JsonNode> throughB = feed(new Http(b), token);
    assertThat(throughA).isEqualTo(throughB);
    List<Integer> mine = new ArrayList<>();
    for (JsonNode n : throughA) {
      if (id.equals(n.path("dossierId").asText())) {
        mine.add(n.get("version").asInt());
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int v = 1; v <= 1 + CLIENTS * 5; v++) {
      expected.add(v);
    }
    assertThat(mine).as("every version once, in order, no gap").isEqualTo(expected);
  }

  private void sql(String statement) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
        java.sql.Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @Test
  void aFailingDatabaseGivesA503ProblemAndKeepsNothingOfTheWrite() throws Exception {
    String token = a.demoToken(Role.REQUESTER);
    Object before = a.state().get("dossiers");
    sql("ALTER TABLE vt_event RENAME TO vt_event_away"); // the dossier row is written, then the event's fails
    try {
      Http.Res refused = new Http(a).post("/v1/dossiers", token, Fixtures.sanitaire());
      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.header("Retry-After")).isEqualTo("1");
      assertThat(refused.body()).doesNotContain("vt_event").contains("nothing was kept");
    } finally {
      sql("ALTER TABLE vt_event_away RENAME TO vt_event");
    }
    assertThat(b.state().get("dossiers")).as("the dossier row was rolled back with the failed event").isEqualTo(before);
    assertThat(new Http(b).post("/v1/dossiers", token, Fixtures.sanitaire()).status()).isEqualTo(201);
  }

  /** The whole change feed a caller sees, page by page (small pages: many cursors). */
  private static List<JsonNode> feed(Http http, String token) {
    List<JsonNode> out = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    while (true) {
      Http.Res page = http.get("/v1/events?limit=7" + (cursor == null ? "" : "&after=" + cursor), token);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json().get("items").forEach(out::add);
      JsonNode next = page.json().get("nextCursor");
      if (next == null || next.isNull() || page.json().get("items").isEmpty()) {
        return out;
      }
      cursor = next.asText();
      assertThat(cursors.add(cursor)).isTrue();
    }
  }
}
