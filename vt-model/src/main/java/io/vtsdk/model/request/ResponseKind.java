package io.vtsdk.model.request;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Action;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The answers a receiver can give, per module, with the workflow action each one performs and the motif list it
 * takes. (Handicap answers are ESMS statuses, see {@link io.vtsdk.model.handicap.EsmsStatus}.)
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ResponseKind {
  ACCEPTED(Action.ACCEPT, null, VtModule.SANITAIRE, VtModule.GRAND_AGE),
  REFUSED(Action.REFUSE, RefusalMotif.SYSTEM, VtModule.SANITAIRE, VtModule.GRAND_AGE),
  WAITING_LIST(Action.PLACE_ON_WAITING_LIST, null, VtModule.SANITAIRE, VtModule.GRAND_AGE),
  /** "Éligible administrativement" (comment ≤ 500). */
  PRADO_ELIGIBLE_ADMINISTRATIVELY(Action.DECLARE_ELIGIBLE_ADMINISTRATIVELY, null, VtModule.PRADO),
  /** "Adhésion finale au service Prado" (comment ≤ 500). */
  PRADO_ADHESION(Action.RECORD_ADHESION, null, VtModule.PRADO),
  /** "Non adhésion", with a motif. */
  PRADO_NON_ADHESION(Action.RECORD_NON_ADHESION, PradoNonAdhesionMotif.SYSTEM, VtModule.PRADO),
  TND_ELIGIBLE(Action.DECLARE_ELIGIBLE, null, VtModule.TND),
  TND_NOT_ELIGIBLE(Action.DECLARE_NOT_ELIGIBLE, TndNotEligibleMotif.SYSTEM, VtModule.TND),
  TND_ORIENTED_ELSEWHERE(Action.ORIENT_ELSEWHERE, null, VtModule.TND);

  private final Action action;
  private final String motifSystem;
  private final Set<VtModule> modules;

  ResponseKind(Action action, String motifSystem, VtModule first, VtModule... rest) {
    this.action = action;
    this.motifSystem = motifSystem;
    this.modules = EnumSet.of(first, rest);
  }

  /** The workflow action this answer performs. */
  public Action action() {
    return action;
  }

  /** The modules where this answer exists. */
  public Set<VtModule> modules() {
    return java.util.Collections.unmodifiableSet(modules);
  }

  /** The motif code system this answer requires, if it requires a motif. */
  public Optional<String> motifSystem() {
    return Optional.ofNullable(motifSystem);
  }

  /** Finds the motif of {@code code} in the list this kind takes. */
  public Optional<Motif> motif(String code) {
    if (motifSystem == null || code == null) {
      return Optional.empty();
    }
    Motif[] all = motifSystem.equals(RefusalMotif.SYSTEM) ? RefusalMotif.values()
        : motifSystem.equals(PradoNonAdhesionMotif.SYSTEM) ? PradoNonAdhesionMotif.values()
        : TndNotEligibleMotif.values();
    for (Motif m : all) {
      if (m.code().equals(code)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
