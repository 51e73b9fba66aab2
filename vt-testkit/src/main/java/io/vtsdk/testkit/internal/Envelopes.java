package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.TaskStatus;
import java.util.List;
import java.util.Set;

/** Response envelopes whose lists are always present, even empty (VtJson omits empty collections). Not API. */
final class Envelopes {
  private Envelopes() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Items(@JsonInclude(JsonInclude.Include.ALWAYS) List<?> items, String nextCursor) {
    static Items of(List<?> items) {
      return new Items(items, null);
    }
  }

  record Actions(RequestStatus status, TaskStatus taskStatus,
      @JsonInclude(JsonInclude.Include.ALWAYS) Set<Action> actions) {}

  record Report(Stage stage, boolean valid, @JsonInclude(JsonInclude.Include.ALWAYS) List<Violation> violations) {}
}
