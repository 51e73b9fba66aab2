package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable reference server ({@code dataDir}, an embedded SQLite database): a server built again on the same
 * directory has the same data, whatever the writes were; a damaged database and a second server are refused. The
 * SIGKILL-under-load proof (R6) is vt-cli's {@code KillAndRestartTest}; the damage cases one by one are
 * vt-store-jdbc's {@code JdbcStoreTest}; several servers on one PostgreSQL database, {@code SharedDatabaseTest}.
 */
class DurabilityTest {
  @TempDir
  Path dir;

  private ReferenceServer durable() {
    return ReferenceServer.builder().dataDir(dir).demoDossiers(true).build().start();
  }

  /** Every kind of write: creations, updates, sends, answers, idempotent retries, refusals, uploads, statuses, clock. */
  /** What the workload leaves: a token valid at its end and the first dossier it created. */
  private record Done(String token, String dossier) {}

  private static Done workload(ReferenceServer vt) {
    Http http = new Http(vt);
    String requester = vt.demoToken(Role.REQUESTER);
    Http.Res created = http.post("/v1/dossiers", requester, Fixtures.sanitaire(), "Idempotency-Key", "k-1");
    String id = created.json().get("id").asText();
    assertThat(http.post("/v1/dossiers", requester, Fixtures.sanitaire(), "Idempotency-Key", "k-1")
        .header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(http.post("/v1/dossiers", vt.demoToken(Role.CPAM), Fixtures.sanitaire()).status()).isEqualTo(403);
    assertThat(http.put("/v1/dossiers/" + id, requester, created.json(), "If-Match", "\"1\"").status())
        .isEqualTo(200);
    assertThat(AttachmentsTest.upload(vt, id, requester, "application/pdf",
        "%PDF-1.4 compte rendu".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).status()).isEqualTo(201);
    Http.Res sent = http.post("/v1/dossiers/" + id + "/requests", requester,
        Map.of("units", List.of("SMR-CARDIO-69", "SMR-GERIA-01")));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    String request = sent.json().at("/items/0/id").asText();
    String smr = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null);
    assertThat(http.post("/v1/requests/" + request + "/read", smr, null).status()).isEqualTo(200);
    assertThat(http.post("/v1/requests/" + request + "/responses", smr,
        Response.of(ResponseKind.ACCEPTED, null, null, null)).status()).isEqualTo(200);

    String mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    String handicap = http.post("/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
        .requester(new Requester(UnitId.of("MDPH-69"), null)).build()).json().get("id").asText();
    String notification = http.post("/v1/dossiers/" + handicap + "/requests", mdph,
        Map.of("units", List.of("IME-69"))).json().at("/items/0/id").asText();
    Http.Res status = http.post("/v1/requests/" + notification + "/esms-statuses",
        vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null),
        HandicapEndToEndTest.status("40", null));
    assertThat(status.status()).as(status.toString()).isEqualTo(200);

    assertThat(vt.advanceClock(Duration.ofDays(31))).isPositive(); // archives the unanswered SMR-GERIA-01 request
    return new Done(vt.demoToken(Role.REQUESTER), id); // the token is valid 12 h from the server's new time
  }

  /** The data part of {@link ReferenceServer#state()}. */
  static Map<String, Object> data(ReferenceServer vt) {
    return new java.util.LinkedHashMap<>(vt.state());
  }

  /** The data directory as a crash would leave it now: every acknowledged write is on disk. */
  private Path crashCopy(String name) throws Exception {
    return crashCopy(dir, dir.resolveSibling(dir.getFileName() + "-" + name));
  }

  /**
   * Copies a running, idle server's data directory {@code from} (but its lock) into {@code to}, as a crash leaves it:
   * the database file and its write-ahead log.
   */
  static Path crashCopy(Path from, Path to) throws java.io.IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().endsWith(".lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }

  private static ReferenceServer durable(Path dir) {
    return ReferenceServer.builder().dataDir(dir).demoDossiers(true).build().start();
  }

  @Test
  void aServerBuiltAgainOnTheDirectoryHasTheSameDataAndAcceptsTheSameTokens() throws Exception {
    Map<String, Object> before;
    Done done;
    Path crashed;
    try (ReferenceServer vt = durable()) {
      done = workload(vt);
      before = data(vt);
      crashed = crashCopy("crashed");
    }
    assertThat(before.get("dossiers")).isEqualTo(8); // 6 demo + 2
    assertThat((Integer) before.get("events")).isGreaterThan(10);
    for (Path d : List.of(dir, crashed)) { // after a clean close, after a crash (the write-ahead log not merged)
      try (ReferenceServer again = durable(d)) {
        assertThat(data(again)).as(d.toString()).isEqualTo(before);
        Http http = new Http(again);
        assertThat(http.get("/v1/dossiers/" + done.dossier(), done.token()).status()).isEqualTo(200);
        // ids continue where they were; the clock offset (31 days) was kept
        String next = http.post("/v1/dossiers", done.token(), Fixtures.sanitaire()).json().get("id").asText();
        assertThat(Integer.parseInt(next.substring(2)))
            .isGreaterThan(Integer.parseInt(done.dossier().substring(2)) + 3);
        assertThat(again.now()).isAfter(java.time.Instant.now().plus(Duration.ofDays(30)));
      }
    }
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) { // it holds the data: owner only
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
          dir.resolve("vt.db")))).isEqualTo("rw-------");
    }
  }

  @Test
  void aDamagedDatabaseStopsTheStartInsteadOfLosingData() throws Exception {
    Path crashed;
    try (ReferenceServer vt = durable()) {
      workload(vt);
      crashed = crashCopy("crashed");
    }
    Files.write(crashed.resolve("vt.db"), new byte[4096], StandardOpenOption.APPEND);
    assertThatThrownBy(() -> durable(crashed)).isInstanceOf(io.vtsdk.core.spi.StoreException.class)
        .hasMessageContaining("is damaged").hasMessageContaining("left as it is");
  }

  @Test
  @SuppressWarnings("try") // the resource is held open while the body runs
  void theDirectoryServesOneServerAtATimeAndKeepsItsData() {
    try (ReferenceServer vt = durable()) {
      assertThatThrownBy(this::durable).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another server");
    }
    try (ReferenceServer vt = ReferenceServer.builder().dataDir(dir).demoDossiers(true).seed(7).build()) {
      assertThat(vt.state().get("dossiers")).isEqualTo(6); // the data it has, not a new seed's
    }
  }

  @Test
  void aResetAndTheJavaHandleAreDurableToo() {
    Map<String, Object> before;
    try (ReferenceServer vt = durable()) {
      workload(vt);
      vt.reset();
      vt.setClock(Fixtures.NOW);
      io.vtsdk.server.fixtures.VtFixtures fx = io.vtsdk.server.fixtures.VtFixtures.seeded(11, Fixtures.TODAY);
      assertThat(vt.load(fx.dossier(io.vtsdk.model.VtModule.SANITAIRE).build())).hasSize(1);
      before = data(vt);
      assertThat(before.get("dossiers")).isEqualTo(7); // 6 demo + 1 loaded
    }
    try (ReferenceServer again = durable()) {
      assertThat(data(again)).isEqualTo(before);
      assertThat(again.now()).isEqualTo(Fixtures.NOW);
    }
  }

  @Test
  void aClosedDurableServerCannotStartAgain() {
    ReferenceServer vt = durable();
    vt.close();
    assertThatThrownBy(vt::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("build a new one");
  }

  @Test
  void withoutADataDirectoryNothingIsWritten() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      workload(vt);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
