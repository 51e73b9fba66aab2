package io.vtsdk.model.module;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.AdminSocialSection;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What one VT module is, as data: its workflow, the answers its receivers give, what a dossier needs at submission,
 * the role its receiving units act in, the routing constraints a receiving unit must meet, its archiving delay, and
 * an example dossier and directory units for fixtures and demo data. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.vtsdk.model.module.ModuleDescriptor}); {@link VtModules} holds them.
 *
 * <p>Adding a module is its names in the vocabulary ({@link VtModule}, its {@link io.vtsdk.model.dossier.TargetKind}s,
 * and a {@link ResponseKind} only if no existing answer fits), one class implementing this interface, one line in the
 * services file, and its rule sets in vt-rules. Everything VT does with a request of the module (the core, the
 * validator, the reference server, the fixtures) asks the descriptor.
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
