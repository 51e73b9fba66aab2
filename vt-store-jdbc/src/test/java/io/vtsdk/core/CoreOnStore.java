package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreContract;
import org.junit.jupiter.api.Nested;

/**
 * vt-core's own tests of every service, and the {@link Store} contract, re-run on a store of vt-store-jdbc: the same
 * rules, transitions, preconditions and replays as in memory. Each engine's subclass says how to open its store.
 */
abstract class CoreOnStore {
  /** A new, empty store of the engine. */
  abstract Store newStore();

  @Nested
  class Facade extends VtCoreTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Dossiers extends DossierServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Requests extends RequestServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Idempotency extends IdempotencyTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Handicap extends HandicapServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Attachments extends AttachmentServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Events extends EventServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Observatory extends ObservatoryTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Fixtures extends FixtureServiceTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Sweep extends SweeperTest {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }

  @Nested
  class Contract extends StoreContract {
    @Override
    protected Store newStore() {
      return CoreOnStore.this.newStore();
    }
  }
}
