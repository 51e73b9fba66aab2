package io.vtsdk.server.internal;

import io.vtsdk.api.Page;
import static io.vtsdk.server.internal.V1Replies.requestId;

import io.vtsdk.core.HandicapService;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.Written;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;

/** ESMS (SDO over /v1): reported statuses and waiting lists; the accompagnant's dashboard. Not API. */
final class EsmsRoutes {
  private final VtCore core;
  private final V1Replies out;

  EsmsRoutes(VtCore core, V1Replies out) {
    this.core = core;
    this.out = out;
  }

  void register(Router r) {
    r.route("POST", "/v1/requests/{id}/esms-statuses", this::reportEsmsStatus);
    r.route("GET", "/v1/requests/{id}/esms-statuses",
        c -> out.ok(Page.of(core.handicap().statuses(c.principal(), requestId(c)))));
    r.route("GET", "/v1/waiting-lists", c -> out.ok(Page.of(core.handicap().waitingList(c.principal(),
        unitParam(c)))));
    r.route("GET", "/v1/accompanied-requests",
        c -> out.ok(Page.of(core.handicap().accompaniedRequests(c.principal()))));
  }

  /** The {@code unit} query parameter; 400 naming it when it is given but is no unit id (blank included). */
  private static UnitId unitParam(Call c) {
    String v = c.query("unit");
    if (v == null) {
      return null;
    }
    try {
      return UnitId.of(v);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter 'unit': not a unit id");
    }
  }

  private Reply reportEsmsStatus(Call c) {
    EsmsStatus reported = c.body(EsmsStatus.class);
    Written<HandicapService.StatusReport> w = core.handicap().reportStatus(c.principal(), requestId(c), reported,
        c.write());
    AdmissionRequest updated = w.value().request();
    return V1Replies.replayed(w, V1Replies.withEtag(out.ok(updated), updated.version()));
  }
}
