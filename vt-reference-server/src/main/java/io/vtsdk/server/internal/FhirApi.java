package io.vtsdk.server.internal;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoDocuments;
import io.vtsdk.fhir.sdo.SdoProfiles;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.fhir.validation.FhirIssue;
import io.vtsdk.fhir.validation.FhirValidationReport;
import io.vtsdk.fhir.validation.SdoValidator;
import io.vtsdk.core.Principal;
import io.vtsdk.core.HandicapService;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.Written;
import io.vtsdk.core.spi.RecordedAgreement;
import io.vtsdk.core.spi.ReportedStatus;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;

/**
 * The SDO server role under {@code /fhir} (FHIR R4, {@code application/fhir+json}): an ESMS posts its statuses as
 * {@code sdo-task} (flow 4) and polls the statuses of its users (flow 5). The same data as {@code /v1}: a Task posted
 * here is an ESMS status of the request, and a status reported through {@code /v1} is a Task here. Results are
 * filtered by the ESMS identity in the token. Errors are OperationOutcomes (see {@link Router}). Not API.
 */
public final class FhirApi {
  static final String FHIR_JSON = "application/fhir+json";
  private final VtCore core;
  private final java.util.function.Supplier<String> publicBase;

  /** {@code publicBase}: the server's public base URL + "/fhir/" (entry full URLs), never a request's Host. */
  public FhirApi(VtCore core, java.util.function.Supplier<String> publicBase) {
    this.core = core;
    this.publicBase = publicBase;
  }

  public void register(Router r) {
    r.publicRoute("GET", "/fhir/metadata", c -> fhir(200, capabilities(publicBase.get())));
    r.route("POST", "/fhir/Task", this::createTask);
    r.route("POST", "/fhir/Consent", this::createConsent);
    r.route("GET", "/fhir/Task", this::searchTasks);
    r.route("GET", "/fhir/Task/{id}", this::readTask);
    r.route("PUT", "/fhir/Task/{id}", this::updateTask);
    r.route("GET", "/fhir/Task/{id}/_history/{vid}", this::readTaskVersion);
    r.route("GET", "/fhir/DocumentReference", this::searchDocuments);
    r.route("GET", "/fhir/DocumentReference/{id}", this::readDocument);
  }

  /** Flow 4: an ESMS reports a status; the request is found from the decision and the caller's unit. */
  private Reply createTask(Call c) {
    core.handicap().requireSdo(c.principal());
    requireFhirJson(c);
    Task task = accepted(c, Task.class);
    Written<HandicapService.StatusReport> w = core.handicap().reportStatusForDecision(c.principal(),
        statusOf(task), c.write());
    List<ReportedStatus> versions = w.value().versions();
    return V1Replies.replayed(w, created(task(versions, versions.size()), "Task",
        taskId(w.value().request().id()), versions.size()));
  }

  /**
   * Flow 4, later statuses: {@code PUT /fhir/Task/[id]} (the IG's "mise à jour du statut : opération update").
   * Version-aware: an {@code If-Match} naming another version than the current one is 412. The body is validated as
   * a create is; its id must be the URL's; it must be about the same decision. Only the notified ESMS updates its
   * Task (a Task it sees about another ESMS, in flow 5, is read-only for it).
   */
  private Reply updateTask(Call c) {
    core.handicap().requireSdo(c.principal());
    requireFhirJson(c);
    Task task = accepted(c, Task.class);
    String id = c.path("id");
    if (!id.equals(task.getIdElement().getIdPart())) {
      throw ApiException.badRequest("the Task's id must be the one of the URL (FHIR update)");
    }
    String ifMatch = c.header("If-Match");
    // one core call: the version check, the decision check and the status, in one transaction (no lost update)
    List<ReportedStatus> now = core.handicap().updateStatus(c.principal(), requestOf(id), statusOf(task),
        ifMatch == null ? null : ETags.expectedVersion(ifMatch, false), c.write()).value().versions();
    return versioned(fhir(200, task(now, now.size())), now.size()).withHeader("Content-Location",
        publicBase.get() + "Task/" + id + "/_history/" + now.size());
  }

  /** The ESMS status a profile-valid Task carries; 422 when a VT rule of the mapping refuses it. */
  private static EsmsStatus statusOf(Task task) {
    try {
      return SdoTaskMapper.fromTask(task);
    } catch (FhirMappingException e) {
      throw new ApiException(422, "validation-failed", e.getMessage());
    }
  }

