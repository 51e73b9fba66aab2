package io.vtsdk.model.workflow;

import static io.vtsdk.model.workflow.Action.*;
import static io.vtsdk.model.workflow.RequestStatus.*;
import static io.vtsdk.model.workflow.Role.*;

import io.vtsdk.model.VtModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The state machine of admission requests of one module: which actions are legal from which status, and which role
 * may perform each (DESIGN.md §4).
 *
 * <pre>{@code
 * Workflow prado = Workflow.of(VtModule.PRADO);
 * RequestStatus s = prado.start(Role.REQUESTER);                            // SENT
 * s = prado.apply(s, Action.DECLARE_ELIGIBLE_ADMINISTRATIVELY, Role.CPAM);  // ELIGIBLE_ADMINISTRATIVELY
 * prado.apply(s, Action.CONFIRM_ADMISSION, Role.CPAM);                       // throws IllegalTransitionException
 * }</pre>
 *
 * <p>Instances are immutable, shared and thread-safe; {@link #of(VtModule)} returns the same instance each time.
 * Each module's table is in its module descriptor (sources there and in {@code docs/workflows.md}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Workflow {
  private final VtModule module;
  private final RequestStatus initial;
  private final Set<Role> senders;
  private final List<Transition> transitions;
  private final Map<RequestStatus, Map<Action, Transition>> index;
  private final Set<Action> actions;

  private Workflow(VtModule module, RequestStatus initial, Set<Role> senders, List<Transition> transitions) {
    this.module = module;
    this.initial = initial;
    // in the order given: the first is the module's own sender (an MDPH for Handicap, before the usager's DUA)
    this.senders = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(senders));
    this.transitions = List.copyOf(transitions);
    Map<RequestStatus, Map<Action, Transition>> idx = new EnumMap<>(RequestStatus.class);
    EnumSet<Action> acts = EnumSet.of(SEND);
    for (Transition t : transitions) {
      Transition previous = idx.computeIfAbsent(t.from(), k -> new EnumMap<>(Action.class)).put(t.action(), t);
      if (previous != null) {
        throw new IllegalStateException("duplicate transition " + t.from() + " --" + t.action() + " in " + module);
      }
      acts.add(t.action());
    }
    this.index = idx;
    this.actions = Collections.unmodifiableSet(acts);
  }

  /**
   * A workflow defined as data: the status a request starts in, the roles that may send, and the transitions (each
   * from one status, by an action, for some roles, to a status). A module descriptor of vt-core supplies its own
   * this way.
   *
   * @throws IllegalStateException when two transitions leave the same status by the same action
   */
  public static Workflow define(VtModule module, RequestStatus initial, Set<Role> senders,
      List<Transition> transitions) {
    java.util.Objects.requireNonNull(module, "module");
    java.util.Objects.requireNonNull(initial, "initial");
    if (senders == null || senders.isEmpty()) {
      throw new IllegalArgumentException("senders: give at least one role");
    }
    return new Workflow(module, initial, senders, transitions == null ? List.of() : transitions);
  }

  /** The workflow of {@code module}: its module descriptor's ({@link io.vtsdk.model.module.ModuleDescriptor}). */
  public static Workflow of(VtModule module) {
    return io.vtsdk.model.module.VtModules.of(Objects.requireNonNull(module, "module")).workflow();
  }

  public VtModule module() {
    return module;
  }

  /** The status a request has once sent. */
  public RequestStatus initialStatus() {
    return initial;
  }

  /**
   * Roles that may create (send) a request in this module, in the order the module declares them: the first is its
   * own sender (REQUESTER; MDPH for Handicap, where the usager's DUA comes second).
   */
  public Set<Role> senders() {
    return senders;
  }

  /** Every transition, in declaration order. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** Every action this module knows, {@link Action#SEND} included. */
  public Set<Action> actions() {
    return actions;
  }

  /** Statuses a request of this module can be in. */
  public Set<RequestStatus> statuses() {
    EnumSet<RequestStatus> s = EnumSet.of(initial);
    for (Transition t : transitions) {
      s.add(t.from());
      s.add(t.to());
    }
    return s;
  }

  /** True when no action at all is possible from {@code status}. */
  public boolean isTerminal(RequestStatus status) {
    return !index.containsKey(status);
  }

  /**
   * Creates a request: checks that {@code role} may send in this module and returns the initial status.
   *
   * @throws IllegalTransitionException with reason ROLE_NOT_ALLOWED otherwise
   */
  public RequestStatus start(Role role) {
    Objects.requireNonNull(role, "role");
    if (!senders.contains(role)) {
      throw new IllegalTransitionException(
          module, null, SEND, role, IllegalTransitionException.Reason.ROLE_NOT_ALLOWED, senders);
    }
    return initial;
  }

  /** The transition {@code role} would take with {@code action} from {@code from}, if legal. */
  public Optional<Transition> find(RequestStatus from, Action action, Role role) {
    Transition t = index.getOrDefault(from, Map.of()).get(action);
    return t != null && t.roles().contains(role) ? Optional.of(t) : Optional.empty();
  }

  /**
   * Applies {@code action} by {@code role} to a request in status {@code from}.
   *
   * @return the new status
   * @throws IllegalTransitionException naming the module, from-status, action and role when not legal
   */
  public RequestStatus apply(RequestStatus from, Action action, Role role) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(role, "role");
    if (!actions.contains(action) || action == SEND) {
      throw new IllegalTransitionException(
          module, from, action, role, IllegalTransitionException.Reason.UNKNOWN_ACTION, Set.of());
    }
    Transition t = index.getOrDefault(from, Map.of()).get(action);
    if (t == null) {
      throw new IllegalTransitionException(
          module, from, action, role, IllegalTransitionException.Reason.NOT_FROM_STATUS,
          availableActions(from, role));
    }
    if (!t.roles().contains(role)) {
      throw new IllegalTransitionException(
          module, from, action, role, IllegalTransitionException.Reason.ROLE_NOT_ALLOWED, t.roles());
    }
    return t.to();
  }

  /** Actions {@code role} may perform on a request in {@code status} (what a UI shows as buttons). */
  public Set<Action> availableActions(RequestStatus status, Role role) {
    EnumSet<Action> out = EnumSet.noneOf(Action.class);
    for (Transition t : index.getOrDefault(status, Map.of()).values()) {
      if (t.roles().contains(role)) {
        out.add(t.action());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public String toString() {
    return "Workflow[" + module + ", " + transitions.size() + " transitions]";
  }

  /**
   * A workflow built as a table, one line per action from some statuses ({@link Builder#on}); how every module
   * descriptor defines its own.
   *
   * <pre>{@code
   * Workflow w = Workflow.builder(VtModule.HNP).initial(RequestStatus.SENT).senders(Role.REQUESTER)
   *     .on(Action.READ, Set.of(Role.RECEIVER), RequestStatus.READ, RequestStatus.SENT)
   *     .build();
   * }</pre>
   */
  public static Builder builder(VtModule module) {
    return new Builder(Objects.requireNonNull(module, "module"));
  }

  /** Builds a {@link Workflow} line by line. Not thread-safe; the workflow it builds is. */
  public static final class Builder {
    private final VtModule module;
    private RequestStatus initial = SENT;
    private Set<Role> senders = Set.of(REQUESTER);
    private final List<Transition> transitions = new ArrayList<>();

    private Builder(VtModule module) {
      this.module = module;
    }

    /** The status a request has once sent (default SENT). */
    public Builder initial(RequestStatus status) {
      this.initial = Objects.requireNonNull(status, "status");
      return this;
    }

    /** The roles that may send (default REQUESTER). */
    public Builder senders(Role first, Role... rest) {
      java.util.LinkedHashSet<Role> ordered = new java.util.LinkedHashSet<>();
      ordered.add(first);
      ordered.addAll(java.util.Arrays.asList(rest));
      this.senders = ordered;
      return this;
    }

    /** One transition per status of {@code froms}: by {@code action}, for {@code roles}, to {@code to}. */
    public Builder on(Action action, Set<Role> roles, RequestStatus to, RequestStatus... froms) {
      for (RequestStatus from : froms) {
        transitions.add(new Transition(from, action, roles, to));
      }
      return this;
    }

    /** @throws IllegalStateException when two transitions leave the same status by the same action */
    public Workflow build() {
      return define(module, initial, senders, transitions);
    }
  }
}
