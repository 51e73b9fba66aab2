package io.vtsdk.server.internal;

import io.vtsdk.api.Eligibility;
import io.vtsdk.api.EligibilityRequest;
import io.vtsdk.api.SendRequest;
import io.vtsdk.api.ServerManaged;
import io.vtsdk.api.ValidationResult;
import io.vtsdk.api.Page;
import static io.vtsdk.server.internal.V1Replies.dossierId;
import static io.vtsdk.server.internal.V1Replies.enumParam;
import static io.vtsdk.server.internal.V1Replies.intParam;
import static io.vtsdk.server.internal.V1Replies.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.Written;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.rules.Target;
import java.util.List;

/** Dossiers: create, list, read, update, validate, eligibility, preflight, send. Not API. */
final class DossierRoutes {
  private final VtCore core;
  private final V1Replies out;
  private final JsonMapper json;

  DossierRoutes(VtCore core, V1Replies out) {
    this.core = core;
    this.out = out;
    this.json = out.json();
  }

  void register(Router r) {
    r.route("POST", "/v1/dossiers", this::createDossier);
    r.route("GET", "/v1/dossiers", this::listDossiers);
    r.route("GET", "/v1/dossiers/{id}", this::getDossier);
    r.route("PUT", "/v1/dossiers/{id}", this::updateDossier);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/validate", this::validate);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/eligibility", this::eligibility);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/preflight", this::preflight);
    r.route("POST", "/v1/dossiers/{id}/requests", this::send);
  }

  /** The dossier a body describes (the members the server manages are ignored; {@code module} is required). */
  private Dossier dossierBody(Call c, String id) {
    JsonNode body = c.jsonBody();
    if (!body.isObject()) {
      throw new ApiException(400, "invalid-body", "the body must be a JSON object (a dossier)");
    }
    ObjectNode node = ((ObjectNode) body).deepCopy();
    node.remove(ServerManaged.DOSSIER);
    node.put("id", id);
    return c.bodyAs(node, Dossier.class);
  }

  private Reply createDossier(Call c) {
    Written<Dossier> w = core.dossiers().create(c.principal(), dossierBody(c, "new"), c.write());
    Dossier d = w.value();
    return V1Replies.replayed(w, V1Replies.withEtag(out.ok(201, d), d.version())
        .withHeader("Location", "/v1/dossiers/" + d.id()));
  }

  private Reply listDossiers(Call c) {
    return out.page(core.dossiers().list(c.principal(), V1Replies.moduleParam(c),
        enumParam(c, "status", DossierStatus.class), c.query("cursor"), intParam(c, "limit", 50, 1, 500)));
  }

  private Reply getDossier(Call c) {
    Dossier d = core.dossiers().get(c.principal(), dossierId(c));
    return V1Replies.withEtag(Reply.json(200, out.representation(d.id(), d)), d.version());
  }

  /**
   * A PUT: the whole dossier, its module included; {@code If-Match} ({@code "*"} or a list, RFC 9110 §13.1.1, strong
   * comparison) names the version read, which the core checks in the update's own transaction (412 if another update
   * came in between).
   */
  private Reply updateDossier(Call c) {
    String ifMatch = c.header("If-Match");
    if (ifMatch == null) {
      throw new ApiException(428, "precondition-required", "updates need If-Match with the ETag you read");
    }
    DossierId id = dossierId(c);
    Dossier d = core.dossiers().update(c.principal(), id, ETags.expectedVersion(ifMatch, true),
        dossierBody(c, id.value()), c.write()).value();
    return V1Replies.withEtag(out.ok(d), d.version());
  }

  private Reply validate(Call c) {
    Stage stage = c.query("stage") == null ? Stage.SUBMISSION : enumParam(c, "stage", Stage.class);
    if (stage == null) { // given empty: a code is required (an absent parameter means SUBMISSION)
      throw ApiException.badRequest("query parameter 'stage': empty; one of the Stage codes (DRAFT, SUBMISSION)");
    }
    ValidationReport report = core.dossiers().validate(c.principal(), dossierId(c), stage, c.locale);
    return out.ok(new ValidationResult(stage, report.isValid(), report.violations()));
  }

  private Reply eligibility(Call c) {
    EligibilityRequest body = c.body.length == 0 ? new EligibilityRequest(null, null, null)
        : c.body(EligibilityRequest.class);
    Target target = null;
    if (body.target() != null) {
      try {
        target = Target.parse(body.target());
      } catch (IllegalArgumentException e) {
        throw invalid("/target", "target.unknown", "not a target this server knows (e.g. PRADO/AVC, SMR)");
      }
    }
    return out.ok(Eligibility.of(core.dossiers().eligibility(c.principal(), dossierId(c), target, body.date(),
        body.unit())));
  }

  private Reply preflight(Call c) {
    return out.ok(core.requests().preflight(c.principal(), dossierId(c), units(c), c.locale));
  }

  private List<UnitId> units(Call c) {
    List<UnitId> units = c.body(SendRequest.class).units();
    if (units.isEmpty()) {
      throw invalid("/units", "required", "give the receiving units: {\"units\": [\"…\"]}");
    }
    return units;
  }

  private Reply send(Call c) {
    Written<List<AdmissionRequest>> w = core.requests().send(c.principal(), dossierId(c), units(c), c.write());
    return V1Replies.replayed(w, out.ok(201, Page.of(w.value())));
  }
}
