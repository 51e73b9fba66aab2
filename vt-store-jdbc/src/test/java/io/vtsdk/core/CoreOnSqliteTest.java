package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.DurableStoreContract;
import io.vtsdk.core.spi.StoreContract;
import io.vtsdk.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Nested;

/**
 * vt-core's own tests of every service, and the {@link Store} contract, re-run on the embedded SQLite store (a file per store): the same rules,
 * transitions, preconditions and replays as in memory.
 */
class CoreOnSqliteTest {
  @TempDir
  Path dir;
  private int n;

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

  @Nested
  class Contract extends StoreContract {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Facade extends VtCoreTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Dossiers extends DossierServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Requests extends RequestServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Idempotency extends IdempotencyTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Handicap extends HandicapServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Attachments extends AttachmentServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Events extends EventServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Observatory extends ObservatoryTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Fixtures extends FixtureServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }

  @Nested
  class Sweep extends SweeperTest {
    @Override
    protected Store newStore() {
      return CoreOnSqliteTest.this.newStore();
    }
  }
}
