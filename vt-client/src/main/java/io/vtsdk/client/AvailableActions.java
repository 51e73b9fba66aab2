package io.vtsdk.client;

import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.TaskStatus;
import java.util.Set;
import org.apiguardian.api.API;

/** What the caller may do on a request now, given its status and the caller's role. */
@API(status = API.Status.STABLE, since = "0.1")
public record AvailableActions(RequestStatus status, TaskStatus taskStatus, Set<Action> actions) {
  public AvailableActions {
    actions = actions == null ? Set.of() : Set.copyOf(actions);
  }
}
