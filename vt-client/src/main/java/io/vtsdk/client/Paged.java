package io.vtsdk.client;

import io.vtsdk.api.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apiguardian.api.API;

/**
 * Every item of a paginated list, fetched page by page as you iterate (nothing is fetched before). Each iteration
 * starts again from the first page. A failing page fetch throws its {@link VtException} from {@code hasNext()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Paged<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetch;

  /** @param fetch the page after a cursor ({@code null}: the first page) */
  public Paged(Function<String, Page<T>> fetch) {
    this.fetch = java.util.Objects.requireNonNull(fetch, "fetch");
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      Iterator<T> current;
      String cursor;
      boolean last;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (last) {
            return false;
          }
          Page<T> page = fetch.apply(cursor);
          current = page.items().iterator();
          cursor = page.nextCursor();
          last = cursor == null;
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** A sequential, lazy stream of every item. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }
}
