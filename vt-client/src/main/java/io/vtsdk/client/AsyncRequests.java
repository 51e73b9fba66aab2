package io.vtsdk.client;

import io.vtsdk.api.AvailableActions;
import io.vtsdk.api.Page;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * Admission requests: read, list, the workflow actions, ESMS statuses and waiting lists.
 *
 * <p>Every method returns at once; the future completes with the answer or a {@link VtException}.
 * Each has a variant taking {@link RequestOptions}. Generated with its blocking twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AsyncRequests {
  private final Pipeline p;
  private final Endpoints e;

  AsyncRequests(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Reads a request. */
  public CompletableFuture<AdmissionRequest> get(RequestId id) {
    return get(id, RequestOptions.none());
  }

  /** As {@link #get(RequestId)}, with per-call options. */
  public CompletableFuture<AdmissionRequest> get(RequestId id, RequestOptions o) {
    return p.executeAsync(e.getRequest(id, o));
  }

  /** One page of the requests the caller sees. */
  public CompletableFuture<Page<AdmissionRequest>> list(RequestQuery query, String cursor) {
    return list(query, cursor, RequestOptions.none());
  }

  /** As {@link #list(RequestQuery, String)}, with per-call options. */
  public CompletableFuture<Page<AdmissionRequest>> list(RequestQuery query, String cursor, RequestOptions o) {
    return p.executeAsync(e.listRequests(query, cursor, o));
  }

  /** What the caller may do on the request now. */
  public CompletableFuture<AvailableActions> availableActions(RequestId id) {
    return availableActions(id, RequestOptions.none());
  }

  /** As {@link #availableActions(RequestId)}, with per-call options. */
  public CompletableFuture<AvailableActions> availableActions(RequestId id, RequestOptions o) {
    return p.executeAsync(e.availableActions(id, o));
  }

  /** Marks the request read (receiving unit). */
  public CompletableFuture<AdmissionRequest> read(RequestId id) {
    return read(id, RequestOptions.none());
  }

  /** As {@link #read(RequestId)}, with per-call options. */
  public CompletableFuture<AdmissionRequest> read(RequestId id, RequestOptions o) {
    return p.executeAsync(e.act(id, "read", o));
  }

  /** Answers the request (accept, refuse, waiting list, PRADO answers…). */
  public CompletableFuture<AdmissionRequest> respond(RequestId id, Response response) {
    return respond(id, response, RequestOptions.none());
  }

  /** As {@link #respond(RequestId, Response)}, with per-call options. */
  public CompletableFuture<AdmissionRequest> respond(RequestId id, Response response, RequestOptions o) {
    return p.executeAsync(e.respond(id, response, o));
  }

  /** Cancels the request (requester). */
  public CompletableFuture<AdmissionRequest> cancel(RequestId id) {
    return cancel(id, RequestOptions.none());
  }

  /** As {@link #cancel(RequestId)}, with per-call options. */
  public CompletableFuture<AdmissionRequest> cancel(RequestId id, RequestOptions o) {
    return p.executeAsync(e.act(id, "cancel", o));
  }

  /** Confirms the admission (requester); the dossier's other open requests are closed. */
  public CompletableFuture<AdmissionRequest> confirmAdmission(RequestId id) {
    return confirmAdmission(id, RequestOptions.none());
  }

  /** As {@link #confirmAdmission(RequestId)}, with per-call options. */
  public CompletableFuture<AdmissionRequest> confirmAdmission(RequestId id, RequestOptions o) {
    return p.executeAsync(e.act(id, "confirm-admission", o));
  }

  /** Reports an ESMS status (R357/J252 with its ASS_A32 motif). */
  public CompletableFuture<AdmissionRequest> reportEsmsStatus(RequestId id, EsmsStatus status) {
    return reportEsmsStatus(id, status, RequestOptions.none());
  }

  /** As {@link #reportEsmsStatus(RequestId, EsmsStatus)}, with per-call options. */
  public CompletableFuture<AdmissionRequest> reportEsmsStatus(RequestId id, EsmsStatus status, RequestOptions o) {
    return p.executeAsync(e.reportEsmsStatus(id, status, o));
  }

  /** The ESMS statuses reported on a request, oldest first. */
  public CompletableFuture<List<EsmsStatus>> esmsStatuses(RequestId id) {
    return esmsStatuses(id, RequestOptions.none());
  }

  /** As {@link #esmsStatuses(RequestId)}, with per-call options. */
  public CompletableFuture<List<EsmsStatus>> esmsStatuses(RequestId id, RequestOptions o) {
    return p.executeAsync(e.esmsStatuses(id, o));
  }

  /** The waiting list of a unit (null: the caller's own). */
  public CompletableFuture<List<AdmissionRequest>> waitingList(UnitId unit) {
    return waitingList(unit, RequestOptions.none());
  }

  /** As {@link #waitingList(UnitId)}, with per-call options. */
  public CompletableFuture<List<AdmissionRequest>> waitingList(UnitId unit, RequestOptions o) {
    return p.executeAsync(e.waitingList(unit, o));
  }

  /** The accompagnant médico-social's dashboard (role ACCOMPAGNANT), as {@link Requests#accompanied()}. */
  public CompletableFuture<List<AdmissionRequest>> accompanied() {
    return accompanied(RequestOptions.none());
  }

  /** As {@link #accompanied()}, with per-call options. */
  public CompletableFuture<List<AdmissionRequest>> accompanied(RequestOptions o) {
    return p.executeAsync(e.accompaniedRequests(o));
  }

  /** Every matching item: pages fetched one after the other without blocking; completes with them all. */
  public CompletableFuture<List<AdmissionRequest>> listAll(RequestQuery query) {
    return collect(query, null, new java.util.ArrayList<>());
  }

  private CompletableFuture<List<AdmissionRequest>> collect(RequestQuery query, String cursor, List<AdmissionRequest> acc) {
    return list(query, cursor).thenCompose(page -> {
      acc.addAll(page.items());
      return page.hasNext() ? collect(query, page.nextCursor(), acc)
          : CompletableFuture.completedFuture(List.copyOf(acc));
    });
  }

}
