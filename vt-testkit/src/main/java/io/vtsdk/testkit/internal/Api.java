package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.IllegalTransitionException;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import io.vtsdk.rules.Decision;
import io.vtsdk.rules.DossierFacts;
import io.vtsdk.rules.NoRuleSetException;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.rules.Target;
import io.vtsdk.rules.indicators.RequestIndicators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code /v1} routes of the reference server. Not API. */
public final class Api {
  private static final Set<Role> RECEIVING = EnumSet.of(Role.RECEIVER, Role.CPAM, Role.ESMS);
  private static final Set<RequestStatus> OPEN_FOR_ARCHIVE = EnumSet.of(RequestStatus.SENT, RequestStatus.READ);

  private final Store store;
  private final JsonMapper json;
  private final Clock clock;
  private final DossierValidator validator;
  private final RuleEngine rules;
  private final Duration archiveAfter;
  private final long maxAttachmentBytes;

  public Api(Store store, JsonMapper json, Clock clock, DossierValidator validator, RuleEngine rules,
      Duration archiveAfter) {
    this.store = store;
    this.json = json;
    this.clock = clock;
    this.validator = validator;
    this.rules = rules;
    this.archiveAfter = archiveAfter;
    this.maxAttachmentBytes = validator.maxAttachmentBytes();
  }

