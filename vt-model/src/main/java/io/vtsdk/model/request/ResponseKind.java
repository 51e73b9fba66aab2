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
  /** Accepted; in HNP with the admission time ({@link Response#admissionAt()}). */
  ACCEPTED(Action.ACCEPT, null),
  REFUSED(Action.REFUSE, RefusalMotif.SYSTEM),
  WAITING_LIST(Action.PLACE_ON_WAITING_LIST, null),
  /** "Éligible administrativement" (comment ≤ 500). */
  PRADO_ELIGIBLE_ADMINISTRATIVELY(Action.DECLARE_ELIGIBLE_ADMINISTRATIVELY, null),
  /** "Adhésion finale au service Prado" (comment ≤ 500). */
  PRADO_ADHESION(Action.RECORD_ADHESION, null),
  /** "Non adhésion", with a motif. */
  PRADO_NON_ADHESION(Action.RECORD_NON_ADHESION, PradoNonAdhesionMotif.SYSTEM),
  TND_ELIGIBLE(Action.DECLARE_ELIGIBLE, null),
  TND_NOT_ELIGIBLE(Action.DECLARE_NOT_ELIGIBLE, TndNotEligibleMotif.SYSTEM),
  TND_ORIENTED_ELSEWHERE(Action.ORIENT_ELSEWHERE, null),
  /** HNP: the service redirects the request to another service (where, in the comment). */
  REDIRECTED(Action.ORIENT_ELSEWHERE, null);

  private final Action action;
  private final String motifSystem;
  private volatile Set<VtModule> modules;

  ResponseKind(Action action, String motifSystem) {
    this.action = action;
    this.motifSystem = motifSystem;
  }

  /** The workflow action this answer performs. */
  public Action action() {
    return action;
  }

  /** The modules where this answer exists: those whose descriptor lists it ({@code ModuleDescriptor.responseKinds}). */
  public Set<VtModule> modules() {
    Set<VtModule> m = modules;
    if (m == null) {
      EnumSet<VtModule> found = EnumSet.noneOf(VtModule.class);
      for (io.vtsdk.model.module.ModuleDescriptor d : io.vtsdk.model.module.VtModules.all()) {
        if (d.responseKinds().contains(this)) {
          found.add(d.module());
        }
      }
      modules = m = java.util.Collections.unmodifiableSet(found);
    }
    return m;
  }

  /** The motif code system this answer requires, if it requires a motif. */
  public Optional<String> motifSystem() {
    return Optional.ofNullable(motifSystem);
  }

  /** The motifs this kind takes, in VT's order (none when it takes no motif). */
  public java.util.List<Motif> motifs() {
    if (motifSystem == null) {
      return java.util.List.of();
    }
    return java.util.List.of(motifSystem.equals(RefusalMotif.SYSTEM) ? RefusalMotif.values()
        : motifSystem.equals(PradoNonAdhesionMotif.SYSTEM) ? PradoNonAdhesionMotif.values()
        : TndNotEligibleMotif.values());
  }

  /** Finds the motif of {@code code} in the list this kind takes. */
  public Optional<Motif> motif(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Motif m : motifs()) {
      if (m.code().equals(code)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
