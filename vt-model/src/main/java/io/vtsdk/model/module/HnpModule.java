package io.vtsdk.model.module;

import static io.vtsdk.model.workflow.Action.*;
import static io.vtsdk.model.workflow.RequestStatus.*;
import static io.vtsdk.model.workflow.Role.*;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.patient.Address;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * HNP — Hospitalisations non programmées, the first module added as data. Seed 002 (GRADeS Occitanie, activity report
 * 2023): « ce module permet aux professionnels des urgences, aux beds managers et aux médecins libéraux de formuler des
 * demandes d'admission directes auprès des services de spécialité, évitant aux patients un passage aux urgences »;
 * experimental in Occitanie only (Aude from January 2023, Haute-Garonne, Hérault and Pyrénées-Orientales from the
 * second half of 2023: the area is the HNP rule set's, in vt-rules).
 *
 * <p>No public text gives HNP's workflow or delays. What follows is our reading, each point an <b>assumption</b>
 * (listed in docs/workflows.md):
 *
 * <ul>
 *   <li>the specialty service answers in hours, not days: a request unanswered {@link #ANSWER_WITHIN} after it was sent
 *       is archived by VT, so that the requester turns to another service (or to the emergency room);
 *   <li>it accepts with the admission time ({@link Response#admissionAt()}, from the answer to
 *       {@link #MAX_ADMISSION_DELAY} after it), refuses with a VT refusal motif, or redirects the request to another
 *       service, named in the comment;
 *   <li>the requester confirms the admission (VT closes the other open requests) or cancels.
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class HnpModule extends AbstractModuleDescriptor {
  /** An unanswered HNP request is archived this long after it was sent (assumption). */
  public static final Duration ANSWER_WITHIN = Duration.ofHours(4);
  /** The admission time of an acceptance is at most this long after the answer (assumption). */
  public static final Duration MAX_ADMISSION_DELAY = Duration.ofHours(48);

  public HnpModule() {
    super(Workflow.builder(VtModule.HNP).initial(SENT).senders(REQUESTER)
        .on(Action.READ, Set.of(RECEIVER), RequestStatus.READ, SENT)
        .on(ACCEPT, Set.of(RECEIVER), ACCEPTED, SENT, RequestStatus.READ)
        .on(REFUSE, Set.of(RECEIVER), REFUSED, SENT, RequestStatus.READ)
        .on(ORIENT_ELSEWHERE, Set.of(RECEIVER), ORIENTED_ELSEWHERE, SENT, RequestStatus.READ)
        .on(CONFIRM_ADMISSION, Set.of(REQUESTER), ADMISSION_CONFIRMED, ACCEPTED)
        .on(CANCEL, Set.of(REQUESTER), CANCELLED, SENT, RequestStatus.READ, ACCEPTED)
        .on(CLOSE, Set.of(SYSTEM), CLOSED, SENT, RequestStatus.READ, ACCEPTED)
        .on(ARCHIVE, Set.of(SYSTEM), ARCHIVED, SENT, RequestStatus.READ)
        .build(), RECEIVER, Set.of(ResponseKind.ACCEPTED, ResponseKind.REFUSED, ResponseKind.REDIRECTED));
  }

  /** The request type and the medical section (why the patient needs the service: assumption). */
  @Override
  public void requirements(Dossier d, Requirements c) {
    c.require(d.requestType(), "requestType");
    c.require(d.medical(), "medical");
  }

  @Override
  public List<Violation> checkResponse(Response r, Instant now, Messages m) {
    List<Violation> out = new ArrayList<>();
    if (r.kind() == ResponseKind.ACCEPTED) {
      if (r.admissionAt() == null) {
        out.add(new Violation("/admissionAt", "hnp.admissionAt.required", m.get("hnp.admissionAt.required")));
      } else if (r.admissionAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
        out.add(new Violation("/admissionAt", "hnp.admissionAt.past", m.get("hnp.admissionAt.past")));
      } else if (r.admissionAt().isAfter(now.plus(MAX_ADMISSION_DELAY))) {
        out.add(new Violation("/admissionAt", "hnp.admissionAt.tooLate", m.get("hnp.admissionAt.tooLate")));
      }
    }
    if (r.kind() == ResponseKind.REDIRECTED && (r.comment() == null || r.comment().isBlank())) {
      out.add(new Violation("/comment", "hnp.redirect.comment", m.get("hnp.redirect.comment")));
    }
    return out;
  }

  /** An acceptance carries the admission time (an instant), not a proposed entry date. */
  @Override
  public Set<String> answerFields(ResponseKind kind) {
    return kind == ResponseKind.ACCEPTED ? Set.of("admissionAt") : Set.of();
  }

  /** The shorter of the server's delay and {@link #ANSWER_WITHIN}. */
  @Override
  public Duration archiveAfter(Duration configured) {
    return configured.compareTo(ANSWER_WITHIN) < 0 ? configured : ANSWER_WITHIN;
  }

  /** A GP's request for a patient at home in the Aude, to a specialty service. */
  @Override
  public Dossier.Builder example(Dossier.Builder b, Examples kit) {
    Patient p = kit.adult(40 + kit.nextInt(45));
    return b.patient(p.toBuilder().address(new Address(p.address() == null ? null : p.address().line(), "11000",
            "Carcassonne", Departement.of("11"))).build())
        .requestType(RequestType.A_DOMICILE).hospitalisationDate(null).plannedDischargeDate(null)
        .orientation(Orientation.of(TargetKind.SPECIALTY_SERVICE))
        .medical(kit.medical(kit.doctor(), null));
  }

  /** Two specialty services of the experiment's area (synthetic FINESS with a valid key). */
  @Override
  public List<Unit> demoUnits() {
    return List.of(service("HNP-CARDIO-11", "CH Carcassonne - Cardiologie (admissions directes)", "11", "1100001"),
        service("HNP-MED-34", "CHU Montpellier - Médecine interne (admissions directes)", "34", "3400001"));
  }

  private static Unit service(String id, String name, String dep, String seven) {
    String eight = seven + "0";
    return Unit.builder(UnitId.of(id), name).structure(Finess.parse(eight + io.vtsdk.model.identity.Luhn.key(eight)))
        .departement(Departement.of(dep)).modules(Set.of(VtModule.HNP)).targetKinds(Set.of(TargetKind.SPECIALTY_SERVICE))
        .capacity(4).rorId("ROR-" + id).build();
  }
}
