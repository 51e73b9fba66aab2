package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.core.Page;
import io.vtsdk.core.Principal;
import io.vtsdk.core.VtCore;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.rules.Target;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /v1} routes: each handler reads the HTTP call, asks {@link VtCore} and writes the answer. No rule lives
 * here — who may do what is the core's {@link io.vtsdk.core.AccessPolicy}, what is valid is the core's. Not API.
 */
public final class Api {
  /** Properties of a dossier the server manages: never taken from a body. */
  private static final List<String> SERVER_MANAGED =
      List.of("id", "number", "status", "version", "createdAt", "updatedAt", "history", "attachments");

  private final VtCore core;
  private final JsonMapper json;
  private final Clock clock;
  private final long maxAttachmentBytes;

  public Api(VtCore core, JsonMapper json, Clock clock) {
    this.core = core;
    this.json = json;
    this.clock = clock;
    this.maxAttachmentBytes = core.validator().maxAttachmentBytes();
  }

  public void register(Router r) {
    r.publicRoute("GET", "/v1/health", c -> ok(Map.of("status", "UP", "time", clock.instant().toString())));
    byte[] openApi = openApi();
    r.publicRoute("GET", "/v1/openapi.json", c -> Reply.json(200, openApi));
    r.route("GET", "/v1/units", this::searchUnits);
    r.route("GET", "/v1/units/{id}", c -> ok(core.unit(UnitId.of(c.path("id")))));
    r.route("POST", "/v1/dossiers", this::createDossier);
    r.route("GET", "/v1/dossiers", this::listDossiers);
    r.route("GET", "/v1/dossiers/{id}", this::getDossier);
    r.route("PUT", "/v1/dossiers/{id}", this::updateDossier);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/validate", this::validate);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/eligibility", this::eligibility);
    r.readOnlyRoute("POST", "/v1/dossiers/{id}/preflight", this::preflight);
    r.route("POST", "/v1/dossiers/{id}/requests", this::send);
    r.route("POST", "/v1/dossiers/{id}/attachments", this::upload, maxAttachmentBytes);
    r.route("GET", "/v1/attachments/{id}", this::download);
    r.route("GET", "/v1/requests", this::listRequests);
    r.route("GET", "/v1/requests/{id}", this::getRequest);
    r.route("GET", "/v1/requests/{id}/available-actions", this::availableActions);
    r.route("POST", "/v1/requests/{id}/read", c -> request(core.read(c.principal(), requestId(c))));
    r.route("POST", "/v1/requests/{id}/responses", this::respond);
    r.route("POST", "/v1/requests/{id}/cancel", c -> request(core.cancel(c.principal(), requestId(c))));
    r.route("POST", "/v1/requests/{id}/confirm-admission",
        c -> request(core.confirmAdmission(c.principal(), requestId(c))));
    r.route("POST", "/v1/requests/{id}/esms-statuses", this::reportEsmsStatus);
    r.route("GET", "/v1/requests/{id}/esms-statuses",
        c -> ok(Envelopes.Items.of(core.esmsStatuses(c.principal(), requestId(c)))));
    r.route("GET", "/v1/waiting-lists", c -> ok(Envelopes.Items.of(core.waitingList(c.principal(),
        c.query("unit") == null ? null : UnitId.of(c.query("unit"))))));
    r.route("GET", "/v1/indicators/requests",
        c -> ok(core.requestIndicators(c.principal(), enumParam(c, "module", VtModule.class))));
    r.route("GET", "/v1/indicators/waiting-lists",
        c -> ok(Envelopes.Items.of(core.waitingListIndicators(c.principal()))));
    r.route("GET", "/v1/events", c -> page(core.events(c.principal(), c.query("after"),
        intParam(c, "limit", 100, 1, 1000))));
  }

  private static byte[] openApi() {
    try (InputStream in = Api.class.getResourceAsStream("/io/vtsdk/testkit/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("io/vtsdk/testkit/openapi.json is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------------------ directory

  private Reply searchUnits(Call c) {
    return ok(Envelopes.Items.of(core.searchUnits(new VtCore.UnitQuery(enumParam(c, "module", VtModule.class),
        enumParam(c, "target", TargetKind.class), enumParam(c, "pradoVolet", PradoVolet.class),
        c.query("departement"), c.query("finess"), c.query("category")))));
  }

  // ------------------------------------------------------------------------------------------------ dossiers

  private Dossier dossierBody(Call c, String id, VtModule module) {
    JsonNode body = c.jsonBody();
    if (!body.isObject()) {
      throw new ApiException(400, "invalid-body", "the body must be a JSON object (a dossier)");
    }
    ObjectNode node = ((ObjectNode) body).deepCopy();
    node.remove(SERVER_MANAGED);
    node.put("id", id);
    if (module != null) {
      node.put("module", module.name());
    }
    return c.bodyAs(node, Dossier.class);
  }

  private Reply createDossier(Call c) {
    Dossier d = core.createDossier(c.principal(), dossierBody(c, "new", null), c.locale);
    return withEtag(ok(201, d), d.version()).withHeader("Location", "/v1/dossiers/" + d.id());
  }

  private Reply listDossiers(Call c) {
    return page(core.dossiers(c.principal(), enumParam(c, "module", VtModule.class),
        enumParam(c, "status", DossierStatus.class), c.query("cursor"), intParam(c, "limit", 50, 1, 500)));
  }

  private Reply getDossier(Call c) {
    Dossier d = core.dossier(c.principal(), dossierId(c));
    return withEtag(Reply.json(200, representation(d.id(), d)), d.version());
  }

  private Reply updateDossier(Call c) {
    String ifMatch = c.header("If-Match");
    if (ifMatch == null) {
      throw new ApiException(428, "precondition-required", "updates need If-Match with the ETag you read");
    }
    long expected = versionOf(ifMatch);
    DossierId id = dossierId(c);
    // the module is the stored one: read it through the core, which checks visibility
    VtModule module = core.dossier(c.principal(), id).module();
    Dossier d = core.updateDossier(c.principal(), id, expected, dossierBody(c, id.value(), module), c.locale);
    return withEtag(ok(d), d.version());
  }

  /** The version in an ETag ({@code "3"}); -1 when it is not one of ours, which never matches. */
  private static long versionOf(String etag) {
    String t = etag.trim();
    if (t.length() >= 3 && t.startsWith("\"") && t.endsWith("\"")) {
      try {
        return Long.parseLong(t.substring(1, t.length() - 1));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  private Reply validate(Call c) {
    Stage stage = c.query("stage") == null ? Stage.SUBMISSION : enumParam(c, "stage", Stage.class);
    ValidationReport report = core.validate(c.principal(), dossierId(c), stage, c.locale);
    return ok(new Envelopes.Report(stage, report.isValid(), report.violations()));
  }

  private Reply eligibility(Call c) {
    JsonNode body = c.body.length == 0 ? json.createObjectNode() : c.jsonBody();
    Target target = null;
    if (body.hasNonNull("target")) {
      try {
        target = Target.parse(body.get("target").asText());
      } catch (IllegalArgumentException e) {
        throw invalid("/target", "target.unknown", "not a target this server knows (e.g. PRADO:AVC, SMR)");
      }
    }
    LocalDate on = null;
    if (body.hasNonNull("date")) {
      try {
        on = LocalDate.parse(body.get("date").asText());
      } catch (DateTimeParseException e) {
        throw invalid("/date", "date.format", "date must be YYYY-MM-DD");
      }
    }
    UnitId unit = body.hasNonNull("unit") ? UnitId.of(nonBlank(body.get("unit"), "/unit")) : null;
    return ok(core.eligibility(c.principal(), dossierId(c), target, on, unit));
  }

  private Reply preflight(Call c) {
    return ok(core.preflight(c.principal(), dossierId(c), units(c), c.locale));
  }

  private List<UnitId> units(Call c) {
    JsonNode units = c.jsonBody().get("units");
    if (units == null || !units.isArray() || units.isEmpty()) {
      throw invalid("/units", "required", "give the receiving units: {\"units\": [\"…\"]}");
    }
    List<UnitId> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      out.add(UnitId.of(nonBlank(units.get(i), "/units/" + i)));
    }
    return out;
  }

  private Reply send(Call c) {
    return ok(201, Envelopes.Items.of(core.send(c.principal(), dossierId(c), units(c), c.locale)));
  }

  // ------------------------------------------------------------------------------------------------ attachments

  /**
   * Upload: the raw body is the file, its Content-Type the file's type, {@code ?fileName=} its name. The core computes
   * the sha-256; an {@code X-Content-SHA256} header (hex) is checked against it.
   */
  private Reply upload(Call c) {
    Attachment a = core.attach(c.principal(), dossierId(c), c.query("fileName"), c.header("Content-Type"),
        new ByteArrayInputStream(c.body), c.header("X-Content-SHA256"), c.locale);
    return ok(201, a).withHeader("Location", "/v1/attachments/" + a.id())
        .withHeader("ETag", "\"" + a.sha256() + "\"");
  }

  private Reply download(Call c) {
    VtCore.AttachmentContent a = core.attachment(c.principal(), AttachmentId.of(c.path("id")));
    try (InputStream in = a.content()) {
      return new Reply(200, Map.of("Content-Type", a.metadata().contentType(), "ETag",
          "\"" + a.metadata().sha256() + "\"", "X-Content-SHA256", a.metadata().sha256()), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------------------ requests

  private Reply listRequests(Call c) {
    String dossier = c.query("dossier");
    return page(core.requests(c.principal(), dossier == null || dossier.isBlank() ? null : DossierId.of(dossier),
        enumParam(c, "status", RequestStatus.class), c.query("cursor"), intParam(c, "limit", 50, 1, 500)));
  }

  private Reply getRequest(Call c) {
    AdmissionRequest r = core.request(c.principal(), requestId(c));
    return withEtag(Reply.json(200, representation(r.id(), r)), r.version());
  }

  private Reply availableActions(Call c) {
    AdmissionRequest r = core.request(c.principal(), requestId(c));
    return ok(new Envelopes.Actions(r.status(), r.taskStatus(), core.availableActions(c.principal(), r.id())));
  }

  private Reply respond(Call c) {
    Response response = c.bodyAs(c.jsonBody(), Response.class);
    if (response.kind() == null) {
      throw invalid("/kind", "required", "the kind of answer is required");
    }
    return request(core.respond(c.principal(), requestId(c), response, c.locale));
  }

  private Reply reportEsmsStatus(Call c) {
    EsmsStatus reported = c.bodyAs(c.jsonBody(), EsmsStatus.class);
    AdmissionRequest updated = core.reportEsmsStatus(c.principal(), requestId(c), reported, c.locale).request();
    return withEtag(ok(updated), updated.version());
  }

  private Reply request(AdmissionRequest r) {
    return withEtag(Reply.json(200, representation(r.id(), r)), r.version());
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** The JSON of a stored record, serialised once per version (the cache checks it is the same object). */
  private byte[] representation(Object id, Object current) {
    Representation r = representations.get(id);
    if (r != null && r.source() == current) {
      return r.json();
    }
    byte[] bytes = serialise(current);
    representations.put(id, new Representation(current, bytes));
    return bytes;
  }

  private record Representation(Object source, byte[] json) {}

  private final Map<Object, Representation> representations = new java.util.concurrent.ConcurrentHashMap<>();

  /** Forgets the cached representations (reset). */
  void clearRepresentations() {
    representations.clear();
  }

  private static DossierId dossierId(Call c) {
    return DossierId.of(c.path("id"));
  }

  private static RequestId requestId(Call c) {
    return RequestId.of(c.path("id"));
  }

  private static String nonBlank(JsonNode n, String pointer) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw invalid(pointer, "unit.format", "a unit is a non-blank unit id string");
    }
    return n.asText();
  }

  private static ApiException invalid(String pointer, String code, String message) {
    return new ApiException(422, "validation-failed", message, List.of(new Violation(pointer, code, message)),
        Map.of());
  }

  static <E extends Enum<E>> E enumParam(Call c, String name, Class<E> type) {
    String v = c.query(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter '" + name + "': not one of the " + type.getSimpleName()
          + " codes");
    }
  }

  static int intParam(Call c, String name, int def, int min, int max) {
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

  private Reply page(Page<?> p) {
    return ok(new Envelopes.Items(p.items(), p.nextCursor()));
  }

  private Reply ok(Object body) {
    return ok(200, body);
  }

  private Reply ok(int status, Object body) {
    return Reply.json(status, serialise(body));
  }

  private byte[] serialise(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  private static Reply withEtag(Reply r, long version) {
    return r.withHeader("ETag", "\"" + version + "\"");
  }
}
