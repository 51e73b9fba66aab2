package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable reference server ({@code dataDir}): a server built again on the same directory has the same data,
 * whatever the writes were; a torn last record is cut, corruption, other options and a second server are refused.
 * The SIGKILL-under-load proof (R6) is vt-cli's {@code KillAndRestartTest}.
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

  /** The data part of {@link ReferenceServer#state()}: without the journal's size, which a snapshot changes. */
  static Map<String, Object> data(ReferenceServer vt) {
    Map<String, Object> state = new java.util.LinkedHashMap<>(vt.state());
    state.remove("journalRecords");
    state.remove("journalBytes");
    return state;
  }

  /** The data directory as a crash would leave it now: every acknowledged write is on disk. */
  private Path crashCopy(String name) throws Exception {
    return crashCopy(dir, dir.resolveSibling(dir.getFileName() + "-" + name));
  }

  /** Copies a running server's data directory {@code from} (but its lock) into {@code to}, as a crash leaves it. */
  static Path crashCopy(Path from, Path to) throws java.io.IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("lock")) {
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
    assertThat(before.get("dossiers")).isEqualTo(7); // 5 demo + 2
    assertThat((Integer) before.get("events")).isGreaterThan(10);
    for (Path d : List.of(dir, crashed)) { // after a clean close (a snapshot), after a crash (the whole journal)
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
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).contains("snapshot-3.json.gz") // reset 1, closes 2, 3
          .doesNotContain("snapshot-2.json.gz");
    }
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) { // they hold the data: owner only
      for (String f : List.of("journal.log", "snapshot-3.json.gz", "token.secret")) {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
            dir.resolve(f)))).as(f).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void snapshotsEveryNRecordsThenTheJournalTailReplaysOnTop() throws Exception {
    Map<String, Object> before;
    Path crashed;
    try (ReferenceServer vt = ReferenceServer.builder().dataDir(dir).demoDossiers(true).snapshotEvery(5).build()
        .start()) {
      workload(vt);
      new Http(vt).post("/v1/dossiers", vt.demoToken(Role.REQUESTER), Fixtures.prado());
      before = data(vt);
      assertThat((Long) vt.state().get("journalRecords")).isBetween(2L, 4L); // a snapshot's mark, then the tail
      crashed = crashCopy("crashed");
    }
    try (var files = Files.list(crashed)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("snapshot-"))).hasSize(1);
    }
    try (ReferenceServer again = durable(crashed)) {
      assertThat(data(again)).isEqualTo(before);
    }
  }

  @Test
  void aCrashBetweenASnapshotAndTheRestartOfTheJournalLosesNothingAndAppliesNothingTwice() throws Exception {
    Map<String, Object> before;
    Path crashed;
    try (ReferenceServer vt = durable()) {
      workload(vt);
      before = data(vt);
      crashed = crashCopy("crashed"); // the journal of generation 1, all of it
    }
    // the close wrote snapshot 2: put it next to the journal it covers, as if the crash came before the restart
    Files.copy(dir.resolve("snapshot-2.json.gz"), crashed.resolve("snapshot-2.json.gz"));
    try (ReferenceServer again = durable(crashed)) {
      assertThat(data(again)).isEqualTo(before);
      assertThat(again.state().get("journalRecords")).isEqualTo(1L); // journal restarted after the snapshot
    }
    Files.delete(dir.resolve("snapshot-2.json.gz"));
    assertThatThrownBy(this::durable).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("continues snapshot 2, which is missing");
    assertThatThrownBy(this::durable).as("the failed start released the directory, wrote nothing")
        .hasMessageContaining("continues snapshot 2, which is missing");
  }

  @Test
  void aTornLastRecordIsCutAndEverythingBeforeItReplays() throws Exception {
    Map<String, Object> before;
    Path crashed;
    try (ReferenceServer vt = durable()) {
      workload(vt);
      before = data(vt);
      crashed = crashCopy("crashed");
    }
    Path journal = crashed.resolve("journal.log");
    long size = Files.size(journal);
    // a crash while a frame was being written: its length says more bytes than there are
    Files.write(journal, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, 1, 2, 3}, StandardOpenOption.APPEND);
    try (ReferenceServer again = durable(crashed)) {
      assertThat(data(again)).isEqualTo(before);
      assertThat(Files.size(journal)).isEqualTo(size);
    }
  }

  @Test
  void aDamagedRecordBeforeTheEndStopsTheStartInsteadOfLosingData() throws Exception {
    Path crashed;
    try (ReferenceServer vt = durable()) {
      workload(vt);
      crashed = crashCopy("crashed");
    }
    Path journal = crashed.resolve("journal.log");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(journal, bytes);
    assertThatThrownBy(() -> durable(crashed)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("journal.log is corrupt at byte").hasMessageContaining("move it away");
  }

  @Test
  void theDirectoryKeepsItsOptionsAndServesOneServerAtATime() {
    try (ReferenceServer vt = durable()) {
      assertThatThrownBy(this::durable).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("in use by another reference server");
    }
    assertThatThrownBy(() -> ReferenceServer.builder().dataDir(dir).demoDossiers(true).seed(7).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("seed=42").hasMessageContaining("seed=7");
    try (ReferenceServer vt = durable()) {
      assertThat(vt.state().get("dossiers")).isEqualTo(5); // the refused starts changed nothing
    }
  }

  @Test
  void aResetStartsTheJournalAgainAndTheJavaHandleIsJournaledToo() {
    Map<String, Object> before;
    try (ReferenceServer vt = durable()) {
      workload(vt);
      assertThat((Long) vt.state().get("journalRecords")).isGreaterThan(10);
      vt.reset();
      assertThat(vt.state().get("journalRecords")).isEqualTo(2L); // its mark and itself
      vt.setClock(Fixtures.NOW);
      io.vtsdk.testkit.fixtures.VtFixtures fx = io.vtsdk.testkit.fixtures.VtFixtures.seeded(11, Fixtures.TODAY);
      assertThat(vt.load(fx.dossier(io.vtsdk.model.VtModule.SANITAIRE).build())).hasSize(1);
      before = data(vt);
      assertThat(vt.state().get("journalRecords")).isEqualTo(4L);
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
      assertThat(vt.state()).doesNotContainKey("journalRecords");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
