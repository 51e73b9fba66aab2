package io.vtsdk.model.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.internal.Names;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.workflow.Action;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apiguardian.api.API;

/**
 * The answers a receiver can give, per module, with the workflow action each one performs and the motif list it
 * takes. (Handicap answers are ESMS statuses, see {@link io.vtsdk.model.handicap.EsmsStatus}.) VT's answers are
 * constants; an extension module may define its own ({@link #of(String, Action)}, without a motif list) and list them in
 * {@link ModuleDescriptor#responseKinds()}. Values are canonical; until 0.2 an enum.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ResponseKind implements Comparable<ResponseKind>, Serializable {
  private static final long serialVersionUID = 1L;
  private static final ConcurrentMap<String, ResponseKind> VALUES = new ConcurrentHashMap<>();

  /** Accepted; in HNP with the admission time ({@link Response#admissionAt()}). */
  public static final ResponseKind ACCEPTED = standard("ACCEPTED", Action.ACCEPT, null, 0);
  public static final ResponseKind REFUSED = standard("REFUSED", Action.REFUSE, RefusalMotif.SYSTEM, 1);
  public static final ResponseKind WAITING_LIST = standard("WAITING_LIST", Action.PLACE_ON_WAITING_LIST, null, 2);
  /** "Éligible administrativement" (comment ≤ 500). */
  public static final ResponseKind PRADO_ELIGIBLE_ADMINISTRATIVELY = standard("PRADO_ELIGIBLE_ADMINISTRATIVELY",
      Action.DECLARE_ELIGIBLE_ADMINISTRATIVELY, null, 3);
  /** "Adhésion finale au service Prado" (comment ≤ 500). */
  public static final ResponseKind PRADO_ADHESION = standard("PRADO_ADHESION", Action.RECORD_ADHESION, null, 4);
  /** "Non adhésion", with a motif. */
  public static final ResponseKind PRADO_NON_ADHESION = standard("PRADO_NON_ADHESION", Action.RECORD_NON_ADHESION,
      PradoNonAdhesionMotif.SYSTEM, 5);
  public static final ResponseKind TND_ELIGIBLE = standard("TND_ELIGIBLE", Action.DECLARE_ELIGIBLE, null, 6);
  public static final ResponseKind TND_NOT_ELIGIBLE = standard("TND_NOT_ELIGIBLE", Action.DECLARE_NOT_ELIGIBLE,
      TndNotEligibleMotif.SYSTEM, 7);
  public static final ResponseKind TND_ORIENTED_ELSEWHERE = standard("TND_ORIENTED_ELSEWHERE",
      Action.ORIENT_ELSEWHERE, null, 8);
  /** HNP: the service redirects the request to another service (where, in the comment). */
  public static final ResponseKind REDIRECTED = standard("REDIRECTED", Action.ORIENT_ELSEWHERE, null, 9);

  private static final List<ResponseKind> STANDARD = List.of(ACCEPTED, REFUSED, WAITING_LIST,
      PRADO_ELIGIBLE_ADMINISTRATIVELY, PRADO_ADHESION, PRADO_NON_ADHESION, TND_ELIGIBLE, TND_NOT_ELIGIBLE,
      TND_ORIENTED_ELSEWHERE, REDIRECTED);

  private final String name;
  private final Action action;
  private final String motifSystem;
  private final int order;
  private transient volatile Set<VtModule> modules;

  private ResponseKind(String name, Action action, String motifSystem, int order) {
    this.name = name;
    this.action = action;
    this.motifSystem = motifSystem;
    this.order = order;
  }

  private static ResponseKind standard(String name, Action action, String motifSystem, int order) {
    ResponseKind k = new ResponseKind(name, action, motifSystem, order);
    VALUES.put(name, k);
    return k;
  }

  /**
   * An extension module's answer of this name, performing {@code action}; it takes no motif. A name already used
   * must perform the same action.
   *
   * @throws IllegalArgumentException for a name of another form, or one already defined with another action
   * @since 0.3
   */
  public static ResponseKind of(String name, Action action) {
    Names.require(name, "answer kind");
    Objects.requireNonNull(action, "action");
    ResponseKind k = VALUES.computeIfAbsent(name, n -> new ResponseKind(n, action, null, -1));
    if (k.action != action) {
      throw new IllegalArgumentException("answer kind " + name + " performs " + k.action);
    }
    return k;
  }

  /**
   * The answer of this name, as {@code Enum.valueOf} would: a standard one, or one a registered descriptor lists.
   *
   * @throws IllegalArgumentException for any other name (not repeated: it may come from a request)
   */
  @JsonCreator
  public static ResponseKind valueOf(String name) {
    ResponseKind k = name == null ? null : VALUES.get(name);
    if (k == null || k.order < 0 && !VtModules.declares(k)) {
      throw new IllegalArgumentException("not an answer of VT nor of a registered extension module");
    }
    return k;
  }

  /** VT's answers and those the registered extension modules list. */
  public static ResponseKind[] values() {
    Set<ResponseKind> all = new TreeSet<>(STANDARD);
    VtModules.all().forEach(d -> all.addAll(d.responseKinds()));
    return all.toArray(ResponseKind[]::new);
  }

  /** VT's own answers, in their order. @since 0.3 */
  public static List<ResponseKind> standardValues() {
    return STANDARD;
  }

  /** The answer's code ({@code ACCEPTED}). */
  @JsonValue
  public String name() {
    return name;
  }

  /** The workflow action this answer performs. */
  public Action action() {
    return action;
  }

  /** The modules where this answer exists: those whose descriptor lists it ({@code ModuleDescriptor.responseKinds}). */
  public Set<VtModule> modules() {
    Set<VtModule> m = modules;
    if (m == null) {
      Set<VtModule> found = new TreeSet<>();
      for (ModuleDescriptor d : VtModules.all()) {
        if (d.responseKinds().contains(this)) {
          found.add(d.module());
        }
      }
      modules = m = Collections.unmodifiableSet(found);
    }
    return m;
  }

  /** The motif code system this answer requires, if it requires a motif. */
  public Optional<String> motifSystem() {
    return Optional.ofNullable(motifSystem);
  }

  /** The motifs this kind takes, in VT's order (none when it takes no motif). */
  public List<Motif> motifs() {
    if (motifSystem == null) {
      return List.of();
    }
    return List.of(motifSystem.equals(RefusalMotif.SYSTEM) ? RefusalMotif.values()
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

  /** VT's answers first, in their order, then extension answers by name. */
  @Override
  public int compareTo(ResponseKind o) {
    return Names.compare(order, name, o.order, o.name);
  }

  @Override
  public String toString() {
    return name;
  }

  private Object readResolve() throws ObjectStreamException {
    ResponseKind k = VALUES.get(name);
    return k != null ? k : of(name, action);
  }
}
