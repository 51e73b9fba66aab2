package io.vtsdk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.core.spi.StoreException;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.dossier.Dossier;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded SQLite store: what it keeps, what it refuses, and that it never shortens a file itself. */
class JdbcStoreTest {
  @TempDir
  Path dir;

  private static Dossier dossier(int n) {
    return Fixtures.sanitaire().withId(DossierId.of("D-" + n));
  }

  private static void fill(JdbcStore store, int dossiers) {
    for (int i = 1; i <= dossiers; i++) {
      int n = i;
      store.write(tx -> {
        tx.putDossier(dossier(n), "actor");
        return null;
      });
    }
  }

  private static String sha(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void whatIsWrittenIsThereAfterReopeningAndTheFilesAreOwnerOnly() throws Exception {
    Path db = dir.resolve("data/vt.db");
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      fill(store, 3);
      store.write(tx -> {
        tx.putSetting("secret", "s1");
        tx.newId("X");
        return null;
      });
    }
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      assertThat(store.read((StoreTx tx) -> tx.dossiers(0, 10))).extracting(d -> d.dossier().id().value())
          .containsExactly("D-1", "D-2", "D-3");
      assertThat(store.read((StoreTx tx) -> tx.setting("secret"))).contains("s1");
      assertThat(store.read((StoreTx tx) -> tx.lastId())).isEqualTo(1);
    }
    assertThat(Files.getPosixFilePermissions(db)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void aRefusedWriteKeepsNothing() {
    try (JdbcStore store = JdbcStore.sqlite(dir.resolve("vt.db"))) {
      assertThatThrownBy(() -> store.write(tx -> {
        tx.putDossier(dossier(1), "a");
        tx.newId("D");
        throw new IllegalArgumentException("refused by the core");
      })).hasMessage("refused by the core");
      assertThat(store.read((StoreTx tx) -> tx.dossiers(0, 10))).isEmpty();
      assertThat(store.read((StoreTx tx) -> tx.lastId())).isZero();
    }
  }

  /**
   * Group commit: two writes queued behind a third join its transaction and the last one commits for all, once; the
   * one that throws is rolled back alone, and the two others are kept.
   */
  @Test
  void writesQueuedBehindAnotherShareOneCommitAndOneThatThrowsLeavesTheOthersKept() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try (JdbcStore store = JdbcStore.sqlite(dir.resolve("vt.db"))) {
      java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
      long commits = store.groupCommits();
      java.util.concurrent.Future<Object> first = pool.submit(() -> store.write(tx -> {
        tx.putDossier(dossier(1), "a");
        inside.countDown();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (store.queuedWriters() < 2 && System.nanoTime() < deadline) { // until both others wait behind it
          Thread.onSpinWait();
        }
        return null;
      }));
      inside.await();
      java.util.concurrent.Future<Object> second = pool.submit(() -> store.write(tx -> {
        tx.putDossier(dossier(2), "a");
        return null;
      }));
      java.util.concurrent.Future<Object> refused = pool.submit(() -> store.write(tx -> {
        tx.putDossier(dossier(3), "a");
        throw new IllegalArgumentException("refused by the core");
      }));
      first.get(20, java.util.concurrent.TimeUnit.SECONDS);
      second.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThatThrownBy(() -> refused.get(20, java.util.concurrent.TimeUnit.SECONDS))
          .hasRootCauseMessage("refused by the core");
      assertThat(store.groupCommits() - commits).as("one commit for the three writes").isEqualTo(1);
      assertThat(store.read((StoreTx tx) -> tx.dossiers(0, 10))).extracting(d -> d.dossier().id().value())
          .containsExactly("D-1", "D-2");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void attachmentsAreStreamedInChunksAndComeBackWhole() throws Exception {
    byte[] content = new byte[JdbcTx.CHUNK * 3 + 17];
    new java.util.Random(7).nextBytes(content);
    try (JdbcStore store = JdbcStore.sqlite(dir.resolve("vt.db"))) {
      store.write(tx -> {
        tx.putDossier(dossier(1), "a");
        tx.putAttachment(AttachmentId.of("A-1"), DossierId.of("D-1"), new java.io.ByteArrayInputStream(content));
        tx.putAttachment(AttachmentId.of("A-2"), DossierId.of("D-1"), InputStream.nullInputStream());
        return null;
      });
      try (InputStream in = store.read((StoreTx tx) -> tx.openAttachment(AttachmentId.of("A-1"))).orElseThrow()) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
      try (InputStream in = store.read((StoreTx tx) -> tx.openAttachment(AttachmentId.of("A-2"))).orElseThrow()) {
        assertThat(in.readAllBytes()).isEmpty();
      }
      assertThat(store.read((StoreTx tx) -> tx.attachmentOwner(AttachmentId.of("A-1")))).contains(DossierId.of("D-1"));
      assertThat(store.read((StoreTx tx) -> tx.openAttachment(AttachmentId.of("A-3")))).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("try") // the resource is held open while the body runs
  void aSecondServerOnTheSameFileIsRefused() {
    Path db = dir.resolve("vt.db");
    try (JdbcStore first = JdbcStore.sqlite(db)) {
      assertThatThrownBy(() -> JdbcStore.sqlite(db)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another server");
    }
    JdbcStore.sqlite(db).close(); // released with the first
  }

  @Test
  @SuppressWarnings("try")
  void theSameFileThroughAHardLinkIsRefusedToo() throws Exception {
    Path db = dir.resolve("a/vt.db");
    try (JdbcStore first = JdbcStore.sqlite(db)) {
      fill(first, 3);
      Path link = dir.resolve("b/vt.db");
      Files.createDirectories(link.getParent());
      Files.createLink(link, db); // another name, another vt.db.lock: the same file
      assertThatThrownBy(() -> JdbcStore.sqlite(link)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another path to the same file");
    }
  }

  @Test
  void anEmptyOrMissingDatabaseWhereAServerStoredDataIsRefused() throws Exception {
    Path db = dir.resolve("emptied/vt.db");
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      fill(store, 3);
    }
    Files.write(db, new byte[0]); // emptied behind the server's back
    assertThatThrownBy(() -> JdbcStore.sqlite(db)).isInstanceOf(StoreException.class)
        .hasMessageContaining("is empty although a server stored data in it");
    assertThat(Files.size(db)).as("left as it is").isZero();
    Files.delete(db);
    assertThatThrownBy(() -> JdbcStore.sqlite(db)).isInstanceOf(StoreException.class)
        .hasMessageContaining("is missing although a server stored data in it");
    assertThat(Files.exists(db)).as("not created again").isFalse();
  }

  @Test
  void anUncleanStopWithoutItsWriteAheadLogIsRefused() throws Exception {
    Path db = dir.resolve("crashed/vt.db");
    Path copy = dir.resolve("copy/vt.db");
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      fill(store, 3);
      // the files as a kill -9 leaves them: the server's state says open, the WAL holds the last writes
      Files.createDirectories(copy.getParent());
      for (String suffix : new String[] {"", "-wal", ".lock"}) {
        Path f = db.resolveSibling("vt.db" + suffix);
        if (Files.exists(f)) {
          Files.copy(f, copy.resolveSibling("vt.db" + suffix));
        }
      }
    }
    assertThat(Files.readString(copy.resolveSibling("vt.db.lock")).trim()).isEqualTo("open");
    Files.deleteIfExists(copy.resolveSibling("vt.db-wal"));
    assertThatThrownBy(() -> JdbcStore.sqlite(copy)).isInstanceOf(StoreException.class)
        .hasMessageContaining("write-ahead log");
    assertThat(Files.readString(db.resolveSibling("vt.db.lock")).trim()).as("a clean stop").isEqualTo("closed");
    JdbcStore.sqlite(db).close(); // the cleanly stopped one opens
  }

  @Test
  void aBitFlippedInsideARecordIsRefusedNotServed() throws Exception {
    Path db = dir.resolve("flipped/vt.db");
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      fill(store, 1);
    }
    byte[] bytes = Files.readAllBytes(db);
    byte[] marker = "quotidienne".getBytes(java.nio.charset.StandardCharsets.UTF_8); // in the dossier's care section
    int at = -1;
    for (int i = 0; i + marker.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        at = i;
      }
    }
    assertThat(at).as("the record's text is in the file").isNotNegative();
    try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
      raf.seek(at + marker.length - 1);
      raf.write(bytes[at + marker.length - 1] ^ 0x01); // 'e' becomes 'd': still JSON, still a text, now wrong
    }
    try (JdbcStore store = JdbcStore.sqlite(db)) { // quick_check sees the structure, not the content: it opens
      assertThatThrownBy(() -> store.read((StoreTx tx) -> tx.dossier(DossierId.of("D-1"))))
          .isInstanceOf(StoreException.class).hasMessageContaining("Dossier record (seq 1) is damaged")
          .hasMessageNotContaining("quotidienn");
      assertThat(((StoreException) org.assertj.core.api.Assertions.catchThrowable(
          () -> store.read((StoreTx tx) -> tx.dossiers(0, 10)))).kind()).isEqualTo(StoreException.Kind.DAMAGED);
    }
  }

  /** A change made to a closed database file. */
  @FunctionalInterface
  private interface Damage {
    void apply(RandomAccessFile file) throws java.io.IOException;
  }

  private Path damagedCopy(String name, Damage damage) throws Exception {
    Path db = dir.resolve(name + "/vt.db");
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      fill(store, 200);
    }
    try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
      damage.apply(raf);
    }
    return db;
  }

  private void assertRefusedAndUntouched(Path db, String why) throws Exception {
    String before = sha(db);
    long length = Files.size(db);
    assertThatThrownBy(() -> JdbcStore.sqlite(db)).isInstanceOf(StoreException.class)
        .hasMessageContaining("is damaged").hasMessageContaining(why)
        .hasMessageContaining("left as it is");
    assertThat(Files.size(db)).isEqualTo(length);
    assertThat(sha(db)).as("never repaired, never shortened").isEqualTo(before);
  }

  @Test
  void aTruncatedFileIsRefusedAndLeftAsItIs() throws Exception {
    Path db = damagedCopy("truncated", raf -> raf.setLength(raf.length() / 2));
    assertRefusedAndUntouched(db, "truncated");
  }

  @Test
  void garbageAppendedIsRefusedAndLeftAsItIs() throws Exception {
    Path db = damagedCopy("appended", raf -> {
      raf.seek(raf.length());
      raf.write(new byte[4096]);
    });
    assertRefusedAndUntouched(db, "longer than its header says");
  }

  @Test
  void aZeroedPageIsRefusedAndLeftAsItIs() throws Exception {
    Path db = damagedCopy("zeroed", raf -> {
      raf.seek(4096L * 3); // a page of the dossier table
      raf.write(new byte[4096]);
    });
    assertRefusedAndUntouched(db, "quick_check");
  }

  @Test
  void aFullDatabaseRefusesTheWriteKeepsEveryAcknowledgedOneAndRecovers() {
    Path db = dir.resolve("vt.db");
    List<String> acknowledged = new ArrayList<>();
    StoreException full = null;
    try (JdbcStore store = JdbcStore.builder().sqlite(db).maxPageCount(60).build()) {
      for (int i = 1; i <= 10_000 && full == null; i++) {
        int n = i;
        try {
          store.write(tx -> {
            tx.putDossier(dossier(n), "a");
            return null;
          });
          acknowledged.add("D-" + n);
        } catch (StoreException e) {
          full = e;
        }
      }
    }
    assertThat(full).as("the size limit is reached").isNotNull();
    assertThat(full.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
    assertThat(full.getMessage()).contains("nothing of the write was kept").doesNotContain("Sanitaire");
    try (JdbcStore store = JdbcStore.sqlite(db)) { // space is back
      assertThat(store.read((StoreTx tx) -> tx.dossiers(0, 100_000))).extracting(d -> d.dossier().id().value())
          .containsExactlyElementsOf(acknowledged);
      store.write(tx -> {
        tx.putDossier(dossier(100_001), "a");
        return null;
      });
    }
  }

  @Test
  void aDatabaseOfThePreviousSchemaVersionOpensAfterItsMigration() throws Exception {
    Path db = dir.resolve("vt.db");
    JdbcStore.builder().sqlite(db).schemaVersion("1").build().close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement("INSERT INTO vt_dossier (seq, id, requester_unit, created_by, "
            + "body) VALUES (1, 'D-1', NULL, 'a', ?)")) {
      ps.setString(1, io.vtsdk.model.json.VtJson.newMapper().writeValueAsString(dossier(1)));
      ps.executeUpdate();
    }
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      assertThat(store.read((StoreTx tx) -> tx.dossier(DossierId.of("D-1")))).isPresent();
      store.write(tx -> {
        tx.putSetting("migrated", "yes"); // a table of version 2
        return null;
      });
    }
  }

  /** V3: the Handicap notifications written by version 2 in a status other than SENT/READ become open for the sweep. */
  @Test
  void version3OpensTheHandicapNotificationsForTheSweep() throws Exception {
    Path db = dir.resolve("vt.db");
    JdbcStore.builder().sqlite(db).schemaVersion("2").build().close();
    io.vtsdk.model.request.AdmissionRequest waiting = new io.vtsdk.model.request.AdmissionRequest(
        io.vtsdk.model.RequestId.of("R-1"), DossierId.of("D-1"), Fixtures.handicap().module(),
        io.vtsdk.model.UnitId.of("IME-69"), io.vtsdk.model.workflow.RequestStatus.WAITING_LIST_ANALYSIS,
        Fixtures.NOW, Fixtures.NOW, Fixtures.NOW, null, List.of(), 3);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement("INSERT INTO vt_request (seq, id, dossier_id, unit_id, "
            + "requester_unit, open_flag, body) VALUES (1, 'R-1', 'D-1', 'IME-69', 'MDPH-69', 0, ?)")) {
      ps.setString(1, io.vtsdk.model.json.VtJson.newMapper().writeValueAsString(waiting));
      ps.executeUpdate();
    }
    assertThat(StoreTx.isOpen(waiting)).isTrue();
    try (JdbcStore store = JdbcStore.sqlite(db)) {
      assertThat(store.read((StoreTx tx) -> tx.openRequests())).extracting(r -> r.id().value())
          .containsExactly("R-1");
    }
  }
}
