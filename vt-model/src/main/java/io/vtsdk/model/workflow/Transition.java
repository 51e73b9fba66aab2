package io.vtsdk.model.workflow;

import io.vtsdk.model.internal.Sets;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/** One legal step: from a status, an action by one of the roles, to a status. */
@API(status = API.Status.STABLE, since = "0.1")
public record Transition(RequestStatus from, Action action, Set<Role> roles, RequestStatus to) {
  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(to, "to");
    roles = Sets.ofEnums(roles, Role.class);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("transition " + from + " --" + action + "--> " + to + " has no role");
    }
  }
}
