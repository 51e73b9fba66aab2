package io.vtsdk.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests use: {@code VT_TEST_POSTGRES_URL} (a JDBC URL to a database the account may connect
 * to, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code VT_TEST_POSTGRES_USER} and
 * {@code VT_TEST_POSTGRES_PASSWORD}; the account needs CREATEDB. {@code .ci/run} installs and starts Debian's
 * {@code postgresql} and sets them, with {@code VT_REQUIRE_POSTGRES=1}: there, a missing server fails the tests
 * instead of skipping them.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A PostgreSQL database. */
  public record Postgres(String url, String user, String password) {
    public JdbcStore.Builder store() {
      return JdbcStore.builder().url(url).credentials(user, password);
    }
  }

  /** A new, empty PostgreSQL database (skipped when no server is configured, failed when one is required). */
  public static Postgres freshPostgres() {
    String url = System.getenv("VT_TEST_POSTGRES_URL");
    boolean required = "1".equals(System.getenv("VT_REQUIRE_POSTGRES"));
    if (url == null || url.isBlank()) {
      if (required) {
        throw new IllegalStateException("VT_REQUIRE_POSTGRES=1 but VT_TEST_POSTGRES_URL is not set");
      }
      Assumptions.abort("no PostgreSQL server: set VT_TEST_POSTGRES_URL (see .ci/run)");
    }
    String user = System.getenv("VT_TEST_POSTGRES_USER");
    String password = System.getenv("VT_TEST_POSTGRES_PASSWORD");
    String name = "vt_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
        .toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + url + ": " + e.getMessage(), e);
    }
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String dbUrl = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    return new Postgres(dbUrl, user, password);
  }
}
