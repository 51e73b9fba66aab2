package io.vtsdk.fhir.dossier;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.internal.Values;
import io.vtsdk.fhir.frcore.FrCore;
import io.vtsdk.fhir.frcore.PatientMapper;
import io.vtsdk.fhir.frcore.PractitionerMapper;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.Coding;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.dossier.AdminSocialSection;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.CareSection;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.RequestingServiceSection;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.request.AdmissionRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * {@link Dossier} ↔ a FHIR Bundle (type collection) for exchange with a DPI:
 * <ul>
 *   <li>a <b>ServiceRequest</b>, the orientation: identifiers (dossier id, number), module as {@code category},
 *       target kind as {@code code}, SMR mention / Prado volet / ESMS category as {@code orderDetail}, the patient as
 *       {@code subject}, the requester as {@code requester} (a PractitionerRole: the unit, and the professional when
 *       known), creation as {@code authoredOn},
 *       {@code meta.versionId} / {@code lastUpdated}; VT's exact status, request type and dates in vt-sdk
 *       extensions; {@code supportingInfo} pointing to the resources below;</li>
 *   <li>the <b>Patient</b> (FR Core, {@link PatientMapper}) and <b>Practitioners</b> (FR Core);</li>
 *   <li>one <b>QuestionnaireResponse</b> per section (medical, care, admin-social, requesting service) and one
 *       <b>Provenance</b> per section's validation (author, validated version, instant);</li>
 *   <li>a <b>Consent</b> and one <b>DocumentReference</b> per attachment (sha-256 in an extension: FHIR's
 *       {@code Attachment.hash} is SHA-1).</li>
 * </ul>
 * The audit history is not exchanged (VT's journal; {@link #fromBundle} returns it empty). Entries have stable
 * {@code urn:uuid} full URLs derived from the dossier id. See docs/fhir.md.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DossierBundleMapper {
  private DossierBundleMapper() {}

  static final String VT = "https://vtsdk.io/fhir/";
  static final String NS_DOSSIER = VT + "NamingSystem/dossier";
  static final String NS_DOSSIER_NUMBER = VT + "NamingSystem/dossier-number";
  static final String NS_ATTACHMENT = VT + "NamingSystem/attachment";
  static final String EXT = VT + "StructureDefinition/";
  static final String EXT_STATUS = EXT + "dossier-status";
  static final String EXT_REQUEST_TYPE = EXT + "request-type";
  static final String EXT_HOSPITALISATION = EXT + "hospitalisation-date";
  static final String EXT_DISCHARGE = EXT + "planned-discharge-date";
  static final String EXT_DESIRED_ENTRY = EXT + "desired-entry-date";
  static final String EXT_SYNTHESIS_PATH = EXT + "synthesis-path";
  static final String EXT_ACCOMPAGNANT = EXT + "accompagnant";
  static final String EXT_MDPH_DECISION = EXT + "mdph-decision";
  static final String EXT_VALIDATED_VERSION = EXT + "validated-version";
  static final String EXT_SHA256 = EXT + "sha256";
  static final String EXT_SIZE = EXT + "size";
  static final String EXT_GIVEN_BY = EXT + "consent-given-by";
  static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
  static final String CS_SMR_MENTION = VT + "CodeSystem/smr-mention";
  static final String QUESTIONNAIRE = VT + "Questionnaire/";

  // ------------------------------------------------------------------------------------------------ write

  public static Bundle toBundle(Dossier d) {
    return toBundle(d, List.of());
  }

  /**
   * The dossier and its admission requests: one Task each (closed-loop referral: coarse {@code status}, VT's exact
   * {@code businessStatus}, {@code focus} = the ServiceRequest, {@code owner} = the receiving unit).
   */
  public static Bundle toBundle(Dossier d, List<AdmissionRequest> requests) {
    java.util.Objects.requireNonNull(d, "dossier");
    java.util.Objects.requireNonNull(requests, "requests");
    Writer w = new Writer(d);
    Bundle b = w.bundle();
    int i = 0;
    for (AdmissionRequest r : requests) {
      if (!r.dossierId().equals(d.id())) {
        throw new IllegalArgumentException("request " + r.id() + " belongs to dossier " + r.dossierId() + ", not "
            + d.id());
      }
      int n = i++;
      int[] author = {0};
      Task t = RequestTaskMapper.toTask(r, new Reference(w.url("service-request")),
          d.patient() == null ? null : new Reference(w.url("patient")),
          pro -> w.add("request-" + n + "-author-" + author[0]++, PractitionerMapper.toPractitioner(pro)));
      w.add("request-" + n, t);
    }
    return b;
  }

  /** The admission requests (Tasks) of a Bundle made by {@link #toBundle(Dossier, List)}, in Bundle order. */
  public static List<AdmissionRequest> requestsFromBundle(Bundle b) {
    java.util.Objects.requireNonNull(b, "bundle");
    Map<String, Resource> byUrl = new HashMap<>();
    List<Task> tasks = new ArrayList<>();
    for (Bundle.BundleEntryComponent e : b.getEntry()) {
      if (e.hasFullUrl() && e.getResource() != null) {
        byUrl.put(e.getFullUrl(), e.getResource());
      }
      if (e.getResource() instanceof Task t) {
        tasks.add(t);
      }
    }
    return tasks.stream().map(t -> RequestTaskMapper.fromTask(t, byUrl)).toList();
  }

  private static final class Writer {
    final Dossier d;
    final Bundle bundle = new Bundle();
    final ServiceRequest sr = new ServiceRequest();

    Writer(Dossier d) {
      this.d = d;
    }

    /** A stable version-4-shaped UUID from the dossier id and the entry's key (FNV-1a; no MD5 per entry). */
    String url(String key) {
      long hi = fnv(d.id().value() + "|" + key, 0xcbf29ce484222325L);
      long lo = fnv(key + "|" + d.id().value(), 0x84222325cbf29ce4L);
      return "urn:uuid:" + new UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    Reference add(String key, Resource r) {
      String url = url(key);
      bundle.addEntry().setFullUrl(url).setResource(r);
      return new Reference(url);
    }

    Bundle bundle() {
      bundle.setType(Bundle.BundleType.COLLECTION);
      bundle.getIdentifier().setSystem(NS_DOSSIER).setValue(d.id().value());
      add("service-request", sr);
      sr.addIdentifier().setSystem(NS_DOSSIER).setValue(d.id().value());
      if (d.number() != null) {
        sr.addIdentifier().setSystem(NS_DOSSIER_NUMBER).setValue(d.number());
      }
      sr.setStatus(fhirStatus(d.status())).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
      sr.addExtension(EXT_STATUS, new CodeType(d.status().name()));
      sr.getMeta().setVersionId(String.valueOf(d.version()));
      if (d.updatedAt() != null) {
        sr.getMeta().setLastUpdated(Date.from(d.updatedAt()));
      }
      if (d.createdAt() != null) {
        sr.setAuthoredOnElement(Values.dateTime(d.createdAt()));
      }
      sr.addCategory(Values.concept(new Coding(FrCore.VT_CS_MODULE, d.module().name(), null)));
      orientation(d.orientation());
      if (d.requestType() != null) {
        sr.addExtension(EXT_REQUEST_TYPE, new CodeType(d.requestType().name()));
      }
      date(EXT_HOSPITALISATION, d.hospitalisationDate());
      date(EXT_DISCHARGE, d.plannedDischargeDate());
      date(EXT_DESIRED_ENTRY, d.desiredEntryDate());
      if (d.patient() != null) {
        sr.setSubject(add("patient", PatientMapper.toFhir(d.patient())));
      } else {
        sr.getSubject().addExtension(DATA_ABSENT, new CodeType("unknown"));
      }
      if (d.requester() != null) {
        Professional pro = d.requester().professional();
        Reference practitioner = pro == null ? null : add("requester", PractitionerMapper.toPractitioner(pro));
        sr.setRequester(add("requester-role", PractitionerMapper.toPractitionerRole(pro, practitioner,
            d.requester().unit())));
      }
      section("medical", d.medical(), d.medical() == null ? null : d.medical().info());
      section("care", d.care(), d.care() == null ? null : d.care().info());
      section("admin-social", d.adminSocial(), d.adminSocial() == null ? null : d.adminSocial().info());
      section("requesting-service", d.requestingService(),
          d.requestingService() == null ? null : d.requestingService().info());
      if (d.consent() != null) {
        sr.addSupportingInfo(add("consent", consent(d.consent())));
      }
      int i = 0;
      for (Attachment a : d.attachments()) {
        sr.addSupportingInfo(add("attachment-" + i++, document(a)));
      }
      d.accompagnants().forEach(a -> sr.addExtension(EXT_ACCOMPAGNANT, new StringType(a)));
      if (d.mdphDecision() != null) {
        sr.addExtension(mdph(d.mdphDecision()));
      }
      return bundle;
    }

    void orientation(Orientation o) {
      if (o == null) {
        return;
      }
      sr.setCode(Values.concept(new Coding(FrCore.VT_CS_TARGET_KIND, o.target().name(), null)));
      if (o.smrMention() != null) {
        sr.addOrderDetail(Values.concept(new Coding(CS_SMR_MENTION, o.smrMention().name(), null)));
      }
      if (o.pradoVolet() != null) {
        sr.addOrderDetail(Values.concept(new Coding(FrCore.VT_CS_PRADO_VOLET, o.pradoVolet().name(),
            null)));
      }
      if (o.esmsCategory() != null) {
        sr.addOrderDetail(Values.concept(o.esmsCategory()));
      }
      for (String step : o.synthesisPath()) {
        sr.addExtension(EXT_SYNTHESIS_PATH, new StringType(step));
      }
    }

    void date(String url, LocalDate value) {
      if (value != null) {
        sr.addExtension(url, Values.date(value));
      }
    }

    void section(String name, Record section, SectionInfo info) {
      if (section == null) {
        return;
      }
      QuestionnaireResponse qr = new QuestionnaireResponse();
      qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
      qr.setQuestionnaire(QUESTIONNAIRE + name);
      SectionCodec.write(section, qr);
      Reference ref = add("section-" + name, qr);
      sr.addSupportingInfo(ref);
      if (info != null) {
        Provenance p = new Provenance();
        p.addTarget(ref.copy());
        if (info.validatedAt() != null) {
          p.setRecordedElement(new InstantType(Date.from(info.validatedAt())));
        } else {
          p.getRecordedElement().addExtension(DATA_ABSENT, new CodeType("unknown"));
        }
        p.addExtension(EXT_VALIDATED_VERSION, new IntegerType(info.validatedVersion()));
        Provenance.ProvenanceAgentComponent agent = p.addAgent();
        if (info.author() != null) {
          agent.setWho(add("author-" + name, PractitionerMapper.toPractitioner(info.author())));
        } else {
          agent.getWho().addExtension(DATA_ABSENT, new CodeType("unknown"));
        }
        add("provenance-" + name, p);
      }
    }
  }

  static long fnv(String s, long seed) {
    long h = seed;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  static ServiceRequest.ServiceRequestStatus fhirStatus(DossierStatus s) {
    return switch (s) {
      case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
      case SENT -> ServiceRequest.ServiceRequestStatus.ACTIVE;
      case ADMISSION_CONFIRMED, ARCHIVED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
      case CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
    };
  }

  static org.hl7.fhir.r4.model.Consent consent(Consent c) {
    org.hl7.fhir.r4.model.Consent out = new org.hl7.fhir.r4.model.Consent();
    out.setStatus(c.granted() ? org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE
        : org.hl7.fhir.r4.model.Consent.ConsentState.REJECTED);
    out.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
        .setCode("patient-privacy");
    out.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
    out.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("OPTIN");
    if (c.date() != null) {
      out.setDateTimeElement(new DateTimeType(c.date().toString()));
    }
    if (c.givenBy() != null) {
      out.addExtension(EXT_GIVEN_BY, new CodeType(c.givenBy().name()));
    }
    return out;
  }

  static DocumentReference document(Attachment a) {
    DocumentReference doc = new DocumentReference();
    doc.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    doc.addIdentifier().setSystem(NS_ATTACHMENT).setValue(a.id().value());
    org.hl7.fhir.r4.model.Attachment att = doc.addContent().getAttachment();
    att.setContentType(a.contentType()).setTitle(a.fileName());
    if (a.size() <= Integer.MAX_VALUE) {
      att.setSize((int) a.size());
    } else {
      att.addExtension(EXT_SIZE, new StringType(Long.toString(a.size())));
    }
    if (a.uploadedAt() != null) {
      att.setCreationElement(Values.dateTime(a.uploadedAt()));
    }
    if (a.sha256() != null) {
      att.addExtension(EXT_SHA256, new StringType(a.sha256()));
    }
    return doc;
  }

  static Extension mdph(MdphDecision m) {
    Extension e = new Extension(EXT_MDPH_DECISION);
    e.addExtension("idDecision", new StringType(m.idDecision()));
    if (m.idNatDecision() != null) {
      e.addExtension("idNatDecision", new StringType(m.idNatDecision()));
    }
    m.categories().forEach(c -> e.addExtension("category", Values.toFhir(c)));
    m.modalities().forEach(c -> e.addExtension("modality", Values.toFhir(c)));
    if (m.validFrom() != null) {
      e.addExtension("validFrom", Values.date(m.validFrom()));
    }
    if (m.validTo() != null) {
      e.addExtension("validTo", Values.date(m.validTo()));
    }
    return e;
  }

  // ------------------------------------------------------------------------------------------------ read

  /**
   * The dossier a Bundle made by {@link #toBundle} (or by a DPI following the same layout) carries.
   *
   * @throws FhirMappingException naming the element and the rule
   */
  public static Dossier fromBundle(Bundle b) {
    java.util.Objects.requireNonNull(b, "bundle");
    Map<String, Resource> byUrl = new HashMap<>();
    List<ServiceRequest> requests = new ArrayList<>();
    List<Provenance> provenances = new ArrayList<>();
    for (Bundle.BundleEntryComponent e : b.getEntry()) {
      if (e.getResource() == null) {
        continue;
      }
      if (e.hasFullUrl()) {
        byUrl.put(e.getFullUrl(), e.getResource());
      }
      if (e.getResource() instanceof ServiceRequest s) {
        requests.add(s);
      } else if (e.getResource() instanceof Provenance p) {
        provenances.add(p);
      }
    }
    if (requests.size() != 1) {
      throw new FhirMappingException("Bundle.entry:ServiceRequest", "exactly one ServiceRequest (the orientation)"
          + " is required, found " + requests.size());
    }
    ServiceRequest sr = requests.get(0);
    String id = identifier(sr, NS_DOSSIER);
    if (id == null) {
      throw new FhirMappingException("ServiceRequest.identifier:dossier", "required (system " + NS_DOSSIER + ")");
    }
    VtModule module = sr.getCategory().stream().map(c -> Values.code(c, FrCore.VT_CS_MODULE))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(c -> Values.code(VtModule::valueOf, VtModule.values(), c, "ServiceRequest.category:module"))
        .orElseThrow(() -> new FhirMappingException("ServiceRequest.category:module", "required"));
    Dossier.Builder out = Dossier.builder(DossierId.of(id), module).number(identifier(sr, NS_DOSSIER_NUMBER));
    Extension status = sr.getExtensionByUrl(EXT_STATUS);
    out.status(status != null ? Values.enumValue(DossierStatus.class, status.getValue().primitiveValue(),
        "ServiceRequest.extension:dossierStatus") : statusOf(sr.getStatus()));
    out.version(sr.getMeta().hasVersionId() ? parseLong(sr.getMeta().getVersionId()) : 0);
    out.updatedAt(sr.getMeta().getLastUpdated() == null ? null : sr.getMeta().getLastUpdated().toInstant());
    out.createdAt(sr.hasAuthoredOn() ? sr.getAuthoredOn().toInstant() : null);
    Extension type = sr.getExtensionByUrl(EXT_REQUEST_TYPE);
    out.requestType(type == null ? null : Values.enumValue(RequestType.class, type.getValue().primitiveValue(),
        "ServiceRequest.extension:requestType"));
    out.hospitalisationDate(localDate(sr.getExtensionByUrl(EXT_HOSPITALISATION)));
    out.plannedDischargeDate(localDate(sr.getExtensionByUrl(EXT_DISCHARGE)));
    out.desiredEntryDate(localDate(sr.getExtensionByUrl(EXT_DESIRED_ENTRY)));
    out.orientation(orientation(sr, module));
    if (sr.getSubject().hasReference()) {
      out.patient(PatientMapper.fromFhir(resolve(byUrl, sr.getSubject(), org.hl7.fhir.r4.model.Patient.class,
          "ServiceRequest.subject")));
    }
    if (sr.hasRequester()) {
      org.hl7.fhir.r4.model.PractitionerRole role = resolve(byUrl, sr.getRequester(),
          org.hl7.fhir.r4.model.PractitionerRole.class, "ServiceRequest.requester");
      Professional pro = role.hasPractitioner() ? PractitionerMapper.fromPractitioner(resolve(byUrl,
          role.getPractitioner(), Practitioner.class, "PractitionerRole.practitioner")) : null;
      out.requester(new Requester(PractitionerMapper.unitOf(role), pro));
    }
    List<Attachment> attachments = new ArrayList<>();
    for (Reference ref : sr.getSupportingInfo()) {
      Resource r = byUrl.get(ref.getReference());
      if (r instanceof QuestionnaireResponse qr) {
        section(out, qr, info(qr, ref.getReference(), provenances, byUrl));
      } else if (r instanceof org.hl7.fhir.r4.model.Consent c) {
        out.consent(consent(c));
      } else if (r instanceof DocumentReference doc) {
        attachments.add(attachment(doc));
      } else if (r == null) {
        throw new FhirMappingException("ServiceRequest.supportingInfo", "references an entry not in the Bundle");
      }
    }
    out.attachments(attachments);
    Extension mdph = sr.getExtensionByUrl(EXT_MDPH_DECISION);
    if (mdph != null) {
      out.mdphDecision(mdph(mdph));
    }
    if (sr.hasExtension(EXT_ACCOMPAGNANT)) {
      out.accompagnants(sr.getExtensionsByUrl(EXT_ACCOMPAGNANT).stream().map(e -> e.getValue().primitiveValue())
          .toList());
    }
    return out.build();
  }

  private static void section(Dossier.Builder out, QuestionnaireResponse qr, SectionInfo info) {
    String q = qr.getQuestionnaire() == null ? "" : qr.getQuestionnaire();
    switch (q.startsWith(QUESTIONNAIRE) ? q.substring(QUESTIONNAIRE.length()) : q) {
      case "medical" -> out.medical(SectionCodec.read(MedicalSection.class, info, qr, "QuestionnaireResponse:medical"));
      case "care" -> out.care(SectionCodec.read(CareSection.class, info, qr, "QuestionnaireResponse:care"));
      case "admin-social" -> out.adminSocial(SectionCodec.read(AdminSocialSection.class, info, qr,
          "QuestionnaireResponse:admin-social"));
      case "requesting-service" -> out.requestingService(SectionCodec.read(RequestingServiceSection.class, info, qr,
          "QuestionnaireResponse:requesting-service"));
      default -> throw new FhirMappingException("QuestionnaireResponse.questionnaire",
          "must be one of the dossier's sections (" + QUESTIONNAIRE + "medical, care, admin-social,"
              + " requesting-service)");
    }
  }

  private static SectionInfo info(QuestionnaireResponse qr, String url, List<Provenance> provenances,
      Map<String, Resource> byUrl) {
    for (Provenance p : provenances) {
      if (p.getTarget().stream().anyMatch(t -> url.equals(t.getReference()))) {
        Extension v = p.getExtensionByUrl(EXT_VALIDATED_VERSION);
        Provenance.ProvenanceAgentComponent agent = p.getAgentFirstRep();
        Professional author = agent.getWho().hasReference() ? PractitionerMapper.fromPractitioner(resolve(byUrl,
            agent.getWho(), Practitioner.class, "Provenance.agent.who")) : null;
        return new SectionInfo(author, v == null ? 0 : ((IntegerType) v.getValue()).getValue(),
            p.getRecorded() == null ? null : p.getRecorded().toInstant());
      }
    }
    return null;
  }

  private static Orientation orientation(ServiceRequest sr, VtModule module) {
    if (!sr.hasCode()) {
      return null;
    }
    TargetKind target = Values.code(TargetKind::valueOf, TargetKind.values(),
        Values.code(sr.getCode(), FrCore.VT_CS_TARGET_KIND),
        "ServiceRequest.code");
    SmrMention mention = null;
    PradoVolet volet = null;
    Coding esms = null;
    for (CodeableConcept c : sr.getOrderDetail()) {
      org.hl7.fhir.r4.model.Coding first = c.getCodingFirstRep();
      if (CS_SMR_MENTION.equals(first.getSystem())) {
        mention = Values.enumValue(SmrMention.class, first.getCode(), "ServiceRequest.orderDetail:smrMention");
      } else if (FrCore.VT_CS_PRADO_VOLET.equals(first.getSystem())) {
        volet = Values.enumValue(PradoVolet.class, first.getCode(), "ServiceRequest.orderDetail:pradoVolet");
      } else if (first.hasSystem() && first.hasCode()) {
        esms = new Coding(first.getSystem(), first.getCode(), first.getDisplay());
      }
    }
    List<String> path = sr.getExtensionsByUrl(EXT_SYNTHESIS_PATH).stream().map(e -> e.getValue().primitiveValue())
        .toList();
    try {
      return new Orientation(module, target, mention, volet, esms, path);
    } catch (IllegalArgumentException e) {
      throw new FhirMappingException("ServiceRequest.code", "the target kind belongs to another module");
    }
  }

  private static Consent consent(org.hl7.fhir.r4.model.Consent c) {
    Extension by = c.getExtensionByUrl(EXT_GIVEN_BY);
    return new Consent(c.getStatus() == org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE,
        by == null ? null : Values.enumValue(Consent.GivenBy.class, by.getValue().primitiveValue(),
            "Consent.extension:givenBy"),
        c.hasDateTime() ? LocalDate.parse(c.getDateTimeElement().getValueAsString().substring(0, 10)) : null);
  }

  private static Attachment attachment(DocumentReference doc) {
    String id = doc.getIdentifier().stream().filter(i -> NS_ATTACHMENT.equals(i.getSystem())).map(
        org.hl7.fhir.r4.model.Identifier::getValue).findFirst()
        .orElseThrow(() -> new FhirMappingException("DocumentReference.identifier:attachment", "required"));
    org.hl7.fhir.r4.model.Attachment a = doc.getContentFirstRep().getAttachment();
    Extension big = a.getExtensionByUrl(EXT_SIZE);
    long size = big != null ? parseLong(big.getValue().primitiveValue()) : a.getSize();
    Extension sha = a.getExtensionByUrl(EXT_SHA256);
    return new Attachment(AttachmentId.of(id), a.getTitle(), a.getContentType(), size,
        sha == null ? null : sha.getValue().primitiveValue(),
        a.hasCreation() ? a.getCreation().toInstant() : null);
  }

  private static MdphDecision mdph(Extension e) {
    List<Coding> categories = e.getExtensionsByUrl("category").stream()
        .map(x -> Values.fromFhir((org.hl7.fhir.r4.model.Coding) x.getValue())).toList();
    List<Coding> modalities = e.getExtensionsByUrl("modality").stream()
        .map(x -> Values.fromFhir((org.hl7.fhir.r4.model.Coding) x.getValue())).toList();
    Extension id = e.getExtensionByUrl("idDecision");
    Extension nat = e.getExtensionByUrl("idNatDecision");
    return new MdphDecision(id == null ? null : id.getValue().primitiveValue(),
        nat == null ? null : nat.getValue().primitiveValue(), categories, modalities,
        localDate(e.getExtensionByUrl("validFrom")), localDate(e.getExtensionByUrl("validTo")));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static DossierStatus statusOf(ServiceRequest.ServiceRequestStatus s) {
    return switch (s == null ? ServiceRequest.ServiceRequestStatus.DRAFT : s) {
      case ACTIVE -> DossierStatus.SENT;
      case COMPLETED -> DossierStatus.ADMISSION_CONFIRMED;
      case REVOKED -> DossierStatus.CANCELLED;
      default -> DossierStatus.DRAFT;
    };
  }

  private static <T extends Resource> T resolve(Map<String, Resource> byUrl, Reference ref, Class<T> type,
      String element) {
    Resource r = byUrl.get(ref.getReference());
    if (!type.isInstance(r)) {
      throw new FhirMappingException(element, "must reference a " + type.getSimpleName() + " entry of the Bundle");
    }
    return type.cast(r);
  }

  private static String identifier(ServiceRequest sr, String system) {
    return sr.getIdentifier().stream().filter(i -> system.equals(i.getSystem())).map(
        org.hl7.fhir.r4.model.Identifier::getValue).findFirst().orElse(null);
  }

  private static LocalDate localDate(Extension e) {
    if (e == null) {
      return null;
    }
    if (!(e.getValue() instanceof DateType d)) {
      throw new FhirMappingException("extension:" + e.getUrl(), "must be a date");
    }
    return LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new FhirMappingException("Bundle", "a number was expected");
    }
  }
}
