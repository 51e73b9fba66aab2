package io.vtsdk.fhir.dossier;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.internal.Values;
import io.vtsdk.fhir.frcore.FrCore;
import io.vtsdk.fhir.frcore.PractitionerMapper;
import io.vtsdk.model.Coding;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.RequestStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * {@link AdmissionRequest} ↔ Task, following the closed-loop referral pattern: {@code status} is the coarse FHIR
 * status the workflow derives ({@link AdmissionRequest#taskStatus()}), {@code businessStatus} VT's exact status
 * (and its TRE_R357 code for Handicap), {@code focus} the dossier's ServiceRequest, {@code owner} the receiving unit,
 * {@code for} the patient; each response is an {@code output} (its kind, with motif, comment, author, instant and
 * proposed entry date). Not API: used by {@link DossierBundleMapper}.
 */
final class RequestTaskMapper {
  private RequestTaskMapper() {}

  static final String NS_REQUEST = DossierBundleMapper.VT + "NamingSystem/request";
  static final String CS_REQUEST_STATUS = DossierBundleMapper.VT + "CodeSystem/request-status";
  static final String CS_RESPONSE_KIND = DossierBundleMapper.VT + "CodeSystem/response-kind";
  static final String EXT = DossierBundleMapper.EXT;

  /**
   * @param practitioner adds a Practitioner entry (for a response's author) and returns the reference to it
   */
  static Task toTask(AdmissionRequest r, Reference focus, Reference patient,
      Function<io.vtsdk.model.actor.Professional, Reference> practitioner) {
    Task t = new Task();
    t.addIdentifier().setSystem(NS_REQUEST).setValue(r.id().value());
    t.setStatus(Task.TaskStatus.fromCode(r.taskStatus().fhirCode())).setIntent(Task.TaskIntent.ORDER);
    CodeableConcept business = new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(CS_REQUEST_STATUS,
        r.status().name(), null));
    r.status().r357Code().ifPresent(code -> business.addCoding(new org.hl7.fhir.r4.model.Coding(NosTable.R357.url(),
        code, null)));
    t.setBusinessStatus(business);
    t.getCode().addCoding(new org.hl7.fhir.r4.model.Coding(FrCore.VT_CS_MODULE, r.module().name(), null));
    t.setFocus(focus.copy());
    if (patient != null) {
      t.setFor(patient.copy());
    }
    t.setOwner(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(FrCore.VT_UNIT_ID)
        .setValue(r.unit().value())));
    t.getMeta().setVersionId(String.valueOf(r.version()));
    t.addExtension(EXT + "dossier", new StringType(r.dossierId().value()));
    instant(t, EXT + "sent-at", r.sentAt());
    instant(t, EXT + "read-at", r.readAt());
    instant(t, EXT + "answered-at", r.answeredAt());
    instant(t, EXT + "closed-at", r.closedAt());
    for (Response resp : r.responses()) {
      Task.TaskOutputComponent out = t.addOutput();
      out.getType().setText("response");
      out.setValue(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(CS_RESPONSE_KIND,
          resp.kind().name(), null)));
      if (resp.motif() != null) {
        out.addExtension(EXT + "motif", new org.hl7.fhir.r4.model.Coding(resp.motif().system(), resp.motif().code(),
            resp.motif().display()));
      }
      if (resp.comment() != null) {
        out.addExtension(EXT + "comment", new StringType(resp.comment()));
      }
      if (resp.author() != null) {
        out.addExtension(EXT + "author", practitioner.apply(resp.author()));
      }
      if (resp.at() != null) {
        out.addExtension(EXT + "at", Values.dateTime(resp.at()));
      }
      if (resp.proposedEntryDate() != null) {
        LocalDate d = resp.proposedEntryDate();
        out.addExtension(EXT + "proposed-entry-date", Values.date(d));
      }
      if (resp.admissionAt() != null) {
        out.addExtension(EXT + "admission-at", Values.dateTime(resp.admissionAt()));
      }
    }
    return t;
  }

  private static void instant(Task t, String url, Instant at) {
    if (at != null) {
      t.addExtension(url, Values.dateTime(at));
    }
  }

  static AdmissionRequest fromTask(Task t, Map<String, org.hl7.fhir.r4.model.Resource> byUrl) {
    String id = t.getIdentifier().stream().filter(i -> NS_REQUEST.equals(i.getSystem())).map(
        org.hl7.fhir.r4.model.Identifier::getValue).findFirst()
        .orElseThrow(() -> new FhirMappingException("Task.identifier:request", "required (system " + NS_REQUEST
            + ")"));
    String status = t.getBusinessStatus().getCoding().stream().filter(c -> CS_REQUEST_STATUS.equals(c.getSystem()))
        .map(org.hl7.fhir.r4.model.Coding::getCode).findFirst()
        .orElseThrow(() -> new FhirMappingException("Task.businessStatus", "needs VT's status (" + CS_REQUEST_STATUS
            + ")"));
    String module = t.getCode().getCoding().stream().filter(c -> FrCore.VT_CS_MODULE.equals(c.getSystem()))
        .map(org.hl7.fhir.r4.model.Coding::getCode).findFirst()
        .orElseThrow(() -> new FhirMappingException("Task.code:module", "required"));
    Extension dossier = t.getExtensionByUrl(EXT + "dossier");
    if (dossier == null || !t.getOwner().hasIdentifier()) {
      throw new FhirMappingException(dossier == null ? "Task.extension:dossier" : "Task.owner.identifier",
          "required");
    }
    List<Response> responses = new ArrayList<>();
    for (Task.TaskOutputComponent out : t.getOutput()) {
      if (!"response".equals(out.getType().getText()) || !(out.getValue() instanceof CodeableConcept kind)) {
        continue;
      }
      Extension motif = out.getExtensionByUrl(EXT + "motif");
      Extension comment = out.getExtensionByUrl(EXT + "comment");
      Extension author = out.getExtensionByUrl(EXT + "author");
      Extension at = out.getExtensionByUrl(EXT + "at");
      Extension entry = out.getExtensionByUrl(EXT + "proposed-entry-date");
      Extension admission = out.getExtensionByUrl(EXT + "admission-at");
      org.hl7.fhir.r4.model.Coding m = motif == null ? null : (org.hl7.fhir.r4.model.Coding) motif.getValue();
      io.vtsdk.model.actor.Professional pro = null;
      if (author != null) {
        org.hl7.fhir.r4.model.Resource r = byUrl.get(((Reference) author.getValue()).getReference());
        if (!(r instanceof Practitioner p)) {
          throw new FhirMappingException("Task.output.extension:author", "must reference a Practitioner entry");
        }
        pro = PractitionerMapper.fromPractitioner(p);
      }
      DateType date = entry == null ? null : (DateType) entry.getValue();
      responses.add(new Response(Values.code(ResponseKind::valueOf, ResponseKind.values(),
          kind.getCodingFirstRep().getCode(),
          "Task.output.valueCodeableConcept"), m == null ? null : new Coding(m.getSystem(), m.getCode(),
          m.getDisplay()), comment == null ? null : comment.getValue().primitiveValue(), pro,
          at == null ? null : ((DateTimeType) at.getValue()).getValue().toInstant(),
          date == null ? null : LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()),
          admission == null ? null : ((DateTimeType) admission.getValue()).getValue().toInstant()));
    }
    return new AdmissionRequest(RequestId.of(id), DossierId.of(dossier.getValue().primitiveValue()),
        Values.code(VtModule::valueOf, VtModule.values(), module, "Task.code:module"),
        UnitId.of(t.getOwner().getIdentifier().getValue()),
        Values.enumValue(RequestStatus.class, status, "Task.businessStatus"), instant(t, "sent-at"),
        instant(t, "read-at"),
        instant(t, "answered-at"), instant(t, "closed-at"), responses,
        t.getMeta().hasVersionId() ? Long.parseLong(t.getMeta().getVersionId()) : 0);
  }

  private static Instant instant(Task t, String name) {
    Extension e = t.getExtensionByUrl(EXT + name);
    return e == null ? null : ((DateTimeType) e.getValue()).getValue().toInstant();
  }
}
