package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** vt-core's own tests, on H2 (measured against SQLite for the embedded default; see docs/storage.md). */
class VtCoreOnH2Test extends VtCoreTest {
  @TempDir
  Path dir;
  private int n;

  @Override
  protected Store newStore() {
    return JdbcStore.builder().url("jdbc:h2:file:" + dir.resolve("vt-" + n++)).build();
  }
}
