package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.DurableStoreContract;
import io.vtsdk.store.jdbc.TestDatabases;
import org.junit.jupiter.api.Nested;

/** {@link CoreOnStore} on PostgreSQL (a new database per store; the server .ci/run starts). */
class CoreOnPostgresTest extends CoreOnStore {
  @Override
  Store newStore() {
    return TestDatabases.freshPostgres().store().build();
  }

  /**
   * A failing commit, for real: a deferred constraint trigger raising an I/O error (SQL state 58030) when a
   * transaction that wrote a dossier commits; healed by dropping it.
   */
  @Nested
  class Durable extends DurableStoreContract {
    private TestDatabases.Postgres db;

    @Override
    protected Store newStore() {
      db = TestDatabases.freshPostgres();
      return db.store().build();
    }

    @Override
    protected Store reopen() {
      store.close();
      return db.store().build();
    }

    @Override
    protected void breakWrites() {
      sql("CREATE FUNCTION vt_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated device failure' "
          + "USING ERRCODE = '58030'; END $$ LANGUAGE plpgsql",
          "CREATE CONSTRAINT TRIGGER vt_test_fail AFTER INSERT OR UPDATE ON vt_dossier DEFERRABLE INITIALLY "
          + "DEFERRED FOR EACH ROW EXECUTE FUNCTION vt_test_fail()");
    }

    @Override
    protected void heal() {
      sql("DROP TRIGGER vt_test_fail ON vt_dossier", "DROP FUNCTION vt_test_fail()");
    }

    private void sql(String... statements) {
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
          java.sql.Statement s = c.createStatement()) {
        for (String statement : statements) {
          s.execute(statement);
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
