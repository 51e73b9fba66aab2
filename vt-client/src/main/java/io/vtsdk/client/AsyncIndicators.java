package io.vtsdk.client;

import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.VtModule;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * Observatory indicators computed by the server, within the caller's scope (docs/testkit.md).
 *
 * <p>Every method returns at once; the future completes with the answer or a {@link VtException}.
 * Each has a variant taking {@link RequestOptions}. Generated with its blocking twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AsyncIndicators {
  private final Pipeline p;
  private final Endpoints e;

  AsyncIndicators(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Read and response rates and delays of the caller's requests (module null: all). */
  public CompletableFuture<RequestFigures> requests(VtModule module) {
    return requests(module, RequestOptions.none());
  }

  /** As {@link #requests(VtModule)}, with per-call options. */
  public CompletableFuture<RequestFigures> requests(VtModule module, RequestOptions o) {
    return p.executeAsync(e.requestIndicators(module, o));
  }

  /** Waiting lists per département and ESMS category. */
  public CompletableFuture<List<WaitingListRow>> waitingLists() {
    return waitingLists(RequestOptions.none());
  }

  /** As {@link #waitingLists()}, with per-call options. */
  public CompletableFuture<List<WaitingListRow>> waitingLists(RequestOptions o) {
    return p.executeAsync(e.waitingListIndicators(o));
  }

}
