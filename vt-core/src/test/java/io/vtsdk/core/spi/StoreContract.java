package io.vtsdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.dossier.Dossier;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Store} every store passes (its Javadoc states it): atomic, serialisable, isolated, not
 * re-entrant, and what it keeps. {@code InMemoryStoreContractTest} runs it here; vt-store-jdbc runs it on SQLite, H2
 * and PostgreSQL, and adds {@code DurableStoreContract} (failures and restarts).
 */
public abstract class StoreContract {
  protected Store store;

  /** A new, empty store. */
  protected abstract Store newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static Dossier dossier(String id) {
    return Fixtures.sanitaire().withId(DossierId.of(id));
  }

  protected static void put(StoreTx tx, String id) {
    tx.putDossier(dossier(id), "actor");
  }

  protected final List<String> dossierIds() {
    return store.read(tx -> tx.dossiers(0, Integer.MAX_VALUE).stream().map(d -> d.dossier().id().value()).toList());
  }

  @Test
  void aWriteThatThrowsKeepsNothingNotEvenAnIdAndTheExceptionIsItsOwn() {
    store.write(tx -> {
      put(tx, "D-1");
      return tx.newId("D");
    });
    IllegalArgumentException own = new IllegalArgumentException("refused by the work");
    assertThatThrownBy(() -> store.write(tx -> {
      put(tx, "D-2");
      tx.newId("D");
      tx.putSetting("s", "v");
      tx.putAttachment(io.vtsdk.model.AttachmentId.of("A-9"), DossierId.of("D-2"),
          new ByteArrayInputStream(new byte[] {1, 2, 3}));
      throw own;
    })).isSameAs(own);
    assertThat(dossierIds()).containsExactly("D-1");
    long lastId = store.read(StoreTx::lastId);
    assertThat(lastId).isEqualTo(1);
    boolean setting = store.read(tx -> tx.setting("s").isPresent());
    assertThat(setting).isFalse();
    List<io.vtsdk.model.AttachmentId> attachments = store.read(StoreTx::attachmentIds);
    assertThat(attachments).isEmpty();
  }

  @Test
  void transactionsDoNotNest() {
    assertThatThrownBy(() -> store.write(tx -> store.write(inner -> null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");
    assertThatThrownBy(() -> store.write(tx -> store.read(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.read(tx -> store.write(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
    store.write(tx -> {
      put(tx, "D-1");
      return null;
    });
    assertThat(dossierIds()).as("the store is usable after a refused nesting").containsExactly("D-1");
  }

  @Test
  void concurrentReadModifyWritesLoseNoUpdate() throws Exception {
    store.write(tx -> {
      tx.putSetting("counter", "0");
      return null;
    });
    int threads = 4;
    int increments = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < increments; i++) {
            store.write(tx -> {
              int n = Integer.parseInt(tx.setting("counter").orElseThrow());
              tx.putSetting("counter", String.valueOf(n + 1));
              return null;
            });
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    String counter = store.read(tx -> tx.setting("counter").orElseThrow());
    assertThat(counter).isEqualTo(String.valueOf(threads * increments));
  }

  @Test
  void aReadSeesACommittedStateNeverAWriteInProgress() throws Exception {
    CountDownLatch halfWritten = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer = pool.submit(() -> store.write(tx -> {
        put(tx, "D-1");
        halfWritten.countDown();
        try {
          release.await(60, TimeUnit.SECONDS); // generous: released by the test, not by time
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        put(tx, "D-2");
        return null;
      }));
      assertThat(halfWritten.await(60, TimeUnit.SECONDS)).isTrue();
      Future<List<String>> reader = pool.submit(this::dossierIds);
      try {
        reader.get(2, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException waiting) {
        // a store whose readers wait for the writer is isolated too: let the writer finish
      }
      release.countDown();
      writer.get();
      // whichever way the store isolates (a snapshot before the write, or a reader waiting for its commit), the
      // reader never sees half of it
      assertThat(reader.get()).isIn(List.of(), List.of("D-1", "D-2"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(dossierIds()).containsExactly("D-1", "D-2");
  }

  @Test
  void listsComeInCreationOrderAndReplacingKeepsTheCreator() {
    store.write(tx -> {
      put(tx, "D-2");
      put(tx, "D-1");
      tx.putDossier(dossier("D-2").toBuilder().version(2).build(), "someone else");
      return null;
    });
    assertThat(dossierIds()).containsExactly("D-2", "D-1");
    StoredDossier d2 = store.read(tx -> tx.dossier(DossierId.of("D-2")).orElseThrow());
    assertThat(d2.dossier().version()).isEqualTo(2);
    assertThat(d2.createdBy()).isEqualTo("actor");
  }

  @Test
  void attachmentContentsComeBackWholeAndTheIdCounterIsOneForTheStore() throws Exception {
    byte[] content = new byte[600_000];
    new java.util.Random(1).nextBytes(content);
    store.write(tx -> {
      put(tx, "D-1");
      tx.putAttachment(io.vtsdk.model.AttachmentId.of("A-1"), DossierId.of("D-1"), new ByteArrayInputStream(content));
      assertThat(tx.newId("D")).isEqualTo("D-1");
      assertThat(tx.newId("A")).isEqualTo("A-2");
      return null;
    });
    try (InputStream in = store.read(tx -> tx.openAttachment(io.vtsdk.model.AttachmentId.of("A-1")).orElseThrow())) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    DossierId owner = store.read(tx -> tx.attachmentOwner(io.vtsdk.model.AttachmentId.of("A-1")).orElseThrow());
    assertThat(owner).isEqualTo(DossierId.of("D-1"));
  }

  @Test
  void idempotencyRecordsAreBoundedAndSettingsSurviveClearingTheData() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    store.write(tx -> {
      for (int i = 0; i < 5; i++) {
        tx.putIdempotencyRecord(new IdempotencyRecord("scope-" + i, new byte[] {(byte) i}, new byte[] {42},
            t0.plusSeconds(i)), 3, t0);
      }
      tx.putSetting("secret", "kept");
      return null;
    });
    List<String> scopes = store.read(tx -> tx.idempotencyRecords().stream().map(IdempotencyRecord::scope).toList());
    assertThat(scopes).containsExactly("scope-2", "scope-3", "scope-4");
    IdempotencyRecord r = store.read(tx -> tx.idempotencyRecord("scope-3").orElseThrow());
    assertThat(r.result()).containsExactly(42);
    assertThat(r.requestHash()).containsExactly(3);
    store.write(tx -> {
      tx.putIdempotencyRecord(new IdempotencyRecord("late", new byte[0], new byte[0], t0.plusSeconds(100)), 10,
          t0.plusSeconds(4));
      return null;
    });
    List<String> kept = store.read(tx -> tx.idempotencyRecords().stream().map(IdempotencyRecord::scope).toList());
    assertThat(kept).as("older than notBefore: forgotten").containsExactly("scope-4", "late");
    store.write(tx -> {
      put(tx, "D-1");
      tx.clearData();
      return null;
    });
    assertThat(dossierIds()).isEmpty();
    boolean noRecord = store.read(tx -> tx.idempotencyRecords().isEmpty());
    assertThat(noRecord).isTrue();
    String secret = store.read(tx -> tx.setting("secret").orElseThrow());
    assertThat(secret).isEqualTo("kept");
  }
}
