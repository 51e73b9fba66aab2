package io.vtsdk.testkit.internal;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoDocuments;
import io.vtsdk.fhir.sdo.SdoProfiles;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
  private final Store store;
  private final Api api;

  public FhirApi(Store store, Api api) {
    this.store = store;
    this.api = api;
  }

  public void register(Router r) {
    r.publicRoute("GET", "/fhir/metadata", c -> fhir(200, capabilities()));
    r.route("POST", "/fhir/Task", this::createTask);
    r.route("POST", "/fhir/Consent", this::createConsent);
    r.route("GET", "/fhir/Task", this::searchTasks);
    r.route("GET", "/fhir/Task/{id}", this::readTask);
    r.route("GET", "/fhir/DocumentReference", this::searchDocuments);
    r.route("GET", "/fhir/DocumentReference/{id}", this::readDocument);
  }

  /** Flow 4: an ESMS reports a status; the request is found from the decision and the caller's unit. */
  private Reply createTask(Call c) {
    Principal p = requireEsms(c);
    requireFhirJson(c);
    EsmsStatus status;
    try {
      Task task = VtFhir.parse(new String(c.body, StandardCharsets.UTF_8), Task.class);
      status = SdoTaskMapper.fromTask(task);
    } catch (FhirMappingException e) {
      throw new ApiException(422, "validation-failed", e.getMessage());
    }
    api.requireValid(status, Stage.DRAFT, c.locale);
    return store.write(() -> {
      api.sweep();
      requireOwnStructure(p, status.idNatStruct(), "idNat_Struct");
      AdmissionRequest request = store.requests.values().stream()
          .filter(r -> r.module() == VtModule.HANDICAP && r.unit().equals(p.unit()))
          .filter(r -> decides(store.dossiers.get(r.dossierId()), status))
          .reduce((a, b) -> b) // the latest notification of that decision to this unit
          .orElseThrow(() -> new ApiException(404, "not-found", "no notification of decision "
              + status.idDecision() + " to your unit"));
      Api.Applied applied = api.applyEsmsStatus(p, request, status);
      return fhir(201, task(applied.report())).withHeader("Location", "/fhir/Task/" + applied.report().id());
    });
  }

  private static boolean decides(Dossier d, EsmsStatus s) {
    return d != null && d.mdphDecision() != null && (s.idDecision().equals(d.mdphDecision().idDecision())
        || s.idNatDecision() != null && s.idNatDecision().equals(natDecision(d)));
  }

  /**
   * The decision's national id: the MDPH's own when it gave one, else the one this server, as SI-SDO, issues:
   * {@code "SDO-" + idDecision}.
   */
  static String natDecision(Dossier d) {
    return d.mdphDecision().idNatDecision() != null ? d.mdphDecision().idNatDecision()
        : "SDO-" + d.mdphDecision().idDecision();
  }

  /** Flow 2: an ESMS records the person's agreement for a decision it was notified of. */
  private Reply createConsent(Call c) {
    Principal p = requireEsms(c);
    requireFhirJson(c);
    io.vtsdk.fhir.sdo.SdoConsent consent;
    try {
      consent = io.vtsdk.fhir.sdo.SdoConsentMapper.fromConsent(VtFhir.parse(new String(c.body,
          StandardCharsets.UTF_8), org.hl7.fhir.r4.model.Consent.class));
    } catch (FhirMappingException e) {
      throw new ApiException(422, "validation-failed", e.getMessage());
    }
    return store.write(() -> {
      requireOwnStructure(p, consent.idNatStruct(), "meta.source");
      AdmissionRequest request = store.requests.values().stream()
          .filter(r -> r.module() == VtModule.HANDICAP && r.unit().equals(p.unit()))
          .filter(r -> {
            Dossier d = store.dossiers.get(r.dossierId());
            return d != null && d.mdphDecision() != null && consent.idNatDecision().equals(natDecision(d));
          })
          .reduce((a, b) -> b)
          .orElseThrow(() -> new ApiException(404, "not-found", "no notification of decision "
              + consent.idNatDecision() + " to your unit"));
      Store.RecordedConsent recorded = new Store.RecordedConsent("C-" + (store.consents.size() + 1), request.id(),
          consent, api.now());
      store.consents.add(recorded);
      org.hl7.fhir.r4.model.Consent out = io.vtsdk.fhir.sdo.SdoConsentMapper.toConsent(consent);
      out.setId(recorded.id());
      return fhir(201, out).withHeader("Location", "/fhir/Consent/" + recorded.id());
    });
  }

  private void requireOwnStructure(Principal p, String idNatStruct, String element) {
    Unit unit = store.units.get(p.unit());
    if (unit != null && unit.structure() != null && !idNatStruct.equals("1" + unit.structure().value())) {
      throw ApiException.forbidden(element + " is not the structure of your unit");
    }
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
    Principal p = requireEsms(c);
    Instant after = lastUpdatedAfter(c.query("_lastUpdated"));
    String elements = c.query("_elements");
    if (elements != null && !"id".equals(elements)) {
      throw ApiException.badRequest("_elements: only 'id' is supported");
    }
    onlyParameters(c, "_lastUpdated", "_elements");
    String base = fullUrlBase(c);
    return store.read(() -> {
      Set<io.vtsdk.model.DossierId> mine = store.requests.values().stream()
          .filter(r -> r.module() == VtModule.HANDICAP && r.unit().equals(p.unit()))
          .map(AdmissionRequest::dossierId).collect(Collectors.toSet());
      Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
      b.getMeta().addProfile(SdoProfiles.SDO_BUNDLE_NOTIFICATION_ESMS);
      for (Store.ReportedStatus s : store.statusLog) {
        AdmissionRequest r = store.requests.get(s.request());
        if (r != null && mine.contains(r.dossierId()) && (after == null || s.at().isAfter(after))) {
          Task t = "id".equals(elements) ? new Task() : task(s);
          t.setId(s.id());
          if ("id".equals(elements)) {
            t.getMeta().addTag("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "SUBSETTED", null);
          }
          b.addEntry().setFullUrl(base + "Task/" + s.id()).setResource(t).getSearch()
              .setMode(Bundle.SearchEntryMode.MATCH);
        }
      }
      b.setTotal(b.getEntry().size());
      return fhir(200, b);
    });
  }

  private Reply readTask(Call c) {
    Principal p = requireEsms(c);
    return store.read(() -> {
      String id = c.path("id");
      Store.ReportedStatus s = store.statusLog.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
      AdmissionRequest r = s == null ? null : store.requests.get(s.request());
      boolean visible = r != null && store.requests.values().stream().anyMatch(mine -> mine.unit().equals(p.unit())
          && mine.dossierId().equals(r.dossierId()));
      if (!visible) {
        throw ApiException.notFound("Task", id);
      }
      return fhir(200, task(s));
    });
  }

  /**
   * The Task of a stored status. A status reported through /v1 may lack what sdo-task requires: VT, as SI-SDO,
   * completes nomESMS from its directory and idNat_Decision from the decision (or derives it: "SDO-" + idDecision,
   * the reference server playing the role of the SI-SDO that issues national decision ids). Call under a lock.
   */
  private Task task(Store.ReportedStatus s) {
    EsmsStatus status = s.status();
    if (status.esmsName() == null || status.idNatDecision() == null) {
      AdmissionRequest r = store.requests.get(s.request());
      Unit unit = r == null ? null : store.units.get(r.unit());
      Dossier d = r == null ? null : store.dossiers.get(r.dossierId());
      String name = status.esmsName() != null ? status.esmsName() : unit != null ? unit.name() : status.idNatStruct();
      String natDecision = status.idNatDecision() != null ? status.idNatDecision()
          : d != null && d.mdphDecision() != null ? natDecision(d) : "SDO-" + status.idDecision();
      status = new EsmsStatus(status.idNatStruct(), name, status.status(), status.motif(), status.statusDate(),
          status.rorUnitId(), status.unitStatus(), status.unitMotif(), status.unitStatusDate(), status.idDecision(),
          natDecision, status.unitName(), status.unitCategory(), status.reception(), status.sequentialReception(),
          status.careMode(), status.rightType());
    }
    Task t = SdoTaskMapper.toTask(status, s.at());
    t.setId(s.id());
    return t;
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
    Principal p = requireEsms(c);
    onlyParameters(c, "type", "identifier", "_lastUpdated", "_elements");
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
    Instant after = lastUpdatedAfter(c.query("_lastUpdated"));
    boolean idsOnly = "id".equals(c.query("_elements"));
    String base = fullUrlBase(c);
    String wanted = type;
    return store.read(() -> {
      Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
      b.getMeta().addProfile(SdoProfiles.ESMS_BUNDLE_DECISION_EVALUATION);
      for (Doc d : documents(p)) {
        org.hl7.fhir.r4.model.DocumentReference r = d.resource();
        boolean match = SdoDocuments.type(r).equals(wanted)
            && (identifier == null || identifier.equals(SdoDocuments.idNatDecision(r)))
            && (after == null || r.getMeta().getLastUpdated().toInstant().isAfter(after));
        if (match) {
          org.hl7.fhir.r4.model.DocumentReference out = idsOnly ? new org.hl7.fhir.r4.model.DocumentReference() : r;
          out.setId(d.id());
          b.addEntry().setFullUrl(base + "DocumentReference/" + d.id()).setResource(out).getSearch()
              .setMode(Bundle.SearchEntryMode.MATCH);
        }
      }
      b.setTotal(b.getEntry().size());
      return fhir(200, b);
    });
  }

  private Reply readDocument(Call c) {
    Principal p = requireEsms(c);
    return store.read(() -> {
      Doc d = documents(p).stream().filter(x -> x.id().equals(c.path("id"))).findFirst()
          .orElseThrow(() -> ApiException.notFound("DocumentReference", c.path("id")));
      d.resource().setId(d.id());
      return fhir(200, d.resource());
    });
  }

  /**
   * The documents this ESMS may read: for each Handicap dossier notified to its unit, the decision document
   * ({@code DEC-<dossier>}: the person's identity traits and the decision, as JSON — the IG's CDA is not produced)
   * and, once it recorded an agreement, the dossier's attachments as evaluation documents ({@code EVAL-<attachment>}).
   * Call under a lock.
   */
  private List<Doc> documents(Principal p) {
    List<Doc> out = new java.util.ArrayList<>();
    Set<io.vtsdk.model.DossierId> seen = new java.util.HashSet<>();
    for (AdmissionRequest r : store.requests.values()) {
      Dossier d = store.dossiers.get(r.dossierId());
      if (r.module() != VtModule.HANDICAP || !r.unit().equals(p.unit()) || d == null || d.mdphDecision() == null
          || !seen.add(d.id())) {
        continue;
      }
      String nat = natDecision(d);
      Instant notified = r.sentAt() != null ? r.sentAt() : api.now();
      out.add(new Doc("DEC-" + d.id().value(), SdoDocuments.document(SdoDocuments.DECISION,
          d.mdphDecision().idDecision(), nat, "application/json", decisionContent(d), notified)));
      boolean agreed = store.consents.stream().anyMatch(x -> store.requests.get(x.request()) != null
          && store.requests.get(x.request()).unit().equals(p.unit())
          && store.requests.get(x.request()).dossierId().equals(d.id()));
      if (agreed) {
        for (io.vtsdk.model.dossier.Attachment a : d.attachments()) {
          byte[] content = store.attachmentContents.get(a.id());
          if (content != null) {
            out.add(new Doc("EVAL-" + a.id().value(), SdoDocuments.document(SdoDocuments.EVALUATION,
                d.mdphDecision().idDecision(), nat, a.contentType(), content,
                a.uploadedAt() != null ? a.uploadedAt() : notified)));
          }
        }
      }
    }
    return out;
  }

  /** The "individu + décision" content: the person's identity traits and the decision. */
  private static byte[] decisionContent(Dossier d) {
    Map<String, Object> person = new java.util.LinkedHashMap<>();
    if (d.patient() != null) {
      person.put("ins", d.patient().ins());
      person.put("birthName", d.patient().birthName());
      person.put("firstBirthGivenName", d.patient().firstBirthGivenName());
      person.put("sex", d.patient().sex());
      person.put("birthDate", d.patient().birthDate());
    }
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    doc.put("person", person);
    doc.put("decision", d.mdphDecision());
    try {
      return JSON.writeValueAsBytes(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the decision document", e);
    }
  }

  private static final com.fasterxml.jackson.databind.json.JsonMapper JSON = io.vtsdk.model.json.VtJson.newMapper();

  /** What this server implements of the SDO server role (CapabilityStatement gestionnaire-sdo, Task part). */
  private static org.hl7.fhir.r4.model.CapabilityStatement capabilities() {
    org.hl7.fhir.r4.model.CapabilityStatement cs = new org.hl7.fhir.r4.model.CapabilityStatement();
    cs.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
        .setKind(org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind.INSTANCE)
        .setFhirVersion(org.hl7.fhir.r4.model.Enumerations.FHIRVersion._4_0_1).addFormat(FHIR_JSON)
        .setDateElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-23"))
        .setName("VtReferenceServerSdo").getSoftware().setName("vt-sdk reference server");
    org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent task = cs.addRest()
        .setMode(org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode.SERVER).addResource()
        .setType("Task").setProfile(SdoProfiles.SDO_TASK);
    for (var i : List.of(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.CREATE,
        org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE,
        org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ)) {
      task.addInteraction().setCode(i);
    }
    task.addSearchParam().setName("_lastUpdated").setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE);
    org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent docs = cs.getRestFirstRep()
        .addResource().setType("DocumentReference").setProfile(SdoProfiles.ESMS_DOCUMENT_REFERENCE);
    docs.addInteraction().setCode(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
    docs.addInteraction().setCode(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ);
    for (String param : List.of("type", "identifier")) {
      docs.addSearchParam().setName(param).setType(org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN);
    }
    cs.getRestFirstRep().addResource().setType("Consent").setProfile(SdoProfiles.ESMS_CONSENT).addInteraction()
        .setCode(org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.CREATE);
    return cs;
  }

  /** Refuses a search parameter this server does not implement (besides {@code _format}). */
  private static void onlyParameters(Call c, String... supported) {
    List<String> allowed = List.of(supported);
    for (String name : c.queryNames()) {
      if (!allowed.contains(name) && !name.equals("_format")) {
        throw ApiException.badRequest("unknown search parameter '" + name + "' (supported: "
            + String.join(", ", allowed) + ")");
      }
    }
  }

  /** The base of absolute entry URLs in a search Bundle, from the request's Host. */
  private static String fullUrlBase(Call c) {
    return "http://" + (c.header("Host") == null ? "localhost" : c.header("Host")) + "/fhir/";
  }

  private static Principal requireEsms(Call c) {
    Principal p = c.principal();
    if (p.role() != Role.ESMS) {
      throw ApiException.forbidden("the SDO FHIR flows are for ESMS (role ESMS), not " + p.role());
    }
    return p;
  }

  /** {@code gt2026-11-22} or {@code gt2026-11-22T10:00:00Z}: the instant after which; null when absent. */
  static Instant lastUpdatedAfter(String v) {
    if (v == null) {
      return null;
    }
    if (!v.startsWith("gt")) {
      throw ApiException.badRequest("_lastUpdated: only the 'gt' prefix is supported, e.g. gt2026-11-22");
    }
    String when = v.substring(2);
    try {
      return when.length() == 10 ? LocalDate.parse(when).atStartOfDay().toInstant(ZoneOffset.UTC)
          : OffsetDateTime.parse(when).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("_lastUpdated: not a date (YYYY-MM-DD) or an instant with its offset");
    }
  }

  private static Reply fhir(int status, org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return new Reply(status, Map.of("Content-Type", FHIR_JSON),
        VtFhir.toJson(resource).getBytes(StandardCharsets.UTF_8));
  }
}
