package io.vtsdk.client;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.workflow.RequestStatus;
import org.apiguardian.api.API;

/**
 * Filters of {@code requests().list}: what the caller sees (a requester its dossiers' requests, a receiving unit its
 * inbox), by dossier and status; page size 1–500.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RequestQuery(DossierId dossier, RequestStatus status, Integer pageSize) {
  public RequestQuery {
    if (pageSize != null && (pageSize < 1 || pageSize > 500)) {
      throw new IllegalArgumentException("pageSize must be between 1 and 500, was " + pageSize);
    }
  }

  public static RequestQuery all() {
    return new RequestQuery(null, null, null);
  }

  public RequestQuery dossier(DossierId d) {
    return new RequestQuery(d, status, pageSize);
  }

  public RequestQuery status(RequestStatus s) {
    return new RequestQuery(dossier, s, pageSize);
  }

  public RequestQuery pageSize(int n) {
    return new RequestQuery(dossier, status, n);
  }
}
