package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.DurableStoreContract;
import io.vtsdk.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Nested;

/** {@link CoreOnStore} on the embedded SQLite store (a file per store). */
class CoreOnSqliteTest extends CoreOnStore {
  @TempDir
  Path dir;
  private int n;

  @Override
  Store newStore() {
    return JdbcStore.sqlite(dir.resolve("vt-" + n++ + ".db"));
  }

  /** A full disk, for real: the database limited to {@code PAGES} pages; healed by deleting what filled it. */
  @Nested
  class Durable extends DurableStoreContract {
    private static final int PAGES = 400; // 1.6 MB: room for the contract's 600 kB attachment
    private Path file;

    @Override
    protected Store newStore() {
      file = dir.resolve("vt-durable-" + n++ + ".db");
      return JdbcStore.builder().sqlite(file).maxPageCount(PAGES).build();
    }

    @Override
    protected Store reopen() {
      store.close();
      return JdbcStore.builder().sqlite(file).maxPageCount(PAGES).build();
    }

    @Override
    protected void breakWrites() {
      for (int i = 0; i < 100_000; i++) {
        int k = i;
        try {
          store.write(tx -> {
            tx.putDossier(dossier("F-" + k), "filler");
            return null;
          });
        } catch (io.vtsdk.core.spi.StoreException full) {
          return;
        }
      }
      throw new AssertionError("the database never filled up");
    }

    @Override
    protected void heal() {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
          java.sql.Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM vt_dossier WHERE id LIKE 'F-%'");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