  public void register(Router r) {
    r.publicRoute("GET", "/v1/health", c -> ok(Map.of("status", "UP", "time", clock.instant().toString())));
    byte[] openApi = openApi();
    r.publicRoute("GET", "/v1/openapi.json", c -> Reply.json(200, openApi));
    r.route("GET", "/v1/units", this::searchUnits);
    r.route("GET", "/v1/units/{id}", c -> ok(unit(c.path("id"))));
    r.route("POST", "/v1/dossiers", this::createDossier);
    r.route("GET", "/v1/dossiers", this::listDossiers);
    r.route("GET", "/v1/dossiers/{id}", this::getDossier);
    r.route("PUT", "/v1/dossiers/{id}", this::updateDossier);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/validate", this::validate);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/eligibility", this::eligibility);
    r.route("POST", "/v1/dossiers/{id}/requests", this::send);
    r.route("POST", "/v1/dossiers/{id}/attachments", this::upload, maxAttachmentBytes);
    r.route("GET", "/v1/attachments/{id}", this::download);
    r.route("GET", "/v1/requests", this::listRequests);
    r.route("GET", "/v1/requests/{id}", this::getRequest);
    r.route("GET", "/v1/requests/{id}/available-actions", this::availableActions);
    r.route("POST", "/v1/requests/{id}/read", c -> transition(c, Action.READ, null));
    r.route("POST", "/v1/requests/{id}/responses", this::respond);
    r.route("POST", "/v1/requests/{id}/cancel", c -> transition(c, Action.CANCEL, null));
    r.route("POST", "/v1/requests/{id}/confirm-admission", c -> transition(c, Action.CONFIRM_ADMISSION, null));
    r.route("POST", "/v1/requests/{id}/esms-statuses", this::reportEsmsStatus);
    r.route("GET", "/v1/requests/{id}/esms-statuses", this::esmsStatuses);
    r.route("GET", "/v1/waiting-lists", this::waitingList);
    r.route("GET", "/v1/indicators/requests", this::requestIndicators);
    r.route("GET", "/v1/indicators/waiting-lists", this::waitingListIndicators);
    r.route("GET", "/v1/events", this::events);
  }

  private static byte[] openApi() {
    try (java.io.InputStream in = Api.class.getResourceAsStream("/io/vtsdk/testkit/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("io/vtsdk/testkit/openapi.json is missing from the jar");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------------------ directory

  private Reply searchUnits(Call c) {
    VtModule module = enumParam(c, "module", VtModule.class);
    TargetKind target = enumParam(c, "target", TargetKind.class);
    PradoVolet volet = enumParam(c, "pradoVolet", PradoVolet.class);
    String dep = c.query("departement");
    String finess = c.query("finess");
    String category = c.query("category");
    List<Unit> found = store.read(() -> store.units.values().stream()
        .filter(u -> module == null || u.modules().contains(module))
        .filter(u -> target == null || u.targetKinds().contains(target))
        .filter(u -> volet == null || u.pradoVolets().contains(volet))
        .filter(u -> dep == null || (u.departement() != null && u.departement().code().equalsIgnoreCase(dep)))
        .filter(u -> finess == null || (u.structure() != null && u.structure().value().equals(finess)))
        .filter(u -> category == null || (u.esmsCategory() != null && u.esmsCategory().code().equals(category)))
        .toList());
    return ok(Envelopes.Items.of(found));
  }

  private Unit unit(String id) {
    Unit u = store.read(() -> store.units.get(UnitId.of(id)));
    if (u == null) {
      throw ApiException.notFound("unit", id);
    }
    return u;
  }

  // ------------------------------------------------------------------------------------------------ dossiers

  private Reply createDossier(Call c) {
    JsonNode body = c.jsonBody();
    if (!body.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object (a dossier)");
    }
    ObjectNode node = ((ObjectNode) body).deepCopy();
    for (String serverManaged : List.of("status", "version", "createdAt", "updatedAt", "history")) {
      node.remove(serverManaged);
    }
    Principal p = c.principal();
    return store.write(() -> {
      sweep();
      String id = store.newId("D");
      node.put("id", id);
      Dossier draft = c.bodyAs(node, Dossier.class);
      Workflow w = Workflow.of(draft.module());
      if (!w.senders().contains(p.role())) {
        throw ApiException.forbidden("role " + p.role() + " cannot create a " + draft.module() + " dossier; "
            + "allowed: " + w.senders());
      }
      Requester requester = draft.requester() == null ? new Requester(p.unit(), null) : draft.requester();
      if (!requester.unit().equals(p.unit())) {
        throw ApiException.forbidden("requester.unit must be your own unit (" + p.unit() + ")");
      }
      Instant now = clock.instant();
      Dossier d = draft.toBuilder().requester(requester).number("VT-" + id).status(DossierStatus.DRAFT).version(1)
          .createdAt(now).updatedAt(now).history(List.of()).build();
      requireValid(d, Stage.DRAFT, c.locale);
      store.dossiers.put(d.id(), d);
      emit("dossier.created", d, null, null, p.role(), null);
      return withEtag(ok(201, d), d.version()).withHeader("Location", "/v1/dossiers/" + d.id());
    });
  }

  private Reply listDossiers(Call c) {
    Principal p = c.principal();
    VtModule module = enumParam(c, "module", VtModule.class);
    DossierStatus status = enumParam(c, "status", DossierStatus.class);
    int limit = intParam(c, "limit", 50, 1, 500);
    long after = cursorParam(c, "cursor");
    return store.read(() -> ok(Envelopes.Items.page(store.dossiers.values(),
        d -> owns(p, d) && (module == null || d.module() == module) && (status == null || d.status() == status),
        after, limit)));
  }

  private Reply getDossier(Call c) {
    Dossier d = store.read(() -> visibleDossier(c.principal(), c.path("id")));
    return withEtag(Reply.json(200, representation(d.id(), d)), d.version());
  }

  /** The JSON of a stored record, serialised once per version (the cache checks it is the same object). */
  private byte[] representation(Object id, Object current) {
    Store.Representation r = store.representations.get(id);
    if (r != null && r.source() == current) {
      return r.json();
    }
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(current);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + current.getClass().getSimpleName(), e);
    }
    store.representations.put(id, new Store.Representation(current, bytes));
    return bytes;
  }

  private Reply updateDossier(Call c) {
    String ifMatch = c.header("If-Match");
    if (ifMatch == null) {
      throw new ApiException(428, "precondition-required", "updates need If-Match with the ETag you read");
    }
    JsonNode body = c.jsonBody();
    if (!body.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object (a dossier)");
    }
    Principal p = c.principal();
    return store.write(() -> {
      sweep();
      Dossier current = visibleDossier(p, c.path("id"));
      if (!owns(p, current)) {
        throw ApiException.forbidden("only the requesting unit may update its dossier");
      }
      if (!etag(current.version()).equals(ifMatch.trim())) {
        throw new ApiException(412, "precondition-failed", "the dossier changed since you read it",
            List.of(), Map.of("currentVersion", current.version(), "currentEtag", etag(current.version())));
      }
      if (current.status() != DossierStatus.DRAFT && current.status() != DossierStatus.SENT) {
        throw new ApiException(409, "conflict", "a dossier in status " + current.status() + " cannot be updated");
      }
      ObjectNode node = ((ObjectNode) body).deepCopy();
      node.put("id", current.id().value());
      node.put("module", current.module().name());
      Dossier sent = c.bodyAs(node, Dossier.class);
      if (sent.requester() != null && !sent.requester().unit().equals(current.requester().unit())) {
        throw ApiException.forbidden("requester.unit cannot change");
      }
      Dossier d = sent.toBuilder().requester(sent.requester() == null ? current.requester() : sent.requester())
          .number(current.number()).status(current.status()).version(current.version() + 1)
          .createdAt(current.createdAt()).updatedAt(clock.instant()).history(current.history()).build();
      requireValid(d, Stage.DRAFT, c.locale);
      store.dossiers.put(d.id(), d);
      emit("dossier.updated", d, null, null, p.role(), null);
      return withEtag(ok(d), d.version());
    });
  }

  private Reply validate(Call c) {
    Stage stage = c.query("stage") == null ? Stage.SUBMISSION : enumParam(c, "stage", Stage.class);
    Dossier d = store.read(() -> visibleDossier(c.principal(), c.path("id")));
    ValidationReport report = validator.validate(d, stage, c.locale);
    return ok(new Envelopes.Report(stage, report.isValid(), report.violations()));
  }

  private Reply eligibility(Call c) {
    JsonNode body = c.body.length == 0 ? json.createObjectNode() : c.jsonBody();
    Dossier d = store.read(() -> visibleDossier(c.principal(), c.path("id")));
    Target target;
    try {
      target = body.hasNonNull("target") ? Target.parse(body.get("target").asText())
          : d.orientation() == null ? null : Target.of(d.orientation());
    } catch (IllegalArgumentException e) {
      throw new ApiException(422, "validation-failed", e.getMessage());
    }
    if (target == null) {
      throw new ApiException(422, "validation-failed", "the dossier has no orientation: give a target");
    }
    LocalDate on;
    try {
      on = body.hasNonNull("date") ? LocalDate.parse(body.get("date").asText()) : LocalDate.now(clock);
    } catch (DateTimeParseException e) {
      throw new ApiException(422, "validation-failed", "date must be YYYY-MM-DD");
    }
    Unit targetUnit = body.hasNonNull("unit") ? unit(body.get("unit").asText()) : null;
    Unit requesting = d.requester() == null ? null : store.read(() -> store.units.get(d.requester().unit()));
    Set<String> cpams = store.read(() -> store.units.values().stream().map(Unit::cpamCode)
        .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
    try {
      Decision decision = rules.evaluate(target, DossierFacts.of(d).requestingUnit(requesting)
          .targetUnit(targetUnit).knownCpamCodes(cpams).build(), on);
      return ok(decision);
    } catch (NoRuleSetException e) {
      throw new ApiException(422, "no-rule-set", e.getMessage());
    }
  }

  // ------------------------------------------------------------------------------------------------ attachments

  /**
   * Upload: the raw body is the file, its Content-Type the file's type, {@code ?fileName=} its name. The server
   * computes the sha-256; an {@code X-Content-SHA256} header (hex) is checked against it. The metadata is added to the
   * dossier (validated: size limit, allowed types) and the dossier's version increases.
   */
  private Reply upload(Call c) {
    String fileName = c.query("fileName");
    if (fileName == null || fileName.isBlank()) {
      throw new ApiException(422, "validation-failed", "give the file name: ?fileName=compte-rendu.pdf");
    }
    String type = c.header("Content-Type");
    String sha = hex(Router.sha256(c.body));
    String announced = c.header("X-Content-SHA256");
    if (announced != null && !announced.trim().equalsIgnoreCase(sha)) {
      throw new ApiException(422, "validation-failed", "the content's sha-256 does not match X-Content-SHA256:"
          + " the file was altered or truncated in transit");
    }
    Principal p = c.principal();
    return store.write(() -> {
      Dossier d = visibleDossier(p, c.path("id"));
      if (!owns(p, d)) {
        throw ApiException.forbidden("only the requesting unit may attach files to its dossier");
      }
      io.vtsdk.model.dossier.Attachment a = new io.vtsdk.model.dossier.Attachment(
          io.vtsdk.model.AttachmentId.of(store.newId("A")), fileName, type == null ? "" : type, c.body.length, sha,
          clock.instant());
      List<io.vtsdk.model.dossier.Attachment> all = new ArrayList<>(d.attachments());
      all.add(a);
      Dossier updated = d.toBuilder().attachments(all).version(d.version() + 1).updatedAt(clock.instant()).build();
      requireValid(updated, Stage.DRAFT, c.locale);
      store.dossiers.put(updated.id(), updated);
      store.attachmentContents.put(a.id(), c.body.clone());
      store.attachmentDossier.put(a.id(), d.id());
      emit("dossier.attachment", updated, null, null, p.role(), null);
      return ok(201, a).withHeader("Location", "/v1/attachments/" + a.id()).withHeader("ETag", "\"" + sha + "\"");
    });
  }

  private Reply download(Call c) {
    Principal p = c.principal();
    return store.read(() -> {
      io.vtsdk.model.AttachmentId id = io.vtsdk.model.AttachmentId.of(c.path("id"));
      DossierId dossier = store.attachmentDossier.get(id);
      if (dossier == null) {
        throw ApiException.notFound("attachment", c.path("id"));
      }
      Dossier d;
      try {
        d = visibleDossier(p, dossier.value());
      } catch (ApiException e) {
        throw ApiException.notFound("attachment", c.path("id"));
      }
      io.vtsdk.model.dossier.Attachment meta = d.attachments().stream().filter(a -> a.id().equals(id)).findFirst()
          .orElseThrow(() -> ApiException.notFound("attachment", c.path("id")));
      return new Reply(200, Map.of("Content-Type", meta.contentType(), "ETag", "\"" + meta.sha256() + "\"",
          "X-Content-SHA256", meta.sha256()), store.attachmentContents.get(id));
    });
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------------------------ requests

  private Reply send(Call c) {
    JsonNode body = c.jsonBody();
    JsonNode units = body.get("units");
    if (units == null || !units.isArray() || units.isEmpty()) {
      throw new ApiException(422, "validation-failed", "give the receiving units: {\"units\": [\"…\"]}");
    }
    Principal p = c.principal();
    return store.write(() -> {
      sweep();
      Dossier d = visibleDossier(p, c.path("id"));
      if (!owns(p, d)) {
        throw ApiException.forbidden("only the requesting unit may send its dossier");
      }
      Workflow w = Workflow.of(d.module());
      RequestStatus initial = start(w, p.role());
      requireValid(d, Stage.SUBMISSION, c.locale);
      List<Unit> targets = new ArrayList<>();
      for (JsonNode u : units) {
        if (!u.isTextual() || u.asText().isBlank()) {
          throw new ApiException(422, "validation-failed", "units: each unit is a non-blank unit id string");
        }
        Unit unit = store.units.get(UnitId.of(u.asText()));
        if (unit == null) {
          throw new ApiException(422, "validation-failed", "unknown unit '" + u.asText() + "'");
        }
        checkReceives(d, unit);
        boolean already = store.requestsOf(d.id()).stream()
            .anyMatch(r -> r.unit().equals(unit.id()) && !w.isTerminal(r.status()));
        if (already || targets.contains(unit)) {
          throw new ApiException(409, "conflict", "the dossier is already sent to unit " + unit.id());
        }
        targets.add(unit);
      }
      return ok(201, Envelopes.Items.of(createRequests(d, targets, initial, p.role())));
    });
  }

  /** Creates one request per target unit and marks the dossier SENT. Call under the write lock. */
  private List<AdmissionRequest> createRequests(Dossier d, List<Unit> targets, RequestStatus initial, Role role) {
    Instant now = clock.instant();
    List<AdmissionRequest> created = new ArrayList<>();
    for (Unit unit : targets) {
      AdmissionRequest r = new AdmissionRequest(RequestId.of(store.newId("R")), d.id(), d.module(), unit.id(),
          initial, now, null, null, null, List.of(), 1);
      store.addRequest(r);
      created.add(r);
      Instant due = now.plus(archiveAfter);
      if (store.nextArchiveDue == null || due.isBefore(store.nextArchiveDue)) {
        store.nextArchiveDue = due;
      }
    }
    Dossier sent = d.toBuilder().status(DossierStatus.SENT).version(d.version() + 1).updatedAt(now).build();
    store.dossiers.put(sent.id(), sent);
    for (AdmissionRequest r : created) {
      emit("request.sent", sent, r, Action.SEND, role, r.status());
    }
    return created;
  }

  private void checkReceives(Dossier d, Unit unit) {
    if (!unit.modules().contains(d.module())) {
      throw new ApiException(422, "validation-failed", "unit " + unit.id() + " does not receive " + d.module()
          + " requests");
    }
    TargetKind kind = d.orientation().target();
    if (!unit.targetKinds().contains(kind)) {
      throw new ApiException(422, "validation-failed", "unit " + unit.id() + " is not a " + kind);
    }
    if (d.module() == VtModule.HANDICAP && (unit.esmsCategory() == null || d.mdphDecision() == null
        || !d.mdphDecision().allowsCategory(unit.esmsCategory().code()))) {
      throw new ApiException(422, "validation-failed", "the MDPH decision does not orient to the category of "
          + unit.id());
    }
    if (d.module() == VtModule.PRADO) {
      String cpam = d.patient().insurance() == null ? null : d.patient().insurance().cpamCode();
      if (cpam == null || !cpam.equals(unit.cpamCode())) {
        throw new ApiException(422, "validation-failed", "a Prado request goes to the patient's CPAM de"
            + " rattachement (" + cpam + "), not to " + unit.id());
      }
    }
  }

  private Reply listRequests(Call c) {
    Principal p = c.principal();
    String dossier = c.query("dossier");
    RequestStatus status = enumParam(c, "status", RequestStatus.class);
    int limit = intParam(c, "limit", 50, 1, 500);
    long after = cursorParam(c, "cursor");
    return store.read(() -> ok(Envelopes.Items.page(store.requests.values(),
        r -> canSee(p, r) && (dossier == null || r.dossierId().value().equals(dossier))
            && (status == null || r.status() == status), after, limit)));
  }

  private Reply getRequest(Call c) {
    AdmissionRequest r = store.read(() -> visibleRequest(c.principal(), c.path("id")));
    return withEtag(Reply.json(200, representation(r.id(), r)), r.version());
  }

  private Reply availableActions(Call c) {
    Principal p = c.principal();
    return store.read(() -> {
      AdmissionRequest r = visibleRequest(p, c.path("id"));
      Set<Action> actions = relation(p, r) ? Workflow.of(r.module()).availableActions(r.status(), p.role())
          : Set.of();
      return ok(new Envelopes.Actions(r.status(), r.taskStatus(), actions));
    });
  }

  private Reply respond(Call c) {
    Response response = c.bodyAs(c.jsonBody(), Response.class);
    return transition(c, response.kind().action(), response);
  }

  private Reply transition(Call c, Action action, Response response) {
    Principal p = c.principal();
    if (response != null) {
      ValidationReport report = validator.validate(response, Stage.DRAFT, c.locale);
      if (!report.isValid()) {
        throw new ApiException(422, "validation-failed", "the response is invalid", report.violations(), Map.of());
      }
    }
    AdmissionRequest updated = store.write(() -> {
      sweep();
      AdmissionRequest r = visibleRequest(p, c.path("id"));
      if (response != null && !response.kind().modules().contains(r.module())) {
        throw new ApiException(422, "validation-failed", "a " + response.kind() + " answer does not exist in "
            + r.module());
      }
      if (!relation(p, r)) {
        throw ApiException.forbidden("your unit is not a party to this request in role " + p.role());
      }
      return act(r, action, p.role(), response);
    });
    // serialised outside the write lock: the record is immutable
    return withEtag(Reply.json(200, representation(updated.id(), updated)), updated.version());
  }

  /** Applies a workflow action (and its response) to a request. Call under the write lock. */
  private AdmissionRequest act(AdmissionRequest r, Action action, Role role, Response response) {
    RequestStatus to = apply(Workflow.of(r.module()), r.status(), action, role);
    Instant now = clock.instant();
    List<Response> responses = new ArrayList<>(r.responses());
    if (response != null) {
      responses.add(new Response(response.kind(), response.motif(), response.comment(), response.author(), now,
          response.proposedEntryDate()));
    }
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt() == null && action == Action.READ ? now : r.readAt(),
        response != null && r.answeredAt() == null ? now : r.answeredAt(),
        Workflow.of(r.module()).isTerminal(to) ? now : r.closedAt(), responses, r.version() + 1);
    store.requests.put(updated.id(), updated);
    Dossier d = store.dossiers.get(r.dossierId());
    emit("request." + action.name().toLowerCase(Locale.ROOT), d, updated, action, role, to);
    if (action == Action.CONFIRM_ADMISSION) {
      closeOthers(d, updated, now);
    } else if (action == Action.CANCEL) {
      maybeCancelDossier(d, now);
    }
    return updated;
  }

  /**
   * Loads the demo dossiers through the same checks as the HTTP routes (validation at SUBMISSION before sending,
   * unit checks, workflow). A demo scenario that breaks a rule is a bug: it fails the server's start. Call under the
   * write lock.
   */
  void seed(List<DemoDossiers.Scenario> scenarios) {
    Instant now = clock.instant();
    for (DemoDossiers.Scenario sc : scenarios) {
      Dossier d = stored(sc.draft(), now);
      requireValid(d, Stage.DRAFT, Locale.FRENCH);
      store.dossiers.put(d.id(), d);
      emit("dossier.created", d, null, null, Workflow.of(d.module()).senders().iterator().next(), null);
      if (sc.sendTo().isEmpty()) {
        continue;
      }
      requireValid(d, Stage.SUBMISSION, Locale.FRENCH);
      List<Unit> targets = new ArrayList<>();
      for (String id : sc.sendTo()) {
        Unit u = store.units.get(UnitId.of(id));
        checkReceives(d, u);
        targets.add(u);
      }
      Role sender = Workflow.of(d.module()).senders().iterator().next();
      List<AdmissionRequest> created = createRequests(d, targets, Workflow.of(d.module()).initialStatus(), sender);
      for (DemoDossiers.Step step : sc.steps()) {
        AdmissionRequest r = store.requests.get(created.get(step.requestIndex()).id());
        Response response = step.responseKind() == null ? null : new Response(
            io.vtsdk.model.request.ResponseKind.valueOf(step.responseKind()), null, null, null, now, null);
        act(r, step.action(), step.role(), response);
      }
    }
  }

  private static Dossier stored(Dossier draft, Instant now) {
    return draft.toBuilder().number("VT-" + draft.id()).status(DossierStatus.DRAFT).version(1).createdAt(now)
        .updatedAt(now).history(List.of()).build();
  }

  /**
   * Loads fixture dossiers as if their requesting units had created them (and sent them to the given units), keeping
   * their ids. All or nothing: every dossier is checked first (id free and not of the server's {@code D-n} form,
   * requester unit known, valid at DRAFT, and at SUBMISSION with receivable units when it is to be sent).
   */
  public List<Dossier> load(List<Dossier> dossiers, List<List<String>> sendTo, Locale locale) {
    return store.write(() -> {
      sweep();
      Instant now = clock.instant();
      Set<DossierId> ids = new java.util.HashSet<>();
      List<DemoDossiers.Scenario> scenarios = new ArrayList<>();
      for (int i = 0; i < dossiers.size(); i++) {
        Dossier d = stored(dossiers.get(i), now);
        String at = "dossiers[" + i + "] (" + d.id() + "): ";
        if (d.id().value().matches("[DR]-[0-9]+")) {
          throw new ApiException(422, "validation-failed", at + "ids of the form D-<n> are the server's own");
        }
        if (store.dossiers.containsKey(d.id()) || !ids.add(d.id())) {
          throw new ApiException(409, "conflict", at + "a dossier with this id already exists");
        }
        if (d.requester() == null || !store.units.containsKey(d.requester().unit())) {
          throw new ApiException(422, "validation-failed", at + "requester.unit must be a unit of the directory");
        }
        List<String> targets = sendTo.get(i);
        try {
          requireValid(d, Stage.DRAFT, locale);
          if (!targets.isEmpty()) {
            requireValid(d, Stage.SUBMISSION, locale);
            if (new java.util.HashSet<>(targets).size() != targets.size()) {
              throw new ApiException(422, "validation-failed", "sendTo lists a unit twice");
            }
            for (String id : targets) {
              Unit u = store.units.get(UnitId.of(id));
              if (u == null) {
                throw new ApiException(422, "validation-failed", "unknown unit '" + id + "' in sendTo");
              }
              checkReceives(d, u);
            }
          }
        } catch (ApiException e) {
          throw e.prefixed(at);
        }
        scenarios.add(new DemoDossiers.Scenario(d, targets, List.of()));
      }
      seed(scenarios);
      List<Dossier> out = new ArrayList<>();
      for (DemoDossiers.Scenario sc : scenarios) {
        out.add(store.dossiers.get(sc.draft().id()));
      }
      return out;
    });
  }

  /** The requester confirmed one admission: every other open request of the dossier is closed by VT. */
  private void closeOthers(Dossier d, AdmissionRequest confirmed, Instant now) {
    Workflow w = Workflow.of(d.module());
    for (AdmissionRequest other : store.requestsOf(d.id())) {
      if (!other.id().equals(confirmed.id())
          && w.find(other.status(), Action.CLOSE, Role.SYSTEM).isPresent()) {
        AdmissionRequest closed = systemTransition(other, Action.CLOSE, now);
        emit("request.close", d, closed, Action.CLOSE, Role.SYSTEM, closed.status());
      }
    }
    Dossier updated = d.toBuilder().status(DossierStatus.ADMISSION_CONFIRMED).version(d.version() + 1).updatedAt(now)
        .build();
    store.dossiers.put(updated.id(), updated);
  }

  private void maybeCancelDossier(Dossier d, Instant now) {
    Workflow w = Workflow.of(d.module());
    boolean allCancelled = store.requestsOf(d.id()).stream().allMatch(r -> r.status() == RequestStatus.CANCELLED);
    if (allCancelled) {
      store.dossiers.put(d.id(), d.toBuilder().status(DossierStatus.CANCELLED).version(d.version() + 1)
          .updatedAt(now).build());
    }
  }

  private AdmissionRequest systemTransition(AdmissionRequest r, Action action, Instant now) {
    RequestStatus to = Workflow.of(r.module()).apply(r.status(), action, Role.SYSTEM);
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt(), r.answeredAt(), now, r.responses(), r.version() + 1);
    store.requests.put(updated.id(), updated);
    return updated;
  }

  /** Auto-archiving: unanswered (SENT, READ) requests older than the configured delay. Call under the write lock. */
  public int sweep() {
    Instant now = clock.instant();
    if (store.nextArchiveDue == null || now.isBefore(store.nextArchiveDue)) {
      return 0; // nothing can be due yet: O(1) on the write path
    }
    int n = 0;
    Instant next = null;
    for (AdmissionRequest r : new ArrayList<>(store.requests.values())) {
      if (OPEN_FOR_ARCHIVE.contains(r.status()) && r.sentAt() != null
          && r.sentAt().plus(archiveAfter).isAfter(now)) {
        Instant due = r.sentAt().plus(archiveAfter);
        next = next == null || due.isBefore(next) ? due : next;
        continue;
      }
      if (OPEN_FOR_ARCHIVE.contains(r.status()) && r.sentAt() != null
          && !r.sentAt().plus(archiveAfter).isAfter(now)
          && Workflow.of(r.module()).find(r.status(), Action.ARCHIVE, Role.SYSTEM).isPresent()) {
        AdmissionRequest archived = systemTransition(r, Action.ARCHIVE, now);
        emit("request.archive", store.dossiers.get(r.dossierId()), archived, Action.ARCHIVE, Role.SYSTEM,
            archived.status());
        n++;
      }
    }
    store.nextArchiveDue = next;
    if (n > 0) {
      store.sweeps++;
    }
    return n;
  }

  // ------------------------------------------------------------------------------------------------ handicap

  /**
   * An ESMS (or, for 37/46/49/54, the MDPH) reports a TRE_R357 status: the workflow transition to that status must
   * exist from the current one for the caller's role; motifs are checked against ASS_A32 by the validator.
   */
  private Reply reportEsmsStatus(Call c) {
    EsmsStatus reported = c.bodyAs(c.jsonBody(), EsmsStatus.class);
    requireValid(reported, Stage.DRAFT, c.locale);
    Principal p = c.principal();
    return store.write(() -> {
      sweep();
      AdmissionRequest updated = applyEsmsStatus(p, visibleRequest(p, c.path("id")), reported).request();
      return withEtag(ok(updated), updated.version());
    });
  }

  /** The server's clock now. */
  Instant now() {
    return clock.instant();
  }

  /** The result of a reported status: the request after it, and the stored report (the FHIR Task). */
  record Applied(AdmissionRequest request, Store.ReportedStatus report) {}

  /**
   * Applies a valid ESMS status to a request: the workflow transition to that status must exist from the current
   * one for the caller's role. Call under the write lock (through /v1 or /fhir: the same data).
   */
  Applied applyEsmsStatus(Principal p, AdmissionRequest r, EsmsStatus reported) {
    if (r.module() != VtModule.HANDICAP) {
      throw new ApiException(422, "validation-failed", "ESMS statuses exist for HANDICAP requests only");
    }
    if (!relation(p, r)) {
      throw ApiException.forbidden("your unit is not a party to this request in role " + p.role());
    }
    RequestStatus target = RequestStatus.ofR357(reported.status().code()).orElseThrow(() -> new ApiException(422,
        "validation-failed", "status " + reported.status().code() + " is not an ESMS-level status"));
    Workflow w = Workflow.of(VtModule.HANDICAP);
    Action action = w.transitions().stream()
        .filter(t -> t.from() == r.status() && t.to() == target)
        .map(io.vtsdk.model.workflow.Transition::action).findFirst()
        .orElseThrow(() -> new ApiException(409, "illegal-transition", "HANDICAP request in status " + r.status()
            + " (" + r.status().r357Code().orElse("?") + "): status " + target.r357Code().orElse("?")
            + " cannot follow it", List.of(), Map.of("from", r.status().name(), "to", target.name(),
                "role", p.role().name())));
    RequestStatus to = apply(w, r.status(), action, p.role());
    Instant now = clock.instant();
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt() == null && action == Action.READ ? now : r.readAt(),
        r.answeredAt() == null && action != Action.READ ? now : r.answeredAt(),
        w.isTerminal(to) ? now : r.closedAt(), r.responses(), r.version() + 1);
    store.requests.put(updated.id(), updated);
    Store.ReportedStatus report = new Store.ReportedStatus("T-" + (store.statusLog.size() + 1), r.id(), reported,
        now);
    store.esmsStatuses.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(report);
    store.statusLog.add(report);
    emit("request.status", store.dossiers.get(r.dossierId()), updated, action, p.role(), to);
    return new Applied(updated, report);
  }

  private Reply esmsStatuses(Call c) {
    return store.read(() -> {
      AdmissionRequest r = visibleRequest(c.principal(), c.path("id"));
      return ok(Envelopes.Items.of(store.esmsStatuses.getOrDefault(r.id(), List.of()).stream()
          .map(Store.ReportedStatus::status).toList()));
    });
  }

  /** The waiting list of a unit (ESMS view): its requests in a waiting-list status. Only the unit itself. */
  private Reply waitingList(Call c) {
    Principal p = c.principal();
    String unit = c.query("unit") == null ? p.unit().value() : c.query("unit");
    if (!unit.equals(p.unit().value()) || !RECEIVING.contains(p.role())) {
      throw ApiException.forbidden("a waiting list is visible to its own receiving unit only");
    }
    return store.read(() -> ok(Envelopes.Items.of(store.requests.values().stream()
        .filter(r -> r.unit().equals(p.unit()))
        .filter(r -> RequestIndicators.WAITING.contains(r.status()))
        .toList())));
  }

  // ------------------------------------------------------------------------------------------------ indicators

  /**
   * Read rate, response rate and response delay (median, p90) of the requests the caller's unit received (receiving
   * roles) or sent (requesters) — the Grand-âge quality indicators of seed 002, for any module.
   */
  private Reply requestIndicators(Call c) {
    Principal p = c.principal();
    VtModule module = enumParam(c, "module", VtModule.class);
    return store.read(() -> {
      List<AdmissionRequest> mine = store.requests.values().stream()
          .filter(r -> relation(p, r))
          .filter(r -> module == null || r.module() == module)
          .toList();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("requests", mine.size());
      out.put("readRate", RequestIndicators.readRate(mine));
      out.put("responseRate", RequestIndicators.responseRate(mine));
      out.put("responseDelay", RequestIndicators.responseDelay(mine));
      return ok(out);
    });
  }

  /**
   * Waiting lists per département and ESMS category, waiting list / installed places, impossible admissions: counts
   * over every unit (aggregates, no person-level data).
   */
  private Reply waitingListIndicators(Call c) {
    return store.read(() -> {
      List<AdmissionRequest> all = List.copyOf(store.requests.values());
      List<Map<String, Object>> rows = new ArrayList<>();
      Map<RequestIndicators.Area, Long> waiting = RequestIndicators.waitingListCounts(all, store.units);
      Map<RequestIndicators.Area, io.vtsdk.rules.indicators.Ratio> ratio =
          RequestIndicators.waitingListToPlaces(all, store.units);
      Map<RequestIndicators.Area, Long> impossible = RequestIndicators.impossibleAdmissions(all, store.units);
      java.util.TreeSet<RequestIndicators.Area> areas = new java.util.TreeSet<>(ratio.keySet());
      areas.addAll(waiting.keySet());
      areas.addAll(impossible.keySet());
      for (RequestIndicators.Area a : areas) {
        if (a.esmsCategory() == null && !waiting.containsKey(a)) {
          continue; // units without a category and nobody waiting: nothing to say
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("departement", a.departement());
        row.put("esmsCategory", a.esmsCategory());
        row.put("waiting", waiting.getOrDefault(a, 0L));
        row.put("waitingToPlaces", ratio.get(a));
        row.put("impossibleAdmissions", impossible.getOrDefault(a, 0L));
        rows.add(row);
      }
      return ok(Envelopes.Items.of(rows));
    });
  }

  // ------------------------------------------------------------------------------------------------ events

  private Reply events(Call c) {
    Principal p = c.principal();
    long after = cursorParam(c, "after");
    int limit = intParam(c, "limit", 100, 1, 1000);
    return store.read(() -> {
      List<Event> out = new ArrayList<>();
      for (int i = (int) Math.min(after, store.events.size()); i < store.events.size() && out.size() < limit; i++) {
        Event e = store.events.get(i);
        if (e.visibleTo(p)) {
          out.add(e);
        }
      }
      // the next cursor moves past invisible events too, so a caller never re-reads them
      long next = out.size() < limit ? store.events.size() : Long.parseLong(out.get(out.size() - 1).cursor());
      return ok(new Envelopes.Items(out, String.valueOf(Math.max(next, after))));
    });
  }

  private void emit(String type, Dossier d, AdmissionRequest r, Action action, Role role, RequestStatus status) {
    store.events.add(new Event(String.valueOf(store.events.size() + 1), clock.instant(), type, d.module(), d.id(),
        r == null ? null : r.id(), action, role, status, r == null ? d.version() : r.version(),
        d.requester() == null ? null : d.requester().unit(), r == null ? null : r.unit()));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static RequestStatus start(Workflow w, Role role) {
    try {
      return w.start(role);
    } catch (IllegalTransitionException e) {
      throw illegal(e);
    }
  }

  private static RequestStatus apply(Workflow w, RequestStatus from, Action action, Role role) {
    try {
      return w.apply(from, action, role);
    } catch (IllegalTransitionException e) {
      throw illegal(e);
    }
  }

  private static ApiException illegal(IllegalTransitionException e) {
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("from", e.from() == null ? "(none)" : e.from().name());
    ext.put("action", e.action().name());
    ext.put("role", e.role().name());
    ext.put("reason", e.reason().name());
    int status = e.reason() == IllegalTransitionException.Reason.ROLE_NOT_ALLOWED ? 403 : 409;
    return new ApiException(status, status == 403 ? "forbidden" : "illegal-transition", e.getMessage(), List.of(),
        ext);
  }

  void requireValid(Object o, Stage stage, Locale locale) {
    ValidationReport report = validator.validate(o, stage, locale);
    if (!report.isValid()) {
      throw new ApiException(422, "validation-failed", "invalid at " + stage + " stage", report.violations(),
          Map.of());
    }
  }

  private static boolean owns(Principal p, Dossier d) {
    return d.requester() != null && d.requester().unit().equals(p.unit()) && !RECEIVING.contains(p.role());
  }

  /** True when the caller is the requester (for requester roles) or the receiving unit (for receiving roles). */
  private boolean relation(Principal p, AdmissionRequest r) {
    if (RECEIVING.contains(p.role())) {
      return r.unit().equals(p.unit());
    }
    Dossier d = store.dossiers.get(r.dossierId());
    return d != null && owns(p, d);
  }

  private boolean canSee(Principal p, AdmissionRequest r) {
    return relation(p, r);
  }

  private Dossier visibleDossier(Principal p, String id) {
    Dossier d = store.dossiers.get(DossierId.of(id));
    if (d == null || !(owns(p, d) || (RECEIVING.contains(p.role())
        && store.requestsOf(d.id()).stream().anyMatch(r -> r.unit().equals(p.unit()))))) {
      throw ApiException.notFound("dossier", id);
    }
    return d;
  }

  private AdmissionRequest visibleRequest(Principal p, String id) {
    AdmissionRequest r = store.requests.get(RequestId.of(id));
    if (r == null || !canSee(p, r)) {
      throw ApiException.notFound("request", id);
    }
    return r;
  }


  private static <E extends Enum<E>> E enumParam(Call c, String name, Class<E> type) {
    String v = c.query(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter '" + name + "': unknown value '" + v + "'");
    }
  }

  private static int intParam(Call c, String name, int def, int min, int max) {
    String v = c.query(name);
    if (v == null) {
      return def;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw ApiException.badRequest("query parameter '" + name + "' must be between " + min + " and " + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter '" + name + "' must be an integer");
    }
  }

  private static long cursorParam(Call c, String name) {
    String v = c.query(name);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    try {
      long l = Long.parseLong(v);
      if (l < 0) {
        throw ApiException.badRequest("'" + name + "' is not a cursor this server issued");
      }
      return l;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + name + "' is not a cursor this server issued");
    }
  }

  private Reply ok(Object body) {
    return ok(200, body);
  }

  private Reply ok(int status, Object body) {
    try {
      return Reply.json(status, json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static Reply withEtag(Reply r, long version) {
    return r.withHeader("ETag", etag(version));
  }
}
