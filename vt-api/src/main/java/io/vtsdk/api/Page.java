package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One page of a listing: the items and the opaque cursor of the next page ({@code null}: no more, for listings; for
 * the change feed it is always given, to resume from later). Cursors are encrypted positions: they reveal nothing of
 * other callers' activity.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(@JsonInclude(JsonInclude.Include.ALWAYS) List<T> items, String nextCursor) {
  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** A page holding every item: no next page. */
  public static <T> Page<T> of(List<T> items) {
    return new Page<>(items, null);
  }

  /** True when another page follows ({@link #nextCursor()} is given). */
  public boolean hasNext() {
    return nextCursor != null;
  }
}
