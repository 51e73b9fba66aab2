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

    /**
     * A page of the elements of {@code inOrder} that match, after position {@code after} (1-based; 0 = from the
     * start). The cursor is a position in insertion order, so it stays valid as long as nothing is removed (only a
     * reset removes data), whatever the ids look like.
     */
    static <T> Items page(Iterable<T> inOrder, java.util.function.Predicate<? super T> filter, long after, int limit) {
      List<T> out = new java.util.ArrayList<>(Math.min(limit, 64));
      long position = 0;
      for (T t : inOrder) {
        position++;
        if (position <= after || !filter.test(t)) {
          continue;
        }
        if (out.size() == limit) {
          return new Items(out, String.valueOf(position - 1)); // resume just before the first one left out
        }
        out.add(t);
      }
      return new Items(out, null);
    }
  }

  record Actions(RequestStatus status, TaskStatus taskStatus,
      @JsonInclude(JsonInclude.Include.ALWAYS) Set<Action> actions) {}

  record Report(Stage stage, boolean valid, @JsonInclude(JsonInclude.Include.ALWAYS) List<Violation> violations) {}
}
