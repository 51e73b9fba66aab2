package io.vtsdk.core;

import io.vtsdk.core.internal.Messages;
import io.vtsdk.core.spi.RecordedAgreement;
import io.vtsdk.core.spi.ReportedStatus;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.core.spi.StoredRequest;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Transition;
import io.vtsdk.model.workflow.Workflow;
import io.vtsdk.rules.indicators.RequestIndicators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The notifications of MDPH decisions to ESMS and what follows them (the SDO flows, ANS IG {@code ans.fhir.fr.sdo}):
 * decisions notified (flow 1), agreements (flow 2), evaluation documents (flow 3), statuses reported by the ESMS
 * (flow 4) and read back (flow 5), and waiting lists. It serves the modules whose descriptor says
 * {@link ModuleDescriptor#sdoNotifications()} (Handicap). Obtained from {@link VtCore#handicap()}; thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class HandicapService {
  private final CoreContext ctx;

  private final com.fasterxml.jackson.databind.JavaType reportType;
  private final com.fasterxml.jackson.databind.JavaType agreementType;

  HandicapService(CoreContext ctx) {
    this.ctx = ctx;
    this.reportType = ctx.type(StatusReport.class);
    this.agreementType = ctx.type(RecordedAgreement.class);
  }

  /**
   * A request after a status was reported on it, and every status reported on it, oldest first, completed as the
   * SI-SDO does (the versions of its FHIR Task).
   */
  public record StatusReport(AdmissionRequest request, List<ReportedStatus> versions) {
    public StatusReport {
      versions = List.copyOf(versions);
    }
  }

  /** Refuses a principal the policy does not let use the SDO flows. */
  public void requireSdo(Principal p) {
    if (!ctx.policy.canUseSdoFlows(p)) {
      throw VtCoreException.forbidden("the SDO flows are for ESMS (role ESMS), not " + p.role());
    }
  }

  // ---------------------------------------------------------------------------------------------- flow 4: statuses

  /** An ESMS (or, for the statuses it decides, the MDPH) reports a TRE_R357 status on a request (SDO flow 4). */
  public Written<StatusReport> reportStatus(Principal p, RequestId id, EsmsStatus status, WriteOptions o) {
    ctx.requireValid(status, Stage.DRAFT, o.locale());
    return ctx.write(p, "handicap.status", id, o, reportType,
        tx -> apply(tx, p, ctx.visibleRequest(tx, p, id), status, o));
  }

  /** The same, the request found from the decision and the caller's unit (the FHIR Task created, flow 4). */
  public Written<StatusReport> reportStatusForDecision(Principal p, EsmsStatus status, WriteOptions o) {
    requireSdo(p);
    ctx.requireValid(status, Stage.DRAFT, o.locale());
    return ctx.write(p, "handicap.status-for-decision", null, o, reportType, tx -> {
      AdmissionRequest request = latestNotification(tx, p, d -> status.idDecision().equals(
          d.mdphDecision().idDecision()) || status.idNatDecision() != null
          && status.idNatDecision().equals(d.mdphDecision().nationalId()))
          .orElseThrow(() -> VtCoreException.notFound("notification of this decision to your unit", "idDecision"));
      return apply(tx, p, request, status, o);
    });
  }

  /**
   * A later status of a notification (the FHIR Task updated, flow 4): version-aware, in one transaction. The request's
   * statuses the caller sees are its versions (not found when none); {@code expected} (null: none) must name the
   * current one; the status must follow the same decision as the last one.
   */
  public Written<StatusReport> updateStatus(Principal p, RequestId id, EsmsStatus status, ExpectedVersion expected,
      WriteOptions o) {
    requireSdo(p);
    ctx.requireValid(status, Stage.DRAFT, o.locale());
    return ctx.write(p, "handicap.status-update", id, o, reportType, tx -> {
      List<ReportedStatus> versions = history(tx, p, id);
      if (versions.isEmpty()) {
        throw VtCoreException.notFound("Task of request", id.value());
      }
      if (expected != null && !expected.matches(versions.size())) {
        throw expected.stale("Task", versions.size());
      }
      if (!status.idDecision().equals(versions.get(versions.size() - 1).status().idDecision())) {
        throw VtCoreException.invalid("a Task follows one decision: its idDecision cannot change", List.of(
            new Violation("/idDecision", "sdo.task.decisionChanged", Messages.get("sdo.task.decisionChanged",
                o.locale()))));
      }
      return apply(tx, p, ctx.visibleRequest(tx, p, id), status, o); // another ESMS's Task is read-only: 404
    });
  }

  private StatusReport apply(StoreTx tx, Principal p, AdmissionRequest r, EsmsStatus reported, WriteOptions o) {
    ModuleDescriptor module = VtModules.of(r.module());
    if (!module.sdoNotifications()) {
      throw VtCoreException.invalid("ESMS statuses exist for the notifications of MDPH decisions only",
          List.of(new Violation("", "esms.module", "ESMS statuses exist for HANDICAP requests only")));
    }
    if (!ctx.isParty(tx, p, r)) {
      throw VtCoreException.forbidden("your unit is not a party to this request in role " + p.role());
    }
    checkOwner(tx, r, reported, o);
    RequestStatus target = RequestStatus.ofR357(reported.status().code()).orElseThrow(() ->
        VtCoreException.invalid("not an ESMS-level status", List.of(new Violation("/status", "esms.status",
            "not an ESMS-level status (TRE_R357)"))));
    Workflow w = module.workflow();
    // Re-posting the current status updates it (its date, motif or unit-level status: SDO flow 4 sends the whole
    // status each time); it is no transition, and only a role that may reach this status may restate it.
    // The event then carries the action that leads to this status.
    Optional<Action> restatement = target != r.status() ? Optional.empty() : w.transitions().stream()
        .filter(t -> t.to() == target && t.roles().contains(p.role())).map(Transition::action).findFirst();
    boolean restated = restatement.isPresent();
    Action action = restatement.or(() -> w.transitions().stream()
        .filter(t -> t.from() == r.status() && t.to() == target)
        .map(Transition::action).findFirst())
        .orElseThrow(() -> new VtCoreException(VtCoreException.Kind.ILLEGAL_TRANSITION, "illegal-transition",
            r.module() + " request in status " + r.status() + " (" + r.status().r357Code().orElse("?")
                + "): status " + target.r357Code().orElse("?") + " cannot follow it", List.of(),
            Map.of("from", r.status().name(), "to", target.name(), "role", p.role().name())));
    RequestStatus to = restated ? target : CoreContext.transition(w, r.status(), action, p.role());
    Instant now = ctx.clock.instant();
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt() == null ? now : r.readAt(),
        r.answeredAt() == null && action != Action.READ ? now : r.answeredAt(),
        w.isTerminal(to) && !restated ? now : r.closedAt(), r.responses(), r.version() + 1);
    tx.putRequest(updated);
    ctx.sweeper.noteDue(tx, updated);
    tx.addStatus(r.id(), reported, now);
    ctx.emit(tx, "request.status", tx.dossier(r.dossierId()).orElseThrow(), updated, action, p.role(), to);
    return new StatusReport(updated, tx.statusesOf(r.id()).stream().map(s -> complete(tx, s)).toList());
  }

  /** The status must be about this notification of the reporting structure: its ESMS, unit and decision. */
  private static void checkOwner(StoreTx tx, AdmissionRequest r, EsmsStatus reported, WriteOptions o) {
    Dossier d = tx.dossier(r.dossierId()).orElseThrow().dossier();
    Unit unit = tx.unit(r.unit()).orElse(null);
    List<Violation> owner = new ArrayList<>();
    if (unit != null && unit.structure() != null && !reported.idNatStruct().equals("1" + unit.structure().value())) {
      owner.add(new Violation("/idNatStruct", "esms.structure", Messages.get("esms.structure", o.locale())));
    }
    if (unit != null && reported.rorUnitId() != null && unit.rorId() != null
        && !reported.rorUnitId().equals(unit.rorId())) {
      owner.add(new Violation("/rorUnitId", "esms.unit", Messages.get("esms.unit", o.locale())));
    }
    if (d.mdphDecision() == null || !reported.idDecision().equals(d.mdphDecision().idDecision())) {
      owner.add(new Violation("/idDecision", "esms.decision", Messages.get("esms.decision", o.locale())));
    } else if (reported.idNatDecision() != null && !reported.idNatDecision().equals(d.mdphDecision().nationalId())) {
      owner.add(new Violation("/idNatDecision", "esms.decision", Messages.get("esms.decision", o.locale())));
    }
    if (!owner.isEmpty()) {
      throw new VtCoreException(VtCoreException.Kind.FORBIDDEN, "forbidden",
          "the status is not about this notification of your structure ("
              + owner.stream().map(Violation::path).collect(Collectors.joining(", ")) + ")", owner, Map.of());
    }
  }

  // ---------------------------------------------------------------------------------------------- flow 5: reading

  /** The statuses reported on a request the caller sees, oldest first (as reported). */
  public List<EsmsStatus> statuses(Principal p, RequestId id) {
    return ctx.read(tx -> tx.statusesOf(ctx.visibleRequest(tx, p, id).id()).stream().map(ReportedStatus::status)
        .toList());
  }

  /**
   * The versions of a request's Task as the caller sees them in flow 5 (every status reported on it, completed,
   * oldest first); empty when the caller does not see it.
   */
  public List<ReportedStatus> history(Principal p, RequestId id) {
    requireSdo(p);
    return ctx.read(tx -> history(tx, p, id));
  }

  private List<ReportedStatus> history(StoreTx tx, Principal p, RequestId id) {
    AdmissionRequest r = tx.request(id).map(StoredRequest::request).orElse(null);
    if (r == null || !notifiedDossiers(tx, p).contains(r.dossierId())) {
      return List.of();
    }
    return tx.statusesOf(id).stream().map(s -> complete(tx, s)).toList();
  }

  /**
   * SDO flow 5: the statuses of the people this ESMS was notified about, wherever they were reported, after
   * {@code after} (null: all), completed as the SI-SDO does (ESMS name, national decision id).
   */
  public List<ReportedStatus> statusFeed(Principal p, Instant after) {
    requireSdo(p);
    return ctx.read(tx -> {
      Set<DossierId> mine = notifiedDossiers(tx, p);
      List<ReportedStatus> out = new ArrayList<>();
      for (ReportedStatus s : tx.statuses()) {
        AdmissionRequest r = tx.request(s.request()).map(StoredRequest::request).orElse(null);
        if (r != null && mine.contains(r.dossierId()) && (after == null || s.at().isAfter(after))) {
          out.add(complete(tx, s));
        }
      }
      return out;
    });
  }

  /** The notifications (requests of an SDO module) sent to {@code p}'s unit whose receiver it is. */
  private List<AdmissionRequest> notificationsTo(StoreTx tx, Principal p) {
    List<AdmissionRequest> out = new ArrayList<>();
    for (StoredRequest s : tx.requestsOfUnit(p.unit(), true, 0, Integer.MAX_VALUE)) {
      AdmissionRequest r = s.request();
      if (VtModules.of(r.module()).sdoNotifications() && ctx.policy.isReceiverOf(p, r)) {
        out.add(r);
      }
    }
    return out;
  }

  private Set<DossierId> notifiedDossiers(StoreTx tx, Principal p) {
    Set<DossierId> mine = new HashSet<>();
    notificationsTo(tx, p).forEach(r -> mine.add(r.dossierId()));
    return mine;
  }

  private Optional<AdmissionRequest> latestNotification(StoreTx tx, Principal p, Predicate<Dossier> decision) {
    AdmissionRequest found = null;
    for (AdmissionRequest r : notificationsTo(tx, p)) {
      Dossier d = tx.dossier(r.dossierId()).map(StoredDossier::dossier).orElse(null);
      if (d != null && d.mdphDecision() != null && decision.test(d)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** A status reported through /v1 may lack what sdo-task requires: VT completes the ESMS name and decision id. */
  private static ReportedStatus complete(StoreTx tx, ReportedStatus s) {
    EsmsStatus status = s.status();
    if (status.esmsName() != null && status.idNatDecision() != null) {
      return s;
    }
    AdmissionRequest r = tx.request(s.request()).map(StoredRequest::request).orElse(null);
    Unit unit = r == null ? null : tx.unit(r.unit()).orElse(null);
    Dossier d = r == null ? null : tx.dossier(r.dossierId()).map(StoredDossier::dossier).orElse(null);
    String name = status.esmsName() != null ? status.esmsName() : unit != null ? unit.name() : status.idNatStruct();
    String nat = status.idNatDecision() != null ? status.idNatDecision()
        : d != null && d.mdphDecision() != null ? d.mdphDecision().nationalId() : "SDO-" + status.idDecision();
    return new ReportedStatus(s.id(), s.request(), new EsmsStatus(status.idNatStruct(), name, status.status(),
        status.motif(), status.statusDate(), status.rorUnitId(), status.unitStatus(), status.unitMotif(),
        status.unitStatusDate(), status.idDecision(), nat, status.unitName(), status.unitCategory(),
        status.reception(), status.sequentialReception(), status.careMode(), status.rightType()), s.at());
  }

  // ---------------------------------------------------------------------------------------------- flows 1 to 3

  /** SDO flow 2: the ESMS records the person's agreement for a decision it was notified of. */
  public Written<RecordedAgreement> recordAgreement(Principal p, String idNatStruct, LocalDate date,
      String idNatDecision, WriteOptions o) {
    requireSdo(p);
    return ctx.write(p, "handicap.agreement", null, o, agreementType, tx -> {
      Unit own = tx.unit(p.unit()).orElse(null);
      if (own != null && own.structure() != null && !("1" + own.structure().value()).equals(idNatStruct)) {
        throw new VtCoreException(VtCoreException.Kind.FORBIDDEN, "forbidden", "the structure is not yours",
            List.of(new Violation("/idNatStruct", "esms.structure", Messages.get("esms.structure", o.locale()))),
            Map.of());
      }
      AdmissionRequest r = latestNotification(tx, p, d -> idNatDecision.equals(d.mdphDecision().nationalId()))
          .orElseThrow(() -> VtCoreException.notFound("notification of this decision to your unit",
              "idNat_Decision"));
      return tx.addAgreement(r.id(), idNatStruct, date, idNatDecision, ctx.clock.instant());
    });
  }

  /** A readable evaluation document: an attachment of the dossier and its content. */
  public record Document(Attachment attachment, byte[] content) {
    public Document {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /**
   * A decision notified to the caller's unit (SDO flow 1) and what it may read of it (flow 3): the evaluation documents
   * (attachments, with their contents) once it recorded the person's agreement.
   */
  public record Notification(Dossier dossier, String nationalDecisionId, Instant notifiedAt,
      List<Document> documents) {
    public Notification {
      documents = List.copyOf(documents);
    }
  }

  /** The decisions notified to the caller's unit, one per dossier, with the documents it may read. */
  public List<Notification> notifications(Principal p) {
    requireSdo(p);
    return ctx.read(tx -> {
      List<Notification> out = new ArrayList<>();
      Set<DossierId> seen = new HashSet<>();
      List<RecordedAgreement> agreements = tx.agreements();
      for (AdmissionRequest r : notificationsTo(tx, p)) {
        StoredDossier d = tx.dossier(r.dossierId()).orElse(null);
        if (d == null || d.dossier().mdphDecision() == null || !seen.add(d.dossier().id())) {
          continue;
        }
        List<AdmissionRequest> requests = tx.requestsOf(d.dossier().id());
        if (!ctx.policy.canReadDossier(p, d, requests)) {
          continue;
        }
        List<Document> documents = new ArrayList<>();
        if (ctx.policy.canReadAttachment(p, d, requests, agreements)) {
          for (Attachment a : d.dossier().attachments()) {
            if (tx.attachmentOwner(a.id()).map(owner -> owner.equals(d.dossier().id())).orElse(false)) {
              documents.add(new Document(a, content(tx, a)));
            }
          }
        }
        out.add(new Notification(d.dossier(), d.dossier().mdphDecision().nationalId(),
            r.sentAt() != null ? r.sentAt() : ctx.clock.instant(), documents));
      }
      return out;
    });
  }

  private static byte[] content(StoreTx tx, Attachment a) {
    try (InputStream in = tx.openAttachment(a.id()).orElseThrow()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------- waiting lists

  /** A unit's waiting list (ESMS view): its requests in a waiting-list status. Only the unit itself. */
  public List<AdmissionRequest> waitingList(Principal p, UnitId unit) {
    UnitId u = unit == null ? p.unit() : unit;
    if (!ctx.policy.canReadWaitingList(p, u)) {
      throw VtCoreException.forbidden("a waiting list is visible to its own receiving unit only");
    }
    return ctx.read(tx -> tx.requestsOfUnit(u, true, 0, Integer.MAX_VALUE).stream().map(StoredRequest::request)
        .filter(r -> ctx.policy.isReceiverOf(p, r) || p.role() == Role.RECEIVER && r.unit().equals(p.unit()))
        .filter(r -> RequestIndicators.WAITING.contains(r.status())).toList());
  }

  // ---------------------------------------------------------------------------------------------- the DUA

  /**
   * The accompagnant médico-social PH's dashboard: every current (open) request of the dossiers that name the
   * caller's account ({@link AccessPolicy#isAccompagnantOf}), oldest first (seed 002: « une vue centralisée de toutes les demandes en cours pour les personnes
   * accompagnées »). Read only. Assumption: "current" is what the module's workflow calls open; the dashboard scans
   * the open requests (a directory of accompaniments would index it at real size).
   */
  public List<AdmissionRequest> accompaniedRequests(Principal p) {
    if (!ctx.policy.canReadAccompaniedRequests(p)) {
      throw VtCoreException.forbidden("the dashboard is an accompagnant's (role ACCOMPAGNANT), not " + p.role());
    }
    return ctx.read(tx -> tx.openRequests().stream()
        .filter(r -> tx.dossier(r.dossierId()).map(d -> ctx.policy.isAccompagnantOf(p, d)).orElse(false))
        .toList());
  }
}
