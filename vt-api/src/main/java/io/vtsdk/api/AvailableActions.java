package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.TaskStatus;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the caller may do on a request now, given its status and the caller's role: the actions, and among them the
 * answers it may post to {@code /responses}, as the response kinds that body takes.
 *
 * @param responseKinds the {@code kind} values {@code POST /v1/requests/{id}/responses} accepts now
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AvailableActions(RequestStatus status, TaskStatus taskStatus,
    @JsonInclude(JsonInclude.Include.ALWAYS) Set<Action> actions,
    @JsonInclude(JsonInclude.Include.ALWAYS) Set<ResponseKind> responseKinds) {

  public AvailableActions {
    actions = actions == null ? Set.of() : Set.copyOf(actions);
    responseKinds = responseKinds == null ? Set.of() : Set.copyOf(responseKinds);
  }

  /** The actions of a request of {@code module}, with the response kinds of that module they allow. */
  public static AvailableActions of(RequestStatus status, Set<Action> actions, VtModule module) {
    Set<ResponseKind> kinds = new java.util.TreeSet<>();
    for (ResponseKind k : VtModules.of(module).responseKinds()) {
      if (actions.contains(k.action())) {
        kinds.add(k);
      }
    }
    return new AvailableActions(status, status.taskStatus(), actions, kinds);
  }
}
