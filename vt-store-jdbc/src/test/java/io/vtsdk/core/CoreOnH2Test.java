package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreContract;
import io.vtsdk.store.jdbc.JdbcStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Nested;

/**
 * vt-core's own tests of every service, and the {@link Store} contract, re-run on H2 (measured against SQLite for the embedded default; docs/storage.md): the same rules,
 * transitions, preconditions and replays as in memory.
 */
class CoreOnH2Test {
  @TempDir
  Path dir;
  private int n;

  Store newStore() {
    return JdbcStore.builder().url("jdbc:h2:file:" + dir.resolve("vt-" + n++)).build();
  }

  @Nested
  class Contract extends StoreContract {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Facade extends VtCoreTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Dossiers extends DossierServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Requests extends RequestServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Idempotency extends IdempotencyTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Handicap extends HandicapServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Attachments extends AttachmentServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Events extends EventServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Observatory extends ObservatoryTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Fixtures extends FixtureServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }

  @Nested
  class Sweep extends SweeperTest {
    @Override
    protected Store newStore() {
      return CoreOnH2Test.this.newStore();
    }
  }
}
