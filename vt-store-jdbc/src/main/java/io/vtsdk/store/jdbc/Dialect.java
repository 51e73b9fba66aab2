package io.vtsdk.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the engines the store runs on: types, how writers are serialised. Not API. */
enum Dialect {
  /** Embedded, one process: writers are serialised in the process, readers run beside them (WAL). */
  SQLITE("TEXT", "BLOB", true),
  /** Shared by several servers: writers are serialised by a transaction-scoped advisory lock of the database. */
  POSTGRESQL("TEXT", "BYTEA", false),
  /** Embedded, one process (measured against SQLite; see docs/storage.md). */
  H2("VARCHAR(1000000)", "VARBINARY(1000000)", true);

  /** The advisory lock key every writer takes ("VTSD" in ASCII): one writer at a time across servers. */
  private static final long WRITE_LOCK_KEY = 0x56545344L;

  final String text;
  final String binary;
  final boolean embedded;

  Dialect(String text, String binary, boolean embedded) {
    this.text = text;
    this.binary = binary;
    this.embedded = embedded;
  }

  static Dialect of(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException("unsupported JDBC URL: give jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /**
   * Starts a write transaction on {@code c} (auto-commit off). PostgreSQL: every statement of a READ COMMITTED
   * transaction sees what committed before it, and the lock is taken first, so the writers of every server run one
   * after the other, each seeing all the earlier ones.
   */
  void beginWrite(Connection c) throws SQLException {
    if (this == POSTGRESQL) {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")");
      }
    }
  }
}