  /** Flow 2: an ESMS records the person's agreement for a decision it was notified of. */
  private Reply createConsent(Call c) {
    core.handicap().requireSdo(c.principal());
    requireFhirJson(c);
    org.hl7.fhir.r4.model.Consent posted = accepted(c, org.hl7.fhir.r4.model.Consent.class);
    io.vtsdk.fhir.sdo.SdoConsent consent;
    try {
      consent = io.vtsdk.fhir.sdo.SdoConsentMapper.fromConsent(posted);
    } catch (FhirMappingException e) {
      throw new ApiException(422, "validation-failed", e.getMessage());
    }
    Written<RecordedAgreement> w = core.handicap().recordAgreement(c.principal(), consent.idNatStruct(),
        consent.date(), consent.idNatDecision(), c.write());
    org.hl7.fhir.r4.model.Consent out = io.vtsdk.fhir.sdo.SdoConsentMapper.toConsent(consent);
    out.setId(w.value().id());
    return V1Replies.replayed(w, created(out, "Consent", w.value().id(), 1));
  }

  /**
   * The posted resource, checked as {@code vt fhir validate} checks it (HAPI's validator with base R4 and the SDO
   * profiles, {@link SdoValidator}): 400 when it is not FHIR JSON of that type, 422 naming each element and rule the
   * profile refuses. Never a value: HAPI's messages quote the values they name ('…'), and each quoted part is cut.
   */
  private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T accepted(Call c, Class<T> type) {
    T resource;
    try {
      resource = VtFhir.parse(new String(c.body, StandardCharsets.UTF_8), type);
    } catch (FhirMappingException e) {
      throw ApiException.badRequest("not a FHIR R4 " + type.getSimpleName() + " in JSON");
    }
    FhirValidationReport report = Validators.SDO.validate(resource);
    if (!report.errors().isEmpty()) {
      List<io.vtsdk.model.validation.Violation> violations = new java.util.ArrayList<>();
      for (FhirIssue i : report.errors()) {
        // an issue HAPI locates nowhere (an unknown or malformed meta.profile) is the resource's
        violations.add(new io.vtsdk.model.validation.Violation(
            i.location() == null ? type.getSimpleName() : i.location(), String.valueOf(i.messageId()),
            withoutValues(i.message(), type.getSimpleName())));
      }
      throw new ApiException(422, "validation-failed", "the " + type.getSimpleName() + " does not conform to its "
          + "profile (" + violations.size() + " error(s), the same as vt fhir validate reports)", violations,
          Map.of());
    }
    return resource;
  }

