package io.vtsdk.testkit.internal;

import io.vtsdk.core.InMemoryStore;
import java.util.function.Supplier;

/**
 * The reference server's handle on its data: the core's {@link InMemoryStore} (one write at a time, rolled back when
 * it throws). The router's idempotency and the durable journal run their steps inside
 * one store write, so a call and its record are one transaction. Not API.
 */
public final class Store {
  final InMemoryStore data = new InMemoryStore();
  public InMemoryStore data() {
    return data;
  }

  public <T> T write(Supplier<T> work) {
    return data.write(tx -> work.get());
  }

  public <T> T read(Supplier<T> work) {
    return data.read(tx -> work.get());
  }

}
