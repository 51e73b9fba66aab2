package io.vtsdk.client.extension;

import static io.vtsdk.model.workflow.Action.ACCEPT;
import static io.vtsdk.model.workflow.Action.ARCHIVE;
import static io.vtsdk.model.workflow.Action.CANCEL;
import static io.vtsdk.model.workflow.Action.CLOSE;
import static io.vtsdk.model.workflow.Action.CONFIRM_ADMISSION;
import static io.vtsdk.model.workflow.Action.REFUSE;
import static io.vtsdk.model.workflow.RequestStatus.ACCEPTED;
import static io.vtsdk.model.workflow.RequestStatus.ADMISSION_CONFIRMED;
import static io.vtsdk.model.workflow.RequestStatus.ARCHIVED;
import static io.vtsdk.model.workflow.RequestStatus.CANCELLED;
import static io.vtsdk.model.workflow.RequestStatus.CLOSED;
import static io.vtsdk.model.workflow.RequestStatus.REFUSED;
import static io.vtsdk.model.workflow.RequestStatus.SENT;
import static io.vtsdk.model.workflow.Role.RECEIVER;
import static io.vtsdk.model.workflow.Role.REQUESTER;
import static io.vtsdk.model.workflow.Role.SYSTEM;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.module.AbstractModuleDescriptor;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A module that exists only in these test sources (no public text describes it: it is not VT's), registered by
 * {@code src/test/extension/META-INF/services/io.vtsdk.model.module.ModuleDescriptor}, which only the
 * {@code extension-module} test run puts on its class path. Its lifecycle is its own: a unit proposes a teleconsultation
 * slot (its own answer, {@link #SLOT_PROPOSED}, with the slot's time); an accepted request stays open (its own notion of
 * "open") until the requester confirms it, and VT closes it when the slot passes unconfirmed (its own expiry); an
 * unanswered request is archived after a day, whatever the server's delay.
 */
public final class TeleconsultationModule extends AbstractModuleDescriptor {
  public static final VtModule MODULE = VtModule.of("TELECONSULTATION");
  public static final TargetKind SLOT = TargetKind.of("TELECONSULTATION_SLOT", MODULE);
  public static final ResponseKind SLOT_PROPOSED = ResponseKind.of("SLOT_PROPOSED", Action.ACCEPT);
  public static final UnitId UNIT = UnitId.of("TELE-69");
  public static final Duration ANSWER_WITHIN = Duration.ofDays(1);

  public TeleconsultationModule() {
    super(Workflow.builder(MODULE).initial(SENT).senders(REQUESTER)
        .on(Action.READ, Set.of(RECEIVER), RequestStatus.READ, SENT)
        .on(ACCEPT, Set.of(RECEIVER), ACCEPTED, SENT, RequestStatus.READ)
        .on(REFUSE, Set.of(RECEIVER), REFUSED, SENT, RequestStatus.READ)
        .on(CONFIRM_ADMISSION, Set.of(REQUESTER), ADMISSION_CONFIRMED, ACCEPTED)
        .on(CANCEL, Set.of(REQUESTER), CANCELLED, SENT, RequestStatus.READ, ACCEPTED)
        .on(CLOSE, Set.of(SYSTEM), CLOSED, SENT, RequestStatus.READ, ACCEPTED)
        .on(ARCHIVE, Set.of(SYSTEM), ARCHIVED, SENT, RequestStatus.READ)
        .build(), RECEIVER, Set.of(SLOT_PROPOSED, ResponseKind.REFUSED));
  }

  @Override
  public Set<TargetKind> targetKinds() {
    return Set.of(SLOT);
  }

  /** An accepted request stays watched: its slot may pass unconfirmed. */
  @Override
  public boolean isOpen(RequestStatus status) {
    return status == SENT || status == RequestStatus.READ || status == ACCEPTED;
  }

  /** Unanswered: archived a day after it was sent. Accepted: closed by VT when the proposed slot starts. */
  @Override
  public Optional<Expiry> expiry(AdmissionRequest r, Supplier<Dossier> dossier, Duration configured, ZoneId zone) {
    if (r.status() == ACCEPTED) {
      Instant slot = r.responses().isEmpty() ? null : r.responses().get(r.responses().size() - 1).admissionAt();
      return slot == null ? Optional.empty() : Optional.of(new Expiry(slot, CLOSE));
    }
    return Optional.of(Expiry.archive(r.sentAt().plus(ANSWER_WITHIN)));
  }

  @Override
  public List<Violation> checkResponse(Response response, Instant now, Messages messages) {
    List<Violation> out = new ArrayList<>();
    if (response.kind() == SLOT_PROPOSED && (response.admissionAt() == null || !response.admissionAt().isAfter(now))) {
      out.add(new Violation("/admissionAt", "teleconsultation.slot", "le créneau proposé doit être à venir"));
    }
    return out;
  }

  @Override
  public Set<String> answerFields(ResponseKind kind) {
    return kind == SLOT_PROPOSED ? Set.of("admissionAt") : Set.of();
  }

  @Override
  public Optional<String> label(ResponseKind kind, String language) {
    return kind == SLOT_PROPOSED ? Optional.of("en".equals(language) ? "Slot proposed" : "Créneau proposé")
        : Optional.empty();
  }

  @Override
  public void requirements(Dossier d, Requirements c) {
    c.require(d.medical(), "medical");
  }

  @Override
  public Dossier.Builder example(Dossier.Builder b, Examples kit) {
    return b.patient(kit.adult(30 + kit.nextInt(50))).requestType(RequestType.A_DOMICILE).hospitalisationDate(null)
        .plannedDischargeDate(null).orientation(Orientation.of(SLOT)).medical(kit.medical(kit.doctor(), null));
  }

  @Override
  public List<Unit> demoUnits() {
    return List.of(Unit.builder(UNIT, "Téléconsultations du Rhône").departement(Departement.of("69"))
        .modules(Set.of(MODULE)).targetKinds(Set.of(SLOT)).capacity(10).build());
  }
}
