package io.vtsdk.client;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One page of a list: its items and the cursor of the next page ({@code null} on the last page). For all pages, use
 * the {@code listAll} methods, which fetch pages on demand.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }
}
