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
import org.apiguardian.api.API;

/**
 * Admission requests: read, list, the workflow actions, ESMS statuses and waiting lists.
 *
 * <p>Every method blocks until the answer and throws a {@link VtException} on failure.
 * Each has a variant taking {@link RequestOptions}. Generated with its async twin by tools/gen-client-services.py.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Requests {
  private final Pipeline p;
  private final Endpoints e;

  Requests(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Reads a request. */
  public AdmissionRequest get(RequestId id) {
    return get(id, RequestOptions.none());
  }

  /** As {@link #get(RequestId)}, with per-call options. */
  public AdmissionRequest get(RequestId id, RequestOptions o) {
    return p.execute(e.getRequest(id, o));
  }

  /** One page of the requests the caller sees. */
  public Page<AdmissionRequest> list(RequestQuery query, String cursor) {
    return list(query, cursor, RequestOptions.none());
  }

  /** As {@link #list(RequestQuery, String)}, with per-call options. */
  public Page<AdmissionRequest> list(RequestQuery query, String cursor, RequestOptions o) {
    return p.execute(e.listRequests(query, cursor, o));
  }

  /** What the caller may do on the request now. */
  public AvailableActions availableActions(RequestId id) {
    return availableActions(id, RequestOptions.none());
  }

  /** As {@link #availableActions(RequestId)}, with per-call options. */
  public AvailableActions availableActions(RequestId id, RequestOptions o) {
    return p.execute(e.availableActions(id, o));
  }

  /** Marks the request read (receiving unit). */
  public AdmissionRequest read(RequestId id) {
    return read(id, RequestOptions.none());
  }

  /** As {@link #read(RequestId)}, with per-call options. */
  public AdmissionRequest read(RequestId id, RequestOptions o) {
    return p.execute(e.act(id, "read", o));
  }

  /** Answers the request (accept, refuse, waiting list, PRADO answers…). */
  public AdmissionRequest respond(RequestId id, Response response) {
    return respond(id, response, RequestOptions.none());
  }

  /** As {@link #respond(RequestId, Response)}, with per-call options. */
  public AdmissionRequest respond(RequestId id, Response response, RequestOptions o) {
    return p.execute(e.respond(id, response, o));
  }

  /** Cancels the request (requester). */
  public AdmissionRequest cancel(RequestId id) {
    return cancel(id, RequestOptions.none());
  }

  /** As {@link #cancel(RequestId)}, with per-call options. */
  public AdmissionRequest cancel(RequestId id, RequestOptions o) {
    return p.execute(e.act(id, "cancel", o));
  }

  /** Confirms the admission (requester); the dossier's other open requests are closed. */
  public AdmissionRequest confirmAdmission(RequestId id) {
    return confirmAdmission(id, RequestOptions.none());
  }

  /** As {@link #confirmAdmission(RequestId)}, with per-call options. */
  public AdmissionRequest confirmAdmission(RequestId id, RequestOptions o) {
    return p.execute(e.act(id, "confirm-admission", o));
  }

  /** Reports an ESMS status (R357/J252 with its ASS_A32 motif). */
  public AdmissionRequest reportEsmsStatus(RequestId id, EsmsStatus status) {
    return reportEsmsStatus(id, status, RequestOptions.none());
  }

  /** As {@link #reportEsmsStatus(RequestId, EsmsStatus)}, with per-call options. */
  public AdmissionRequest reportEsmsStatus(RequestId id, EsmsStatus status, RequestOptions o) {
    return p.execute(e.reportEsmsStatus(id, status, o));
  }

  /** The ESMS statuses reported on a request, oldest first. */
  public List<EsmsStatus> esmsStatuses(RequestId id) {
    return esmsStatuses(id, RequestOptions.none());
  }

  /** As {@link #esmsStatuses(RequestId)}, with per-call options. */
  public List<EsmsStatus> esmsStatuses(RequestId id, RequestOptions o) {
    return p.execute(e.esmsStatuses(id, o));
  }

  /** The waiting list of a unit (null: the caller's own). */
  public List<AdmissionRequest> waitingList(UnitId unit) {
    return waitingList(unit, RequestOptions.none());
  }

  /** As {@link #waitingList(UnitId)}, with per-call options. */
  public List<AdmissionRequest> waitingList(UnitId unit, RequestOptions o) {
    return p.execute(e.waitingList(unit, o));
  }

  /**
   * The accompagnant médico-social's dashboard (role ACCOMPAGNANT): every current Handicap request of the persons who
   * named the caller on their dossier, oldest first.
   */
  public List<AdmissionRequest> accompanied() {
    return accompanied(RequestOptions.none());
  }

  /** As {@link #accompanied()}, with per-call options. */
  public List<AdmissionRequest> accompanied(RequestOptions o) {
    return p.execute(e.accompaniedRequests(o));
  }

  /** Every matching item, fetched page by page as you iterate. */
  public Paged<AdmissionRequest> listAll(RequestQuery query) {
    return new Paged<>(cursor -> list(query, cursor));
  }

}
