package io.vtsdk.model.workflow;

import io.vtsdk.model.VtModule;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * An action that the workflow of the request's module does not allow: unknown in this module, not possible from the
 * current status, or not allowed for the caller's role. The message names the module, the from-status, the action and
 * the role, and says what would be allowed.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Why the transition was refused. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Reason {
    /** The module's workflow has no such action. */
    UNKNOWN_ACTION,
    /** The action exists but not from the current status (including terminal statuses). */
    NOT_FROM_STATUS,
    /** The action is possible from this status, but not for this role. */
    ROLE_NOT_ALLOWED
  }

  private final VtModule module;
  private final RequestStatus from;
  private final Action action;
  private final Role role;
  private final Reason reason;

  IllegalTransitionException(
      VtModule module, RequestStatus from, Action action, Role role, Reason reason, Set<?> allowed) {
    super(message(module, from, action, role, reason, allowed));
    this.module = module;
    this.from = from;
    this.action = action;
    this.role = role;
    this.reason = reason;
  }

  private static String message(
      VtModule module, RequestStatus from, Action action, Role role, Reason reason, Set<?> allowed) {
    String head = module + " request in status " + (from == null ? "(none)" : from) + ": action " + action
        + " by role " + role + " is not allowed";
    switch (reason) {
      case UNKNOWN_ACTION:
        return head + " (the " + module + " workflow has no such action)";
      case NOT_FROM_STATUS:
        return head + " from this status; allowed actions for " + role + ": " + allowed;
      default:
        return head + "; only " + allowed + " may do it";
    }
  }

  public VtModule module() {
    return module;
  }

  /** The current status; null when the action tried to create a request. */
  public RequestStatus from() {
    return from;
  }

  public Action action() {
    return action;
  }

  public Role role() {
    return role;
  }

  public Reason reason() {
    return reason;
  }
}
