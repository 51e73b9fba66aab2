package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** vt-core's own tests, on the embedded SQLite store. */
class VtCoreOnSqliteTest extends VtCoreTest {
  @TempDir
  Path dir;
  private int n;

  @Override
  protected Store newStore() {
    return JdbcStore.sqlite(dir.resolve("vt-" + n++ + ".db"));
  }
}
