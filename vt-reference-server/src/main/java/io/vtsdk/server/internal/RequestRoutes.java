package io.vtsdk.server.internal;

import io.vtsdk.api.AvailableActions;
import static io.vtsdk.server.internal.V1Replies.enumParam;
import static io.vtsdk.server.internal.V1Replies.intParam;
import static io.vtsdk.server.internal.V1Replies.invalid;
import static io.vtsdk.server.internal.V1Replies.requestId;

import io.vtsdk.core.RequestService;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.Written;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.workflow.RequestStatus;

/** Admission requests: list, read, actions, and the workflow actions. Not API. */
final class RequestRoutes {
  private final VtCore core;
  private final V1Replies out;

  RequestRoutes(VtCore core, V1Replies out) {
    this.core = core;
    this.out = out;
  }

  void register(Router r) {
    r.route("GET", "/v1/requests", this::listRequests);
    r.route("GET", "/v1/requests/{id}", this::getRequest);
    r.route("GET", "/v1/requests/{id}/available-actions", this::availableActions);
    r.route("POST", "/v1/requests/{id}/read",
        c -> request(core.requests().read(c.principal(), requestId(c), c.write())));
    r.route("POST", "/v1/requests/{id}/responses", this::respond);
    r.route("POST", "/v1/requests/{id}/cancel",
        c -> request(core.requests().cancel(c.principal(), requestId(c), c.write())));
    r.route("POST", "/v1/requests/{id}/confirm-admission",
        c -> request(core.requests().confirmAdmission(c.principal(), requestId(c), c.write())));
  }

  private Reply listRequests(Call c) {
    String dossier = c.query("dossier");
    return out.page(core.requests().list(c.principal(), dossier == null || dossier.isBlank() ? null : DossierId.of(dossier),
        enumParam(c, "status", RequestStatus.class), c.query("cursor"), intParam(c, "limit", 50, 1, 500)));
  }

  private Reply getRequest(Call c) {
    AdmissionRequest r = core.requests().get(c.principal(), requestId(c));
    return V1Replies.withEtag(Reply.json(200, out.representation(r.id(), r)), r.version());
  }

  private Reply availableActions(Call c) {
    RequestService.WithActions a = core.requests().availableActions(c.principal(), requestId(c));
    return out.ok(AvailableActions.of(a.request().status(), a.actions(), a.request().module()));
  }

  private Reply respond(Call c) {
    Response response = c.body(Response.class);
    if (response.kind() == null) {
      throw invalid("/kind", "required", "the kind of answer is required");
    }
    return request(core.requests().respond(c.principal(), requestId(c), response, c.write()));
  }

  private Reply request(Written<AdmissionRequest> w) {
    AdmissionRequest r = w.value();
    return V1Replies.replayed(w, V1Replies.withEtag(Reply.json(200, out.representation(r.id(), r)), r.version()));
  }
}
