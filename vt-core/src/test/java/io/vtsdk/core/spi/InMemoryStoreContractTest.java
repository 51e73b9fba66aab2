package io.vtsdk.core.spi;

import io.vtsdk.core.InMemoryStore;

/** The default store passes the {@link Store} contract. */
class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected Store newStore() {
    return new InMemoryStore();
  }
}
