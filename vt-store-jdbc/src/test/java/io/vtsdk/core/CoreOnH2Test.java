package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link CoreOnStore} on H2 (measured against SQLite for the embedded default; docs/storage.md). */
class CoreOnH2Test extends CoreOnStore {
  @TempDir
  Path dir;
  private int n;

  @Override
  Store newStore() {
    return JdbcStore.builder().url("jdbc:h2:file:" + dir.resolve("vt-" + n++)).build();
  }
}
