package io.vtsdk.client;

import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.VtModule;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Observatory indicators computed by the server, within the caller's scope (docs/testkit.md).
 *
 * <p>Every method blocks until the answer and throws a {@link VtException} on failure.
 * Each has a variant taking {@link RequestOptions}. Generated with its async twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Indicators {
  private final Pipeline p;
  private final Endpoints e;

  Indicators(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Read and response rates and delays of the caller's requests (module null: all). */
  public RequestFigures requests(VtModule module) {
    return requests(module, RequestOptions.none());
  }

  /** As {@link #requests(VtModule)}, with per-call options. */
  public RequestFigures requests(VtModule module, RequestOptions o) {
    return p.execute(e.requestIndicators(module, o));
  }

  /** Waiting lists per département and ESMS category. */
  public List<WaitingListRow> waitingLists() {
    return waitingLists(RequestOptions.none());
  }

  /** As {@link #waitingLists()}, with per-call options. */
  public List<WaitingListRow> waitingLists(RequestOptions o) {
    return p.execute(e.waitingListIndicators(o));
  }

}