  private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^']*)'|\"([^\"]*)\"");
  private static final java.util.regex.Pattern ELEMENT = java.util.regex.Pattern.compile("[A-Za-z0-9_\\[\\]:.-]+");

  /**
   * HAPI's message with every quoted part cut ('…') but the element paths of the resource ({@code 'Task.input:nomESMS'},
   * which name the rule's element): any other quoted text may be a value.
   */
  static String withoutValues(String message, String resourceType) {
    if (message == null) {
      return "";
    }
    java.util.regex.Matcher m = QUOTED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String inside = m.group(1) != null ? m.group(1) : m.group(2);
      boolean element = inside.startsWith(resourceType + ".") && ELEMENT.matcher(inside).matches();
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(element ? "'" + inside + "'" : "'…'"));
    }
    return m.appendTail(out).toString();
  }

  /** The one validator of the server's FHIR writes, built on first use (it loads the definitions: seconds). */
  private static final class Validators {
    static final SdoValidator SDO = SdoValidator.create();

    static {
      // the first validation generates the profiles' snapshots: done here, once, not on a caller's first write
      Task sample = new Task();
      sample.getMeta().addProfile(SdoProfiles.SDO_TASK);
      SDO.validate(sample);
    }
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Loads the validator of FHIR writes on a background daemon thread, once per JVM, so that an ESMS's first
   * {@code POST /fhir/Task} does not wait the seconds it takes. Off with {@code -Dvtsdk.fhir.warmUp=false} (the start
   * benchmarks), in which case the first write pays it.
   */
  public static void warmUpInBackground() {
    if (!Boolean.parseBoolean(System.getProperty("vtsdk.fhir.warmUp", "true")) || !WARMING.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        Validators.SDO.hashCode();
      } catch (RuntimeException | LinkageError e) {
        // the first write will report it
      }
    }, "vt-fhir-validator-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** 201 with the resource, its version, and its absolute Location with {@code _history} (FHIR RESTful API §3.1.0.8). */
  private Reply created(org.hl7.fhir.r4.model.Resource resource, String type, String id, int version) {
    resource.getMeta().setVersionId(String.valueOf(version));
    return versioned(fhir(201, resource), version).withHeader("Location",
        publicBase.get() + type + "/" + id + "/_history/" + version);
  }

  private static void requireFhirJson(Call c) {
    String type = c.header("Content-Type");
    if (type == null || !(type.startsWith(FHIR_JSON) || type.startsWith("application/json"))) {
      throw new ApiException(415, "unsupported-media-type", "Content-Type must be application/fhir+json");
    }
  }

  /**
   * Flow 5: {@code GET /fhir/Task?_lastUpdated=gt[date or instant]} (and {@code _elements=id}) — the statuses of the
   * people this ESMS was notified about, wherever they were reported, after the given instant.
   */
  private Reply searchTasks(Call c) {
    core.handicap().requireSdo(c.principal());
    FhirDateParam since = lastUpdated(c);
    String elements = c.query("_elements");
    if (elements != null && !"id".equals(elements)) {
      throw ApiException.badRequest("_elements: only 'id' is supported");
    }
    Search search = Search.of(c, "Task", "_lastUpdated", "_elements");
    Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    b.getMeta().addProfile(SdoProfiles.SDO_BUNDLE_NOTIFICATION_ESMS);
    Map<RequestId, List<ReportedStatus>> tasks = new java.util.LinkedHashMap<>();
    for (ReportedStatus s : core.handicap().statusFeed(c.principal(), null)) {
      tasks.computeIfAbsent(s.request(), k -> new java.util.ArrayList<>()).add(s);
    }
    // a Task matches when its last update (its latest status) is after the instant: its current version
    for (List<ReportedStatus> versions : tasks.values()) {
      ReportedStatus latest = versions.get(versions.size() - 1);
      if (since != null && !since.matches(latest.at())) {
        continue;
      }
      Task t = "id".equals(elements) ? new Task() : task(versions, versions.size());
      t.setId(taskId(latest.request()));
      if ("id".equals(elements)) {
        t.getMeta().addTag("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "SUBSETTED", null);
      }
      b.addEntry().setFullUrl(publicBase.get() + "Task/" + t.getIdElement().getIdPart()).setResource(t)
          .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }
    return fhir(200, search.complete(b, publicBase.get()));
  }

  private Reply readTask(Call c) {
    core.handicap().requireSdo(c.principal()); // the policy first: 403 before the id is looked at
    List<ReportedStatus> versions = core.handicap().history(c.principal(), requestOf(c.path("id")));
    if (versions.isEmpty()) {
      throw ApiException.notFound("Task", c.path("id"));
    }
    return versioned(fhir(200, task(versions, versions.size())), versions.size());
  }

  private Reply readTaskVersion(Call c) {
    core.handicap().requireSdo(c.principal());
    List<ReportedStatus> versions = core.handicap().history(c.principal(), requestOf(c.path("id")));
    int vid;
    try {
      vid = Integer.parseInt(c.path("vid"));
    } catch (NumberFormatException e) {
      vid = 0;
    }
    if (vid < 1 || vid > versions.size()) {
      throw ApiException.notFound("Task version", c.path("id") + "/_history/" + c.path("vid"));
    }
    return versioned(fhir(200, task(versions, vid)), vid);
  }

  /**
   * The Task of a request: the status of one notified person at one ESMS, as the IG has it (first status created,
   * later ones updates). Its id is {@code T-<request id>}, its versions the statuses reported on the request, oldest
   * first (version n is the n-th), whichever path reported them ({@code /v1} or {@code /fhir}).
   */
  static String taskId(RequestId request) {
    return "T-" + request.value();
  }

  private static RequestId requestOf(String taskId) {
    if (!taskId.startsWith("T-") || taskId.length() < 3) {
      throw ApiException.notFound("Task", taskId);
    }
    return RequestId.of(taskId.substring(2));
  }

  /** Version {@code n} (1-based) of a Task: its status, versionId and lastUpdated. */
  private static Task task(List<ReportedStatus> versions, int n) {
    ReportedStatus s = versions.get(n - 1);
    Task t = SdoTaskMapper.toTask(s.status(), s.at());
    t.setId(taskId(s.request()));
    t.getMeta().setVersionId(String.valueOf(n));
    return t;
  }

  private static Reply versioned(Reply r, int version) {
    return r.withHeader("ETag", "W/\"" + version + "\"");
  }

  // ------------------------------------------------------------------------------------------------ flows 1 and 3

  /** A document this ESMS may read, with its id. */
  private record Doc(String id, org.hl7.fhir.r4.model.DocumentReference resource) {}

  /**
   * Flow 1: {@code type=57830-2} (with {@code _lastUpdated=gt…}, {@code _elements=id}): the decisions notified to this
   * ESMS. Flow 3: {@code type=51848-0&identifier=<idNat_Decision>}: the evaluation documents of that decision (the
   * dossier's attachments), only once this ESMS has recorded the person's agreement (flow 2).
   */
  private Reply searchDocuments(Call c) {
    Principal p = c.principal();
    core.handicap().requireSdo(p);
    Search search = Search.of(c, "DocumentReference", "type", "identifier", "_lastUpdated", "_elements");
    String type = c.query("type");
    if (type != null && type.contains("|")) {
      type = type.substring(type.indexOf('|') + 1); // http://loinc.org|57830-2
    }
    if (!SdoDocuments.DECISION.equals(type) && !SdoDocuments.EVALUATION.equals(type)) {
      throw ApiException.badRequest("type: 57830-2 (decision) or 51848-0 (evaluation) is required");
    }
    String identifier = c.query("identifier");
    if (SdoDocuments.EVALUATION.equals(type) && identifier == null) {
      throw ApiException.badRequest("identifier: the idNat_Decision is required with type 51848-0");
    }
    FhirDateParam since = lastUpdated(c);
    boolean idsOnly = "id".equals(c.query("_elements"));
    String wanted = type;
    {
      Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
      b.getMeta().addProfile(SdoProfiles.ESMS_BUNDLE_DECISION_EVALUATION);
      for (Doc d : documents(p)) {
        org.hl7.fhir.r4.model.DocumentReference r = d.resource();
        boolean match = SdoDocuments.type(r).equals(wanted)
            && (identifier == null || identifier.equals(SdoDocuments.idNatDecision(r)))
            && (since == null || since.matches(r.getMeta().getLastUpdated().toInstant()));
        if (match) {
          org.hl7.fhir.r4.model.DocumentReference out = idsOnly ? new org.hl7.fhir.r4.model.DocumentReference() : r;
          out.setId(d.id());
          b.addEntry().setFullUrl(publicBase.get() + "DocumentReference/" + d.id()).setResource(out).getSearch()
              .setMode(Bundle.SearchEntryMode.MATCH);
        }
      }
      return fhir(200, search.complete(b, publicBase.get()));
    }
  }

  private Reply readDocument(Call c) {
    Doc d = documents(c.principal()).stream().filter(x -> x.id().equals(c.path("id"))).findFirst()
        .orElseThrow(() -> ApiException.notFound("DocumentReference", c.path("id")));
    d.resource().setId(d.id());
    return fhir(200, d.resource());
  }

  /**
   * The documents this ESMS may read, as the core's policy gives them: for each Handicap dossier notified to its unit,
   * the decision document ({@code DEC-<dossier>}: the person's identity traits and the decision, as JSON — the IG's
   * CDA is not produced) and the attachments it may read as evaluation documents ({@code EVAL-<attachment>}, once it
   * recorded the agreement).
   */
  /**
   * A decision document is last updated when it was notified or, later, when the MDPH changed the dossier: an updated
   * decision resurfaces in an ESMS's {@code _lastUpdated} poll (flow 1).
   */
  private static Instant decisionUpdatedAt(HandicapService.Notification n) {
    Instant changed = n.dossier().updatedAt();
    return changed != null && changed.isAfter(n.notifiedAt()) ? changed : n.notifiedAt();
  }

  private List<Doc> documents(Principal p) {
    List<Doc> out = new java.util.ArrayList<>();
    for (HandicapService.Notification n : core.handicap().notifications(p)) {
      Dossier d = n.dossier();
      out.add(new Doc("DEC-" + d.id().value(), SdoDocuments.document(SdoDocuments.DECISION,
          d.mdphDecision().idDecision(), n.nationalDecisionId(), "application/json", decisionContent(d),
          decisionUpdatedAt(n))));
      for (HandicapService.Document doc : n.documents()) {
        io.vtsdk.model.dossier.Attachment a = doc.attachment();
        out.add(new Doc("EVAL-" + a.id().value(), SdoDocuments.document(SdoDocuments.EVALUATION,
            d.mdphDecision().idDecision(), n.nationalDecisionId(), a.contentType(), doc.content(),
            a.uploadedAt() != null ? a.uploadedAt() : n.notifiedAt())));
      }
    }
    return out;
  }

  /** The "individu + décision" content: the person's traits (no INS: VT Handicap uses none) and the decision. */
  private static byte[] decisionContent(Dossier d) {
    Map<String, Object> person = new java.util.LinkedHashMap<>();
    if (d.patient() != null) {
      person.put("birthName", d.patient().birthName());
      person.put("firstBirthGivenName", d.patient().firstBirthGivenName());
      person.put("sex", d.patient().sex());
      person.put("birthDate", d.patient().birthDate());
    }
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    doc.put("person", person);
    doc.put("decision", d.mdphDecision());
    return io.vtsdk.model.json.VtJson.toJson(doc).getBytes(StandardCharsets.UTF_8);
  }


  /**
   * What this server implements of the SDO server role (CapabilityStatement gestionnaire-sdo): an instance
   * statement (so with {@code implementation}, cpb-14), listing each resource, interaction and search parameter served.
   */
  static org.hl7.fhir.r4.model.CapabilityStatement capabilities(String base) {
    org.hl7.fhir.r4.model.CapabilityStatement cs = new org.hl7.fhir.r4.model.CapabilityStatement();
    cs.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
        .setKind(org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind.INSTANCE)
        .setFhirVersion(org.hl7.fhir.r4.model.Enumerations.FHIRVersion._4_0_1).addFormat(FHIR_JSON)
        .setDateElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-23"))
        .setName("VtReferenceServerSdo").setTitle("vt-sdk reference server, SDO server role")
        .setDescription("The SDO flows 1 to 5 of the ANS IG ans.fhir.fr.sdo, served by the vt-sdk testkit")
        .getSoftware().setName("vt-sdk reference server");
    cs.getImplementation().setDescription("vt-sdk reference server").setUrl(base.replaceAll("/$", ""));
    org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent task = cs.addRest()
        .setMode(org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode.SERVER).addResource()
        .setType("Task").setProfile(SdoProfiles.SDO_TASK);
    for (var i : List.of(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.CREATE,
        org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.UPDATE,
        org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE,
        org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ,
        org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.VREAD)) {
      task.addInteraction().setCode(i);
    }
    task.setVersioning(org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy.VERSIONED)
        .setReadHistory(false).setUpdateCreate(false);
    task.addSearchParam().setName("_lastUpdated").setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE);
    task.addSearchParam().setName("_elements").setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.STRING)
        .setDocumentation("id only");
    org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent docs = cs.getRestFirstRep()
        .addResource().setType("DocumentReference").setProfile(SdoProfiles.ESMS_DOCUMENT_REFERENCE);
    docs.addInteraction().setCode(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
    docs.addInteraction().setCode(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ);
    for (String param : List.of("type", "identifier")) {
      docs.addSearchParam().setName(param).setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN);
    }
    docs.addSearchParam().setName("_lastUpdated").setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE);
    docs.addSearchParam().setName("_elements").setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.STRING)
        .setDocumentation("id only");
    cs.getRestFirstRep().addResource().setType("Consent").setProfile(SdoProfiles.ESMS_CONSENT).addInteraction()
        .setCode(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.CREATE);
    return cs;
  }

  /** The {@code _lastUpdated} parameter (any FHIR date prefix and precision, Europe/Paris), null when absent. */
  static FhirDateParam lastUpdated(Call c) {
    String v = c.query("_lastUpdated");
    return v == null ? null : FhirDateParam.parse("_lastUpdated", v);
  }

  private static Reply fhir(int status, org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return new Reply(status, Map.of("Content-Type", FHIR_JSON),
        VtFhir.toJson(resource).getBytes(StandardCharsets.UTF_8));
  }
}
