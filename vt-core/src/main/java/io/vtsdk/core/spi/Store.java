package io.vtsdk.core.spi;

import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Where VT's data lives. {@link io.vtsdk.core.VtCore} runs every operation as one transaction of a store: a write is
 * all or nothing (a refused operation leaves no trace, not even a consumed id) and writes are serialisable; a read sees
 * one committed state. The in-memory store ({@link io.vtsdk.core.InMemoryStore}) is the default; a durable store on a
 * database implements the same contract.
 *
 * <p>Implementations must be thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface Store extends AutoCloseable {

  /** Runs {@code work} on a consistent view; {@code work} must not write. */
  <T> T read(Function<StoreTx, T> work);

  /**
   * Runs {@code work} as one atomic, serialisable transaction: when it throws, nothing it did is kept and the exception
   * propagates. A store that cannot make the write durable throws {@link StoreException}: then nothing of it is kept
   * either.
   */
  <T> T write(Function<StoreTx, T> work);

  /**
   * Whether other processes write to the same data (several servers on one database): the core then keeps no cache
   * of it between operations.
   */
  default boolean shared() {
    return false;
  }

  /** Releases the store's resources (files, connections). */
  @Override
  void close();
}
