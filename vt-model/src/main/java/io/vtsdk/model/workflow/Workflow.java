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
 *
 * <p>Sources: the Sanitaire/Grand-âge and Prado flows follow the seeds (003: Prado answers of the CPAM) and DESIGN §4;
 * the Handicap flow follows the statuses of TRE_R357 and the SDO flows 4–5. Where the public texts give statuses but
 * not the order between them (Handicap), the transitions below are our reading, listed in {@code docs/workflows.md}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Workflow {
  private static final Map<VtModule, Workflow> WORKFLOWS = buildAll();

  private final VtModule module;
  private final RequestStatus initial;
  private final Set<Role> senders;
  private final List<Transition> transitions;
  private final Map<RequestStatus, Map<Action, Transition>> index;
  private final Set<Action> actions;

  private Workflow(VtModule module, RequestStatus initial, Set<Role> senders, List<Transition> transitions) {
    this.module = module;
    this.initial = initial;
    this.senders = Collections.unmodifiableSet(EnumSet.copyOf(senders));
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

  /** The standard workflow of {@code module} (DESIGN §4). */
  public static Workflow of(VtModule module) {
    return WORKFLOWS.get(Objects.requireNonNull(module, "module"));
  }

  public VtModule module() {
    return module;
  }

  /** The status a request has once sent. */
  public RequestStatus initialStatus() {
    return initial;
  }

  /** Roles that may create (send) a request in this module. */
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

  // ---------------------------------------------------------------------------------------------------------------

  private static Map<VtModule, Workflow> buildAll() {
    Map<VtModule, Workflow> m = new EnumMap<>(VtModule.class);
    m.put(VtModule.SANITAIRE, admission(VtModule.SANITAIRE, EnumSet.of(REQUESTER)));
    m.put(VtModule.GRAND_AGE, admission(VtModule.GRAND_AGE, EnumSet.of(REQUESTER, USAGER)));
    m.put(VtModule.PRADO, prado());
    m.put(VtModule.TND, tnd());
    m.put(VtModule.HANDICAP, handicap());
    return m;
  }

  /** Table builder: one line per (action, roles, to) from several statuses. */
  private static final class Table {
    final List<Transition> list = new ArrayList<>();

    Table on(Action action, Set<Role> roles, RequestStatus to, RequestStatus... froms) {
      for (RequestStatus from : froms) {
        list.add(new Transition(from, action, roles, to));
      }
      return this;
    }
  }

  /** SANITAIRE and GRAND_AGE: SENT → READ → ACCEPTED | REFUSED | WAITING_LIST; confirm one, cancel, close, archive. */
  private static Workflow admission(VtModule module, Set<Role> requesters) {
    Set<Role> receiver = Set.of(RECEIVER);
    Set<Role> system = Set.of(SYSTEM);
    Table t = new Table()
        .on(Action.READ, receiver, RequestStatus.READ, SENT)
        .on(ACCEPT, receiver, ACCEPTED, SENT, RequestStatus.READ, WAITING_LIST)
        .on(REFUSE, receiver, REFUSED, SENT, RequestStatus.READ, WAITING_LIST)
        .on(PLACE_ON_WAITING_LIST, receiver, WAITING_LIST, SENT, RequestStatus.READ)
        .on(CONFIRM_ADMISSION, requesters, ADMISSION_CONFIRMED, ACCEPTED)
        .on(CANCEL, requesters, CANCELLED, SENT, RequestStatus.READ, WAITING_LIST,
            ACCEPTED)
        .on(CLOSE, system, CLOSED, SENT, RequestStatus.READ, WAITING_LIST, ACCEPTED)
        .on(ARCHIVE, system, ARCHIVED, SENT, RequestStatus.READ);
    return new Workflow(module, SENT, requesters, t.list);
  }

  /** PRADO (seed 003): SENT to the CPAM → ELIGIBLE_ADMINISTRATIVELY → ADHESION (final) | NON_ADHESION (motif). */
  private static Workflow prado() {
    Set<Role> cpam = Set.of(CPAM);
    Table t = new Table()
        .on(Action.READ, cpam, RequestStatus.READ, SENT)
        .on(DECLARE_ELIGIBLE_ADMINISTRATIVELY, cpam, ELIGIBLE_ADMINISTRATIVELY, SENT, RequestStatus.READ)
        .on(RECORD_ADHESION, cpam, ADHESION, SENT, RequestStatus.READ, ELIGIBLE_ADMINISTRATIVELY)
        .on(RECORD_NON_ADHESION, cpam, NON_ADHESION, SENT, RequestStatus.READ, ELIGIBLE_ADMINISTRATIVELY)
        .on(CANCEL, Set.of(REQUESTER), CANCELLED, SENT, RequestStatus.READ,
            ELIGIBLE_ADMINISTRATIVELY)
        .on(ARCHIVE, Set.of(SYSTEM), ARCHIVED, SENT, RequestStatus.READ);
    return new Workflow(VtModule.PRADO, SENT, Set.of(REQUESTER), t.list);
  }

  /** TND: SENT to the PCO → ELIGIBLE | NOT_ELIGIBLE | ORIENTED_ELSEWHERE. */
  private static Workflow tnd() {
    Set<Role> pco = Set.of(RECEIVER);
    Table t = new Table()
        .on(Action.READ, pco, RequestStatus.READ, SENT)
        .on(DECLARE_ELIGIBLE, pco, ELIGIBLE, SENT, RequestStatus.READ)
        .on(DECLARE_NOT_ELIGIBLE, pco, NOT_ELIGIBLE, SENT, RequestStatus.READ)
        .on(ORIENT_ELSEWHERE, pco, ORIENTED_ELSEWHERE, SENT, RequestStatus.READ)
        .on(CANCEL, Set.of(REQUESTER), CANCELLED, SENT, RequestStatus.READ)
        .on(ARCHIVE, Set.of(SYSTEM), ARCHIVED, SENT, RequestStatus.READ);
    return new Workflow(VtModule.TND, SENT, Set.of(REQUESTER), t.list);
  }

  /**
   * HANDICAP: the MDPH notifies the ESMS (39); the ESMS reports TRE_R357 statuses; the MDPH endorses impossible
   * admissions (46), cancels (49) and reactivates (54) notifications, or cancels the decision (37).
   */
  private static Workflow handicap() {
    Set<Role> esms = Set.of(ESMS);
    Set<Role> mdph = Set.of(MDPH);
    RequestStatus[] open = {
      NOTIFICATION_SENT, NOTIFICATION_READ, CONTACT_MADE, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE,
      WAITING_LIST_ADMITTED, TRIAL_IN_PROGRESS, TRIAL_FAILED, NOTIFICATION_REACTIVATED, REORIENTATION_REQUESTED
    };
    Table t = new Table()
        .on(Action.READ, esms, NOTIFICATION_READ, NOTIFICATION_SENT, NOTIFICATION_REACTIVATED)
        .on(RECORD_CONTACT, esms, CONTACT_MADE, NOTIFICATION_SENT, NOTIFICATION_READ, NOTIFICATION_REACTIVATED)
        .on(START_ANALYSIS, esms, WAITING_LIST_ANALYSIS, NOTIFICATION_SENT, NOTIFICATION_READ, CONTACT_MADE,
            NOTIFICATION_REACTIVATED, TRIAL_FAILED)
        .on(DECLARE_ADMISSIBLE, esms, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ANALYSIS)
        .on(DECLARE_ADMITTED, esms, WAITING_LIST_ADMITTED, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE)
        .on(START_TRIAL, esms, TRIAL_IN_PROGRESS, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED)
        .on(FAIL_TRIAL, esms, TRIAL_FAILED, TRIAL_IN_PROGRESS)
        .on(RECORD_ENTRY, esms, USER_ENTERED, WAITING_LIST_ADMITTED, TRIAL_IN_PROGRESS)
        // After a réorientation request (51) the person may leave for another ESMS: ASS_A32 pairs the end of care
        // (188) with motif 91 « L'usager est admis dans un autre ESMS suite à une réorientation ».
        .on(RECORD_EXIT, esms, USER_EXITED, USER_ENTERED, REORIENTATION_REQUESTED)
        .on(SIGNAL_ADMISSION_IMPOSSIBLE, esms, ADMISSION_IMPOSSIBLE_SIGNALLED, NOTIFICATION_SENT,
            NOTIFICATION_READ, CONTACT_MADE, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED,
            TRIAL_FAILED, NOTIFICATION_REACTIVATED)
        .on(REQUEST_REORIENTATION, esms, REORIENTATION_REQUESTED, CONTACT_MADE, WAITING_LIST_ANALYSIS,
            WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED, TRIAL_IN_PROGRESS, TRIAL_FAILED, USER_ENTERED)
        .on(ENDORSE_ADMISSION_IMPOSSIBLE, mdph, ADMISSION_IMPOSSIBLE_ENDORSED, ADMISSION_IMPOSSIBLE_SIGNALLED)
        // VT also ends the notifications of an expired decision (validTo passed) whose person is not at the ESMS:
        // status 49 with motif 174 « Décision clôturée par la MDPH » (ASS_A32). Assumption: no public text says what
        // VT does at expiry; a person at the ESMS (trial, entered, réorientation asked) stays: renewal is the MDPH's.
        .on(CANCEL_NOTIFICATION, Set.of(MDPH, SYSTEM), NOTIFICATION_CANCELLED, NOTIFICATION_SENT, NOTIFICATION_READ,
            CONTACT_MADE, WAITING_LIST_ANALYSIS, WAITING_LIST_ADMISSIBLE, WAITING_LIST_ADMITTED, TRIAL_FAILED,
            NOTIFICATION_REACTIVATED)
        .on(CANCEL_NOTIFICATION, mdph, NOTIFICATION_CANCELLED, TRIAL_IN_PROGRESS, REORIENTATION_REQUESTED)
        .on(CANCEL_NOTIFICATION, mdph, NOTIFICATION_CANCELLED, ADMISSION_IMPOSSIBLE_SIGNALLED)
        .on(REACTIVATE_NOTIFICATION, mdph, NOTIFICATION_REACTIVATED, NOTIFICATION_CANCELLED,
            ADMISSION_IMPOSSIBLE_ENDORSED)
        .on(CANCEL_DECISION, mdph, DECISION_CANCELLED, open)
        .on(CANCEL_DECISION, mdph, DECISION_CANCELLED, ADMISSION_IMPOSSIBLE_SIGNALLED, NOTIFICATION_CANCELLED);
    return new Workflow(VtModule.HANDICAP, NOTIFICATION_SENT, Set.of(MDPH), t.list);
  }
}
