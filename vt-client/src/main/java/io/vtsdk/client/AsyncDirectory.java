package io.vtsdk.client;

import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * The directory of structures and units.
 *
 * <p>Every method returns at once; the future completes with the answer or a {@link VtException}.
 * Each has a variant taking {@link RequestOptions}. Generated with its blocking twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AsyncDirectory {
  private final Pipeline p;
  private final Endpoints e;

  AsyncDirectory(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Units matching the query. */
  public CompletableFuture<List<Unit>> search(UnitQuery query) {
    return search(query, RequestOptions.none());
  }

  /** As {@link #search(UnitQuery)}, with per-call options. */
  public CompletableFuture<List<Unit>> search(UnitQuery query, RequestOptions o) {
    return p.executeAsync(e.searchUnits(query, o));
  }

  /** One unit. */
  public CompletableFuture<Unit> get(UnitId id) {
    return get(id, RequestOptions.none());
  }

  /** As {@link #get(UnitId)}, with per-call options. */
  public CompletableFuture<Unit> get(UnitId id, RequestOptions o) {
    return p.executeAsync(e.getUnit(id, o));
  }

}
