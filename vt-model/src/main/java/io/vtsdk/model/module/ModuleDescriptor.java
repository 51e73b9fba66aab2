package io.vtsdk.model.module;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.AdminSocialSection;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What one VT module is, as data: its workflow, the answers its receivers give, what a dossier needs at submission,
 * the role its receiving units act in, the routing constraints a receiving unit must meet, its archiving delay, and
 * an example dossier and directory units for fixtures and demo data. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.vtsdk.model.module.ModuleDescriptor}); {@link VtModules} holds them.
 *
 * <p>Adding a module is one class implementing this interface and one line in the services file: its names are values
 * of the open vocabularies ({@link VtModule#of}, {@link TargetKind#of}, {@link ResponseKind#of} when no VT answer fits),
 * its lifecycle is the hooks below (workflow, what "open" means, expiry, what VT reports at expiry, SDO or not, what an
 * answer form offers), and its rule sets a {@link ModulePart} of vt-rules. Everything VT does with a request of the
 * module (the core, the stores, the validator, the reference server and its console, the fixtures) asks the
 * descriptor; none of them names a module.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface ModuleDescriptor {

  VtModule module();

  /** The module's workflow (statuses, transitions, who may perform each), built once ({@link Workflow#builder}). */
  Workflow workflow();

  /** The role the receiving units of this module act in (CPAM for Prado, ESMS for Handicap…). */
  Role receiverRole();

  /** The answers a receiver of this module can give ({@link ResponseKind#modules()} is read from here). */
  Set<ResponseKind> responseKinds();

  /**
   * The kinds of structure this module orients to (what {@link io.vtsdk.model.dossier.TargetKind#valueOf} accepts for
   * it). Default: VT's kinds of this module; an extension module returns its own.
   *
   * @since 0.3
   */
  default Set<TargetKind> targetKinds() {
    Set<TargetKind> out = new java.util.TreeSet<>();
    for (TargetKind k : TargetKind.standardValues()) {
      if (k.module().equals(module())) {
        out.add(k);
      }
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /**
   * The members of an answer of {@code kind} a receiver of this module fills besides its motif and comment (what a form
   * offers: the console asks here): {@code proposedEntryDate} (a date), {@code admissionAt} (an instant). Default: the
   * proposed entry date of an acceptance.
   *
   * @since 0.3
   */
  default Set<String> answerFields(ResponseKind kind) {
    return kind.action() == Action.ACCEPT ? Set.of("proposedEntryDate") : Set.of();
  }

  /**
   * How a person reads {@code kind} in {@code language} ({@code fr} or {@code en}); empty for VT's own answers, which
   * the console labels itself. An extension module labels its own answers.
   *
   * @since 0.3
   */
  default Optional<String> label(ResponseKind kind, String language) {
    return Optional.empty();
  }

  /**
   * What a dossier of this module must hold at SUBMISSION, beyond the common elements (each missing one reported at
   * its path through {@code check}).
   */
  void requirements(Dossier dossier, Requirements check);

  /**
   * The module's own routing constraints for sending {@code dossier} from {@code requesting} to {@code target} on
   * {@code date}, beyond the common ones (the unit receives the module and the target kind). Each broken one is a
   * violation at {@code pointer} (the unit's place in the send request).
   */
  List<Violation> routing(Dossier dossier, Unit requesting, Unit target, LocalDate date, String pointer,
      Messages messages);

  /**
   * The module's own checks of an answer given at {@code now}, beyond the common ones of {@link Response} (motif list,
   * comment length). Each broken one is a violation at its JSON pointer in the answer.
   */
  default List<Violation> checkResponse(Response response, Instant now, Messages messages) {
    return List.of();
  }

  /** After how long VT archives an unanswered request of this module; {@code configured} is the server's delay. */
  default Duration archiveAfter(Duration configured) {
    return configured;
  }

  // ---------------------------------------------------------------------------------------------- lifecycle hooks

  /**
   * Whether VT's sweep must look at a request of this module in {@code status}: what "open" means for the module.
   * Stores index requests by it ({@code StoreTx.isOpen}). Default: SENT or READ (an unanswered request VT may
   * archive).
   */
  default boolean isOpen(RequestStatus status) {
    return status == RequestStatus.SENT || status == RequestStatus.READ;
  }

  /**
   * When and how VT ends an open request of this module by itself (empty: never). The default archives it
   * {@link #archiveAfter} the configured delay after it was sent (VT archives unanswered requests automatically since
   * 2023, seed 002); the sweep applies the action only when the workflow allows it to {@link Role#SYSTEM} from the
   * request's status.
   *
   * @param request an open request of this module
   * @param dossier its dossier, read only when called (most modules do not need it)
   * @param configured the server's archiving delay
   * @param zone the zone of VT's days (a date of validity ends at midnight there)
   */
  default Optional<Expiry> expiry(AdmissionRequest request, Supplier<Dossier> dossier, Duration configured,
      ZoneId zone) {
    return request.sentAt() == null ? Optional.empty()
        : Optional.of(Expiry.archive(request.sentAt().plus(archiveAfter(configured))));
  }

  /**
   * The statuses VT reports by itself on a request it ended by {@link #expiry} (none by default): for Handicap, the
   * SI-SDO's « notification annulée » so that SDO flow 5 carries it.
   *
   * @param unit the request's receiving unit (null when the directory no longer has it)
   * @param day the day VT ended it
   */
  default List<EsmsStatus> expiryReports(AdmissionRequest request, Dossier dossier, Unit unit, LocalDate day) {
    return List.of();
  }

  /**
   * Whether this module's dossiers carry the INS (Identité Nationale de Santé, obtained through the INSi
   * téléservice). True by default; Handicap does not (seed 002: « Mise en place de l'INS avec appel au téléservice
   * (sauf module Handicap) »), so the validator refuses an INS, and the statuses only INSi gives, in its dossiers.
   *
   * @since 0.3
   */
  default boolean usesIns() {
    return true;
  }

  /**
   * Whether this module's requests are notifications of an MDPH decision to ESMS, followed through the SDO flows
   * (ANS, SDO IG): the ESMS reports TRE_R357 statuses (flow 4), records the person's agreement (flow 2) and reads the
   * evaluation documents only once it did (flow 3). False by default.
   */
  default boolean sdoNotifications() {
    return false;
  }

  /**
   * Whether a dossier of this module may name accompagnants médico-sociaux who follow its requests (role
   * ACCOMPAGNANT, {@code Dossier.accompagnants}; seed 002: the accompagnants médico-sociaux PH). False by default.
   */
  default boolean followedByAccompagnants() {
    return false;
  }

  /**
   * When VT ends an open request by itself, and with which {@link Role#SYSTEM} action ({@link Action#ARCHIVE}: the
   * change feed says {@code request.archive}; any other: {@code request.expire}).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  record Expiry(Instant at, Action action) {
    public Expiry {
      java.util.Objects.requireNonNull(at, "at");
      java.util.Objects.requireNonNull(action, "action");
    }

    /** Archived by VT at {@code at}. */
    public static Expiry archive(Instant at) {
      return new Expiry(at, Action.ARCHIVE);
    }
  }

  /**
   * Completes {@code base} (an id, a requester and a requesting service, created now, in hospital) into a dossier of
   * this module valid at SUBMISSION, with the parts {@code kit} makes; used by the testkit's fixtures and demo data.
   */
  Dossier.Builder example(Dossier.Builder base, Examples kit);

  /** The directory units of this module in the reference server's demo data (none by default). */
  default List<Unit> demoUnits() {
    return List.of();
  }

  /** Localised messages of the routing and answer codes. */
  interface Messages {
    String get(String code);
  }

  /** Reports what a dossier lacks, at a dotted path from the dossier ({@code patient.treatingDoctor}). */
  interface Requirements {
    /** Reports {@code path} with code {@code required} when {@code value} is null. */
    default void require(Object value, String path) {
      require(value, path, "{vt.required}");
    }

    /** Reports {@code path} with the message {@code template} (a {@code {vt.…}} key) when {@code value} is null. */
    void require(Object value, String path, String template);

    /** Reports {@code path} with the message {@code template}, unconditionally. */
    void refuse(String template, String path);
  }

  /** Synthetic parts of a dossier (no real person), deterministic for a seed. */
  interface Examples {
    LocalDate today();

    /** A number in [0, bound). */
    int nextInt(int bound);

    /** An adult patient of {@code age}, living in the Rhône, with a treating doctor. */
    Patient adult(int age);

    /** A child patient of {@code age}. */
    Patient child(int age);

    /** A doctor (RPPS) of the requesting unit. */
    Professional doctor();

    /** A nurse (RPPS) of the requesting unit. */
    Professional nurse();

    /** Section metadata: validated by {@code author} an hour ago. */
    SectionInfo validated(Professional author);

    /** A medical section validated by {@code doctor}, with a GIR or none. */
    MedicalSection medical(Professional doctor, Integer gir);

    /** An administrative and social section (living alone) validated by {@code author}. */
    AdminSocialSection adminSocial(Professional author);
  }
}
