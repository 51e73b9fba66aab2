package io.vtsdk.model.dossier;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.audit.AuditEvent;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.validation.CompleteDossier;
import io.vtsdk.model.validation.SubmissionGroup;
import io.vtsdk.model.validation.ValidDossier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The standardized, unique, shared admission dossier ("dossier d'orientation / demande d'admission").
 *
 * <p>One dossier per person and orientation; it is sent as one {@link io.vtsdk.model.request.AdmissionRequest} per
 * receiving unit. Build with {@link #builder(DossierId, VtModule)}; change with {@link #toBuilder()}. Validate with
 * {@link io.vtsdk.model.validation.DossierValidator} at {@code DRAFT} (what is present is well-formed) or
 * {@code SUBMISSION} (what the receiving unit needs for this module).
 *
 * <p>{@link #toString()} prints ids, module and status only.
 *
 * @param number the human-readable number shown in VT
 * @param mdphDecision for HANDICAP: the MDPH orientation decision the dossier follows
 * @param accompagnants for HANDICAP: the accounts of the accompagnants médico-sociaux PH the person or its aidant
 *     named; they follow the dossier's requests on their dashboard (seed 002: « un espace dédié à l'accompagnant
 *     professionnel lui permet via un tableau de bord, d'avoir une vue centralisée de toutes les demandes en cours
 *     pour les personnes accompagnées »; assumption: how the person names them is not public)
 * @param version optimistic-concurrency version, incremented by each accepted update
 * @param history audit trail of the dossier's actions ("Historique des actions"), oldest first
 */
@API(status = API.Status.STABLE, since = "0.1")
@ValidDossier
@CompleteDossier(groups = SubmissionGroup.class)
public record Dossier(
    DossierId id,
    @Size(max = 32, message = "{vt.size.max}") String number,
    VtModule module,
    @NotNull(groups = SubmissionGroup.class, message = "{vt.required}") @Valid Patient patient,
    @NotNull(groups = SubmissionGroup.class, message = "{vt.required}") @Valid Requester requester,
    RequestType requestType,
    LocalDate hospitalisationDate,
    LocalDate plannedDischargeDate,
    LocalDate desiredEntryDate,
    @NotNull(groups = SubmissionGroup.class, message = "{vt.required}") @Valid Orientation orientation,
    @Valid MedicalSection medical,
    @Valid CareSection care,
    @Valid AdminSocialSection adminSocial,
    @Valid RequestingServiceSection requestingService,
    List<@Valid Attachment> attachments,
    @Valid Consent consent,
    @Valid MdphDecision mdphDecision,
    @Size(max = 10, message = "{vt.size.max}") List<@Size(max = 100, message = "{vt.size.max}") String> accompagnants,
    DossierStatus status,
    @PositiveOrZero(message = "{vt.positive}") long version,
    Instant createdAt,
    Instant updatedAt,
    List<AuditEvent> history) {

  public Dossier {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(module, "module");
    if (orientation != null && orientation.module() != module) {
      throw new IllegalArgumentException(
          "Dossier " + id + " is a " + module + " dossier but its orientation is " + orientation.module());
    }
    status = status == null ? DossierStatus.DRAFT : status;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    accompagnants = accompagnants == null ? List.of() : List.copyOf(accompagnants);
    history = history == null ? List.of() : List.copyOf(history);
  }

  public static Builder builder(DossierId id, VtModule module) {
    return new Builder(id, module);
  }

  /** This dossier under another id (a server gives the ids of the dossiers it stores). */
  public Dossier withId(DossierId newId) {
    return new Dossier(newId, number, module, patient, requester, requestType, hospitalisationDate,
        plannedDischargeDate, desiredEntryDate, orientation, medical, care, adminSocial, requestingService, attachments,
        consent, mdphDecision, accompagnants, status, version, createdAt, updatedAt, history);
  }

  public Builder toBuilder() {
    Builder b = new Builder(id, module);
    b.number = number;
    b.patient = patient;
    b.requester = requester;
    b.requestType = requestType;
    b.hospitalisationDate = hospitalisationDate;
    b.plannedDischargeDate = plannedDischargeDate;
    b.desiredEntryDate = desiredEntryDate;
    b.orientation = orientation;
    b.medical = medical;
    b.care = care;
    b.adminSocial = adminSocial;
    b.requestingService = requestingService;
    b.attachments = attachments;
    b.consent = consent;
    b.mdphDecision = mdphDecision;
    b.accompagnants = accompagnants;
    b.status = status;
    b.version = version;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    b.history = history;
    return b;
  }

  @Override
  public String toString() {
    return "Dossier[id=" + id + ", module=" + module + ", status=" + status + ", version=" + version + "]";
  }

  /** Builder for {@link Dossier}. */
  public static final class Builder {
    private final DossierId id;
    private final VtModule module;
    private String number;
    private Patient patient;
    private Requester requester;
    private RequestType requestType;
    private LocalDate hospitalisationDate;
    private LocalDate plannedDischargeDate;
    private LocalDate desiredEntryDate;
    private Orientation orientation;
    private MedicalSection medical;
    private CareSection care;
    private AdminSocialSection adminSocial;
    private RequestingServiceSection requestingService;
    private List<Attachment> attachments;
    private Consent consent;
    private MdphDecision mdphDecision;
    private List<String> accompagnants;
    private DossierStatus status;
    private long version;
    private Instant createdAt;
    private Instant updatedAt;
    private List<AuditEvent> history;

    Builder(DossierId id, VtModule module) {
      this.id = id;
      this.module = module;
    }

    public Builder number(String v) { this.number = v; return this; }
    public Builder patient(Patient v) { this.patient = v; return this; }
    public Builder requester(Requester v) { this.requester = v; return this; }
    public Builder requestType(RequestType v) { this.requestType = v; return this; }
    public Builder hospitalisationDate(LocalDate v) { this.hospitalisationDate = v; return this; }
    public Builder plannedDischargeDate(LocalDate v) { this.plannedDischargeDate = v; return this; }
    public Builder desiredEntryDate(LocalDate v) { this.desiredEntryDate = v; return this; }
    public Builder orientation(Orientation v) { this.orientation = v; return this; }
    public Builder medical(MedicalSection v) { this.medical = v; return this; }
    public Builder care(CareSection v) { this.care = v; return this; }
    public Builder adminSocial(AdminSocialSection v) { this.adminSocial = v; return this; }
    public Builder requestingService(RequestingServiceSection v) { this.requestingService = v; return this; }
    public Builder attachments(List<Attachment> v) { this.attachments = v; return this; }
    public Builder consent(Consent v) { this.consent = v; return this; }
    public Builder mdphDecision(MdphDecision v) { this.mdphDecision = v; return this; }
    /** HANDICAP: the accounts of the accompagnants médico-sociaux PH who follow the person's requests. */
    public Builder accompagnants(List<String> v) { this.accompagnants = v; return this; }
    public Builder status(DossierStatus v) { this.status = v; return this; }
    public Builder version(long v) { this.version = v; return this; }
    public Builder createdAt(Instant v) { this.createdAt = v; return this; }
    public Builder updatedAt(Instant v) { this.updatedAt = v; return this; }
    public Builder history(List<AuditEvent> v) { this.history = v; return this; }

    public Dossier build() {
      return new Dossier(id, number, module, patient, requester, requestType, hospitalisationDate,
          plannedDischargeDate, desiredEntryDate, orientation, medical, care, adminSocial, requestingService,
          attachments, consent, mdphDecision, accompagnants, status, version, createdAt, updatedAt, history);
    }
  }
}
