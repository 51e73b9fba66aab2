package io.vtsdk.core;

import io.vtsdk.api.Page;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.core.internal.Messages;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.core.spi.StoredRequest;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Admission requests: preflight and send (one request per receiving unit), read them, and move them through their
 * module's workflow (read, answer, cancel, confirm the admission: VT closes the others). Obtained from
 * {@link VtCore#requests()}; thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class RequestService {
  private final CoreContext ctx;

  private final com.fasterxml.jackson.databind.JavaType requestType;
  private final com.fasterxml.jackson.databind.JavaType requestsType;

  RequestService(CoreContext ctx) {
    this.ctx = ctx;
    this.requestType = ctx.type(AdmissionRequest.class);
    this.requestsType = ctx.listOf(AdmissionRequest.class);
  }

  // ---------------------------------------------------------------------------------------------- send

  /**
   * Would VT send the dossier to these units? Validation at SUBMISSION, routing constraints, eligibility for each
   * unit — the checks {@link #send} makes, without sending.
   */
  public PreflightReport preflight(Principal p, DossierId id, List<UnitId> units, Locale locale) {
    return ctx.read(tx -> preflight(tx, ctx.readableDossier(tx, p, id), units, locale));
  }

  PreflightReport preflight(StoreTx tx, StoredDossier sd, List<UnitId> units, Locale locale) {
    Dossier d = sd.dossier();
    ValidationReport validation = ctx.validator.validate(d, Stage.SUBMISSION, locale);
    Unit requesting = d.requester() == null ? null : tx.unit(d.requester().unit()).orElse(null);
    Set<String> cpams = CoreContext.cpams(tx);
    LocalDate today = LocalDate.now(ctx.clock);
    Workflow w = VtModules.of(d.module()).workflow();
    List<AdmissionRequest> existing = tx.requestsOf(d.id());
    List<PreflightReport.UnitCheck> checks = new ArrayList<>();
    Set<UnitId> seen = new HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      UnitId uid = units.get(i);
      String at = "/units/" + i;
      Optional<Unit> unit = tx.unit(uid);
      if (unit.isEmpty()) {
        checks.add(PreflightReport.UnitCheck.of(uid, List.of(new Violation(at, "routing.unit.unknown",
            Messages.get("routing.unit.unknown", locale))), null));
        continue;
      }
      PreflightReport.UnitCheck c = ctx.preflight.checkUnit(d, requesting, unit.get(), at, cpams, today, locale);
      List<Violation> extra = new ArrayList<>(c.violations());
      if (!seen.add(uid)) {
        extra.add(new Violation(at, "routing.unit.duplicate", Messages.get("routing.unit.duplicate", locale)));
      }
      if (existing.stream().anyMatch(r -> r.unit().equals(uid) && !w.isTerminal(r.status()))) {
        extra.add(new Violation(at, "routing.unit.already", Messages.get("routing.unit.already", locale)));
      }
      checks.add(PreflightReport.UnitCheck.of(uid, extra, c.eligibility()));
    }
    return PreflightReport.of(validation.violations(), checks);
  }

  /**
   * Sends the dossier to each unit: one request per unit, the dossier SENT. Refused as a whole, with every violation,
   * unless {@link #preflight} accepts it.
   */
  public Written<List<AdmissionRequest>> send(Principal p, DossierId id, List<UnitId> units, WriteOptions o) {
    if (units == null || units.isEmpty()) {
      throw VtCoreException.invalid("give the receiving units",
          List.of(new Violation("/units", "required", "give the receiving units")));
    }
    return ctx.write(p, "requests.send", id, o, requestsType, tx -> {
      StoredDossier sd = ctx.readableDossier(tx, p, id);
      if (!ctx.policy.canEditDossier(p, sd)) {
        throw VtCoreException.forbidden("only the requesting unit may send its dossier");
      }
      RequestStatus initial = CoreContext.start(VtModules.of(sd.dossier().module()).workflow(), p.role());
      PreflightReport report = preflight(tx, sd, units, o.locale());
      if (!report.accepted()) {
        boolean already = report.violations().stream().anyMatch(v -> v.code().equals("routing.unit.already"));
        boolean ineligible = report.violations().stream().anyMatch(v -> v.code().startsWith("eligibility."));
        String code = already ? "conflict" : ineligible ? "ineligible" : "validation-failed";
        throw new VtCoreException(already ? VtCoreException.Kind.CONFLICT : VtCoreException.Kind.INVALID, code,
            ineligible ? "VT would not send this dossier: eligibility rules are not met ("
                + report.violations().stream().map(Violation::code).filter(c -> c.startsWith("eligibility."))
                    .map(c -> c.substring("eligibility.".length())).distinct().collect(Collectors.joining(", "))
                + ")" : "VT would not send this dossier", report.violations(), Map.of());
      }
      List<Unit> targets = units.stream().map(u -> tx.unit(u).orElseThrow()).toList();
      return createRequests(tx, sd, targets, initial, p.role());
    });
  }

  List<AdmissionRequest> createRequests(StoreTx tx, StoredDossier sd, List<Unit> targets, RequestStatus initial,
      Role role) {
    Dossier d = sd.dossier();
    Instant now = ctx.clock.instant();
    List<AdmissionRequest> created = new ArrayList<>();
    Dossier sent = d.toBuilder().status(DossierStatus.SENT).version(d.version() + 1).updatedAt(now).build();
    tx.putDossier(sent, sd.createdBy());
    for (Unit unit : targets) {
      AdmissionRequest r = new AdmissionRequest(RequestId.of(tx.newId("R")), d.id(), d.module(), unit.id(),
          initial, now, null, null, null, List.of(), 1);
      tx.putRequest(r);
      created.add(r);
      ctx.sweeper.noteDue(tx, r);
    }
    StoredDossier stored = tx.dossier(d.id()).orElseThrow();
    for (AdmissionRequest r : created) {
      ctx.emit(tx, "request.sent", stored, r, Action.SEND, role, r.status());
    }
    return created;
  }

  // ---------------------------------------------------------------------------------------------- reads

  /** A request the policy lets {@code p} see. */
  public AdmissionRequest get(Principal p, RequestId id) {
    return ctx.read(tx -> ctx.visibleRequest(tx, p, id));
  }

  /** The requests the caller sees: sent to its unit (receiving roles) or by it (requesting side). */
  public Page<AdmissionRequest> list(Principal p, DossierId dossier, RequestStatus status, String cursor, int limit) {
    long after = ctx.cursors.decode(cursor, "cursor");
    boolean receiver = AccessPolicy.isReceivingRole(p.role());
    return ctx.read(tx -> {
      List<AdmissionRequest> out = new ArrayList<>();
      long position = after;
      while (true) {
        List<StoredRequest> batch = tx.requestsOfUnit(p.unit(), receiver, position, CoreContext.SCAN_BATCH);
        for (StoredRequest s : batch) {
          AdmissionRequest r = s.request();
          if ((dossier == null || r.dossierId().equals(dossier)) && (status == null || r.status() == status)
              && ctx.policy.canSeeRequest(p, r, tx.dossier(r.dossierId()).orElse(null))) {
            if (out.size() == limit) {
              return new Page<>(out, ctx.cursors.encode(position));
            }
            out.add(r);
          }
          position = s.seq();
        }
        if (batch.size() < CoreContext.SCAN_BATCH) {
          return new Page<>(out, null);
        }
      }
    });
  }

  /**
   * Every open request (its module's {@code isOpen}), oldest first: what the server itself looks at to act for the
   * units it plays (the reference server's counterparts). Only VT's own principal ({@link
   * AccessPolicy#canScanOpenRequests}); what it then does on a request it does as the receiving unit's principal.
   */
  public List<AdmissionRequest> open(Principal p) {
    if (!ctx.policy.canScanOpenRequests(p)) {
      throw VtCoreException.forbidden("only VT itself lists every open request");
    }
    return ctx.read(tx -> tx.openRequests());
  }

  /** A request and what the caller may do on it now (nothing when it is not a party). */
  public record WithActions(AdmissionRequest request, Set<Action> actions) {
    public WithActions {
      actions = Set.copyOf(actions);
    }
  }

  /** A request the caller sees, and the actions it may take on it now (one consistent read). */
  public WithActions availableActions(Principal p, RequestId id) {
    return ctx.read(tx -> {
      AdmissionRequest r = ctx.visibleRequest(tx, p, id);
      return new WithActions(r, ctx.isParty(tx, p, r)
          ? VtModules.of(r.module()).workflow().availableActions(r.status(), p.role()) : Set.of());
    });
  }

  // ---------------------------------------------------------------------------------------------- workflow

  /** Reads a request (the receiving unit opened it). */
  public Written<AdmissionRequest> read(Principal p, RequestId id, WriteOptions o) {
    return act(p, id, Action.READ, null, o);
  }

  /** Answers a request; the response's kind says the action. */
  public Written<AdmissionRequest> respond(Principal p, RequestId id, Response response, WriteOptions o) {
    Objects.requireNonNull(response, "response");
    return act(p, id, response.kind().action(), response, o);
  }

  /** The requester cancels a request (the dossier is cancelled when all its requests are). */
  public Written<AdmissionRequest> cancel(Principal p, RequestId id, WriteOptions o) {
    return act(p, id, Action.CANCEL, null, o);
  }

  /** The requester confirms the admission: every other open request of the dossier is closed by VT. */
  public Written<AdmissionRequest> confirmAdmission(Principal p, RequestId id, WriteOptions o) {
    return act(p, id, Action.CONFIRM_ADMISSION, null, o);
  }

  private Written<AdmissionRequest> act(Principal p, RequestId id, Action action, Response response,
      WriteOptions o) {
    Locale locale = o.locale();
    if (response != null) {
      ValidationReport report = ctx.validator.validate(response, Stage.DRAFT, locale);
      if (!report.isValid()) {
        throw VtCoreException.invalid("the response is invalid", report.violations());
      }
    }
    return ctx.write(p, "requests." + action.name(), id, o, requestType, tx -> {
      AdmissionRequest r = ctx.visibleRequest(tx, p, id);
      if (response != null && !response.kind().modules().contains(r.module())) {
        throw VtCoreException.invalid("a " + response.kind() + " answer does not exist in " + r.module(),
            List.of(new Violation("/kind", "kind.module", "this kind of answer does not exist in this module")));
      }
      if (response != null) {
        List<Violation> own = VtModules.of(r.module()).checkResponse(response, ctx.clock.instant(),
            code -> Messages.get(code, locale));
        if (!own.isEmpty()) {
          throw VtCoreException.invalid("the response is invalid in " + r.module(), own);
        }
      }
      if (!ctx.isParty(tx, p, r)) {
        throw VtCoreException.forbidden("your unit is not a party to this request in role " + p.role());
      }
      return apply(tx, r, action, p.role(), response);
    });
  }

  /** Applies a workflow action of {@code role} to {@code r}, with its consequences (close the others, cancel). */
  AdmissionRequest apply(StoreTx tx, AdmissionRequest r, Action action, Role role, Response response) {
    Workflow w = VtModules.of(r.module()).workflow();
    RequestStatus to = CoreContext.transition(w, r.status(), action, role);
    Instant now = ctx.clock.instant();
    List<Response> responses = new ArrayList<>(r.responses());
    if (response != null) {
      responses.add(response.withAt(now));
    }
    // An answer is a reading: a request answered straight from SENT gets readAt too (answered ⊂ read, seed 002).
    boolean reads = action == Action.READ || response != null;
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt() == null && reads ? now : r.readAt(),
        response != null && r.answeredAt() == null ? now : r.answeredAt(),
        w.isTerminal(to) ? now : r.closedAt(), responses, r.version() + 1);
    tx.putRequest(updated);
    ctx.sweeper.noteDue(tx, updated); // its module may end it earlier in its new status (an answer's own deadline)
    StoredDossier d = tx.dossier(r.dossierId()).orElseThrow();
    ctx.emit(tx, "request." + action.name().toLowerCase(Locale.ROOT), d, updated, action, role, to);
    if (action == Action.CONFIRM_ADMISSION) {
      closeOthers(tx, d, updated, now);
    } else if (action == Action.CANCEL) {
      maybeCancelDossier(tx, d, now);
    }
    return updated;
  }

  private void closeOthers(StoreTx tx, StoredDossier sd, AdmissionRequest confirmed, Instant now) {
    Workflow w = VtModules.of(sd.dossier().module()).workflow();
    for (AdmissionRequest other : tx.requestsOf(sd.dossier().id())) {
      if (!other.id().equals(confirmed.id()) && w.find(other.status(), Action.CLOSE, Role.SYSTEM).isPresent()) {
        AdmissionRequest closed = systemTransition(tx, other, Action.CLOSE, now);
        ctx.emit(tx, "request.close", sd, closed, Action.CLOSE, Role.SYSTEM, closed.status());
      }
    }
    Dossier d = tx.dossier(sd.dossier().id()).orElseThrow().dossier();
    tx.putDossier(d.toBuilder().status(DossierStatus.ADMISSION_CONFIRMED).version(d.version() + 1).updatedAt(now)
        .build(), sd.createdBy());
  }

  private static void maybeCancelDossier(StoreTx tx, StoredDossier sd, Instant now) {
    if (tx.requestsOf(sd.dossier().id()).stream().allMatch(r -> r.status() == RequestStatus.CANCELLED)) {
      Dossier d = tx.dossier(sd.dossier().id()).orElseThrow().dossier();
      tx.putDossier(d.toBuilder().status(DossierStatus.CANCELLED).version(d.version() + 1).updatedAt(now).build(),
          sd.createdBy());
    }
  }

  /** An action of VT itself ({@link Role#SYSTEM}): close, archive, expire. */
  static AdmissionRequest systemTransition(StoreTx tx, AdmissionRequest r, Action action, Instant now) {
    RequestStatus to = VtModules.of(r.module()).workflow().apply(r.status(), action, Role.SYSTEM);
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt(), r.answeredAt(), now, r.responses(), r.version() + 1);
    tx.putRequest(updated);
    return updated;
  }
}
