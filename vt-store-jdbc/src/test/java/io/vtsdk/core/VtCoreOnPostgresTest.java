package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.store.jdbc.TestDatabases;

/** vt-core's own tests, on PostgreSQL (a new database per store). */
class VtCoreOnPostgresTest extends VtCoreTest {
  @Override
  protected Store newStore() {
    return TestDatabases.freshPostgres().store().build();
  }
}
