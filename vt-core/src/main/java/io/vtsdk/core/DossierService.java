package io.vtsdk.core;

import io.vtsdk.api.Page;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Workflow;
import io.vtsdk.rules.Decision;
import io.vtsdk.rules.DossierFacts;
import io.vtsdk.rules.NoRuleSetException;
import io.vtsdk.rules.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Dossiers: create, read, list, update, validate, evaluate eligibility. Every operation names its {@link Principal};
 * the {@link AccessPolicy} decides. Obtained from {@link VtCore#dossiers()}; thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class DossierService {
  private final CoreContext ctx;

  private final com.fasterxml.jackson.databind.JavaType dossierType;

  DossierService(CoreContext ctx) {
    this.ctx = ctx;
    this.dossierType = ctx.type(Dossier.class);
  }

  /**
   * Creates a draft. The server gives the id, number, status, version, times and history; attachments are never taken
   * from the caller (see {@link AttachmentService#attach}). The requester is the caller's unit.
   */
  public Written<Dossier> create(Principal p, Dossier draft, WriteOptions o) {
    Objects.requireNonNull(draft, "draft");
    Workflow w = VtModules.of(draft.module()).workflow();
    if (!w.senders().contains(p.role())) {
      throw VtCoreException.forbidden("role " + p.role() + " cannot create a " + draft.module() + " dossier; "
          + "allowed: " + w.senders());
    }
    if (draft.requester() != null && !draft.requester().unit().equals(p.unit())) {
      throw VtCoreException.forbidden("requester.unit must be your own unit");
    }
    return ctx.write(p, "dossiers.create", null, o, dossierType, tx -> {
      DossierId id = DossierId.of(tx.newId("D"));
      Instant now = ctx.clock.instant();
      Requester requester = draft.requester() == null ? new Requester(p.unit(), null) : draft.requester();
      Dossier d = draft.withId(id).toBuilder().requester(requester).number("VT-" + id.value())
          .status(DossierStatus.DRAFT).version(1).createdAt(now).updatedAt(now).history(List.of())
          .attachments(List.of()).build();
      ctx.requireValid(d, Stage.DRAFT, o.locale());
      checkMedicalSection(p, null, d.medical());
      tx.putDossier(d, p.actorId());
      ctx.emit(tx, "dossier.created", tx.dossier(id).orElseThrow(), null, null, p.role(), null);
      return d;
    });
  }

  /**
   * Replaces a dossier's content; the whole dossier is sent (a PUT), with its module. {@code expected} is the version
   * the caller read (else {@link VtCoreException.Kind#STALE}), checked in the update's own transaction. Id, module,
   * requester unit, number, status, times, history and attachments stay the server's. A dossier with live requests
   * (sent, not yet ended) must stay complete: the update is refused unless the new content passes the SUBMISSION
   * stage, each missing or broken element named by its JSON pointer.
   */
  public Written<Dossier> update(Principal p, DossierId id, ExpectedVersion expected, Dossier sent,
      WriteOptions o) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(sent, "sent");
    return ctx.write(p, "dossiers.update", id, o, dossierType, tx -> {
      StoredDossier current = ctx.readableDossier(tx, p, id);
      if (!ctx.policy.canEditDossier(p, current)) {
        throw VtCoreException.forbidden("only the requesting unit may update its dossier");
      }
      Dossier c = current.dossier();
      if (!expected.matches(c.version())) {
        throw expected.stale("dossier", c.version());
      }
      if (c.status() != DossierStatus.DRAFT && c.status() != DossierStatus.SENT) {
        throw VtCoreException.conflict("a dossier in status " + c.status() + " cannot be updated");
      }
      if (!sent.module().equals(c.module())) {
        throw VtCoreException.invalid("module cannot change", List.of(new Violation("/module", "immutable",
            "module cannot change")));
      }
      if (sent.requester() != null && !sent.requester().unit().equals(c.requester().unit())) {
        throw VtCoreException.forbidden("requester.unit cannot change");
      }
      Dossier d = sent.withId(c.id()).toBuilder()
          .requester(sent.requester() == null ? c.requester() : sent.requester())
          .number(c.number()).status(c.status()).version(c.version() + 1).createdAt(c.createdAt())
          .updatedAt(ctx.clock.instant()).history(c.history()).attachments(c.attachments()).build();
      ctx.requireValid(d, Stage.DRAFT, o.locale());
      List<AdmissionRequest> live = live(tx, c);
      if (!live.isEmpty()) {
        ValidationReport complete = ctx.validator.validate(d, Stage.SUBMISSION, o.locale());
        if (!complete.isValid()) {
          throw VtCoreException.invalid("the dossier has live requests: an update keeps what the receiving units "
              + "need (SUBMISSION stage)", complete.violations());
        }
      }
      checkMedicalSection(p, c.medical(), d.medical());
      tx.putDossier(d, current.createdBy());
      for (AdmissionRequest r : live) {
        ctx.sweeper.noteDue(tx, r); // the module's expiry may read the dossier (a decision's validity)
      }
      ctx.emit(tx, "dossier.updated", tx.dossier(id).orElseThrow(), null, null, p.role(), null);
      return d;
    });
  }

  /** The dossier's requests its module's workflow has not ended. */
  private static List<AdmissionRequest> live(StoreTx tx, Dossier d) {
    Workflow w = VtModules.of(d.module()).workflow();
    return tx.requestsOf(d.id()).stream().filter(r -> !w.isTerminal(r.status())).toList();
  }

  /**
   * Who may fill and validate the medical section (the policy decides): refused when {@code p} changes its content
   * without being allowed to fill it, or raises its validated version without being its prescriber.
   */
  private void checkMedicalSection(Principal p, MedicalSection before, MedicalSection after) {
    if (after == null || after.equals(before)) {
      return;
    }
    if (!ctx.policy.mayFillMedicalSection(p)) {
      throw VtCoreException.forbidden("a collaborator fills the medical section for a doctor only when authenticated "
          + "by CPx card (seed 002)");
    }
    int was = before == null || before.info() == null ? 0 : before.info().validatedVersion();
    if (after.info() != null && after.info().validatedVersion() > was
        && !ctx.policy.mayValidateMedicalSection(p, after.info().author())) {
      throw VtCoreException.forbidden("only the prescribing doctor, the medical section's author, validates it "
          + "(seed 003)");
    }
  }

  /** A dossier the policy lets {@code p} read. */
  public Dossier get(Principal p, DossierId id) {
    return ctx.read(tx -> ctx.readableDossier(tx, p, id).dossier());
  }

  /** The caller's unit's dossiers (requesting side), optionally of one module and status; a cursor and a limit. */
  public Page<Dossier> list(Principal p, VtModule module, DossierStatus status, String cursor, int limit) {
    long after = ctx.cursors.decode(cursor, "cursor");
    return ctx.read(tx -> {
      List<Dossier> out = new ArrayList<>();
      long position = after;
      while (true) {
        List<StoredDossier> batch = tx.dossiersOf(p.unit(), position, CoreContext.SCAN_BATCH);
        for (StoredDossier d : batch) {
          if (ctx.policy.isRequesterSide(p, d) && (module == null || d.dossier().module().equals(module))
              && (status == null || d.dossier().status() == status)) {
            if (out.size() == limit) {
              return new Page<>(out, ctx.cursors.encode(position));
            }
            out.add(d.dossier());
          }
          position = d.seq();
        }
        if (batch.size() < CoreContext.SCAN_BATCH) {
          return new Page<>(out, null);
        }
      }
    });
  }

  /** Validates a dossier at {@code stage} (nothing is changed). */
  public ValidationReport validate(Principal p, DossierId id, Stage stage, Locale locale) {
    Objects.requireNonNull(stage, "stage");
    return ctx.validator.validate(get(p, id), stage, locale);
  }

  /**
   * Evaluates a dossier's eligibility for {@code target} (the dossier's orientation when null) on {@code date} (today
   * when null), towards {@code targetUnit} when given.
   */
  public Decision eligibility(Principal p, DossierId id, Target target, LocalDate date, UnitId targetUnit) {
    return ctx.read(tx -> {
      Dossier d = ctx.readableDossier(tx, p, id).dossier();
      Target t = target != null ? target : d.orientation() == null ? null : Target.of(d.orientation());
      if (t == null) {
        throw VtCoreException.invalid("the dossier has no orientation: give a target",
            List.of(new Violation("/target", "required", "the dossier has no orientation: give a target")));
      }
      Unit unit = targetUnit == null ? null : tx.unit(targetUnit)
          .orElseThrow(() -> VtCoreException.notFound("unit", targetUnit.value()));
      Unit requesting = d.requester() == null ? null : tx.unit(d.requester().unit()).orElse(null);
      try {
        return ctx.rules.evaluate(t, DossierFacts.of(d).requestingUnit(requesting).targetUnit(unit)
            .knownCpamCodes(CoreContext.cpams(tx)).build(), date != null ? date : LocalDate.now(ctx.clock));
      } catch (NoRuleSetException e) {
        throw new VtCoreException(VtCoreException.Kind.INVALID, "no-rule-set", e.getMessage());
      }
    });
  }
}
