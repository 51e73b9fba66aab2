package io.vtsdk.core;

import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * VT's own operation: ending the open requests whose module says they expired ({@link ModuleDescriptor#expiry}:
 * auto-archiving by default, the notifications of an expired MDPH decision for Handicap). It runs before every write,
 * in its own transaction, and costs nothing while nothing can be due: it remembers the earliest due instant of what
 * it saw. Not API.
 */
final class Sweeper {
  private final CoreContext ctx;
  private final AtomicLong sweeps = new AtomicLong();
  /** Earliest instant the sweep may have something to do; null: none known. */
  private volatile Instant nextDue;
  private volatile boolean dueKnown;

  Sweeper(CoreContext ctx) {
    this.ctx = ctx;
  }

  /** How many sweeps changed something. */
  long sweeps() {
    return sweeps.get();
  }

  /** Before a write: sweeps when something may be due (always with a store others write to). */
  void beforeWrite() {
    if (mayHaveWork(ctx.clock.instant())) {
      ctx.store.write(this::sweep);
    }
  }

  /** Sweeps now (after a test clock moved); returns how many requests VT ended. */
  int sweepNow() {
    int n = ctx.store.write(this::sweep);
    if (n > 0) {
      ctx.committed();
    }
    return n;
  }

  private boolean mayHaveWork(Instant now) {
    Instant due = nextDue;
    return ctx.store.shared() || !dueKnown || due != null && !now.isBefore(due);
  }

  /** The sweep, in {@code tx} (a test server runs it in its own control transactions too). */
  int sweep(StoreTx tx) {
    Instant now = ctx.clock.instant();
    if (!mayHaveWork(now)) {
      return 0; // nothing can be due yet: O(1) on the write path
    }
    int n = 0;
    Instant next = null;
    for (AdmissionRequest r : tx.openRequests()) {
      ModuleDescriptor module = VtModules.of(r.module());
      Lazy dossier = new Lazy(tx, r);
      Optional<ModuleDescriptor.Expiry> expiry = module.expiry(r, dossier, ctx.archiveAfter, ctx.clock.getZone());
      if (expiry.isEmpty()) {
        continue;
      }
      Instant at = expiry.get().at();
      if (at.isAfter(now)) {
        next = next == null || at.isBefore(next) ? at : next;
      } else if (end(tx, module, r, dossier, expiry.get().action(), now)) {
        n++;
      }
    }
    nextDue = next;
    dueKnown = true;
    if (n > 0) {
      sweeps.incrementAndGet();
    }
    return n;
  }

  /** VT ends {@code r} with {@code action} when its workflow lets the system do it; records what its module reports. */
  private boolean end(StoreTx tx, ModuleDescriptor module, AdmissionRequest r, Lazy dossier, Action action,
      Instant now) {
    if (module.workflow().find(r.status(), action, Role.SYSTEM).isEmpty()) {
      return false;
    }
    AdmissionRequest ended = RequestService.systemTransition(tx, r, action, now);
    StoredDossier sd = tx.dossier(r.dossierId()).orElseThrow();
    Unit unit = tx.unit(r.unit()).orElse(null);
    for (EsmsStatus s : module.expiryReports(ended, sd.dossier(), unit, LocalDate.ofInstant(now,
        ctx.clock.getZone()))) {
      tx.addStatus(r.id(), s, now);
    }
    ctx.emit(tx, action == Action.ARCHIVE ? "request.archive" : "request.expire", sd, ended, action, Role.SYSTEM,
        ended.status());
    return true;
  }

  /** A new open request, or a dossier change that may move its requests' expiry earlier: remember when it is due. */
  void noteDue(StoreTx tx, AdmissionRequest r) {
    if (!dueKnown || !VtModules.of(r.module()).isOpen(r.status())) {
      return;
    }
    VtModules.of(r.module()).expiry(r, new Lazy(tx, r), ctx.archiveAfter, ctx.clock.getZone())
        .map(ModuleDescriptor.Expiry::at).ifPresent(at -> {
          Instant next = nextDue;
          if (next == null || at.isBefore(next)) {
            nextDue = at;
          }
        });
  }

  /** Everything was removed: nothing is due. */
  void cleared() {
    nextDue = null;
    dueKnown = true;
  }

  /** The store was restored or changed behind the core: look at every open request at the next write. */
  void forget() {
    dueKnown = false;
  }

  /** A request's dossier, read from the store when a module asks for it. */
  private static final class Lazy implements java.util.function.Supplier<Dossier> {
    private final StoreTx tx;
    private final AdmissionRequest r;
    private Dossier dossier;

    Lazy(StoreTx tx, AdmissionRequest r) {
      this.tx = tx;
      this.r = r;
    }

    @Override
    public Dossier get() {
      if (dossier == null) {
        dossier = tx.dossier(r.dossierId()).map(StoredDossier::dossier).orElse(null);
      }
      return dossier;
    }
  }
}
