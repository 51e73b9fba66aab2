package io.vtsdk.core.spi;

import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Where VT's data lives. {@link io.vtsdk.core.VtCore} runs every operation as one transaction of a store. The in-memory
 * store ({@link io.vtsdk.core.InMemoryStore}) is the default; a durable store on a database implements the same
 * contract, which {@code StoreContract} (vt-core's test-jar) checks for every store of the project:
 *
 * <ul>
 *   <li><b>atomic</b>: a write is all or nothing; when its work throws, nothing it did is kept (not even a consumed
 *       id) and the exception propagates unchanged;
 *   <li><b>serialisable</b>: concurrent writes behave as if run one after the other (two writes reading the same
 *       version and writing the next cannot both commit);
 *   <li><b>isolated</b>: a read sees one committed state, never a write in progress;
 *   <li><b>durable</b> (a durable store): the write is committed before {@link #write} returns;
 *   <li><b>failures are clean</b>: when the store cannot make a write durable (disk full, I/O error, lost connection)
 *       it throws {@link StoreException} ({@code UNAVAILABLE}), keeps nothing of it, and stays usable: the next write
 *       succeeds once the cause is gone, without a restart;
 *   <li><b>not re-entrant</b>: the core never calls {@link #read} or {@link #write} from inside a transaction's work,
 *       and nothing may rely on nesting; a store refuses it with {@link IllegalStateException}.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface Store extends AutoCloseable {

  /** Runs {@code work} on a consistent, committed view; {@code work} must not write, nor open another transaction. */
  <T> T read(Function<StoreTx, T> work);

  /**
   * Runs {@code work} as one atomic, serialisable transaction (see the contract above): when it throws, nothing it did
   * is kept and the exception propagates. A store that cannot make the write durable throws {@link StoreException}:
   * then nothing of it is kept either.
   *
   * @throws IllegalStateException when called from inside a transaction of this store (no nesting)
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
