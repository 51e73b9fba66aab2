package io.vtsdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.VtModule;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * Observatory indicators computed by the server (JSON, as documented in docs/testkit.md).
 *
 * <p>Every method returns at once; the future completes with the answer or a {@link VtException}.
 * Each has a variant taking {@link RequestOptions}. Generated with its blocking twin by tools/gen-client-services.py.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class AsyncIndicators {
  private final Pipeline p;
  private final Endpoints e;

  AsyncIndicators(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Read and response rates and delays of the caller's requests (module null: all). */
  public CompletableFuture<JsonNode> requests(VtModule module) {
    return requests(module, RequestOptions.none());
  }

  /** As {@link #requests(VtModule)}, with per-call options. */
  public CompletableFuture<JsonNode> requests(VtModule module, RequestOptions o) {
    return p.executeAsync(e.requestIndicators(module, o));
  }

  /** Waiting lists per département and ESMS category. */
  public CompletableFuture<JsonNode> waitingLists() {
    return waitingLists(RequestOptions.none());
  }

  /** As {@link #waitingLists()}, with per-call options. */
  public CompletableFuture<JsonNode> waitingLists(RequestOptions o) {
    return p.executeAsync(e.waitingListIndicators(o));
  }

}
