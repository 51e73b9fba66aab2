package io.vtsdk.client;

import io.vtsdk.api.Event;
import io.vtsdk.api.Page;
import org.apiguardian.api.API;

/**
 * Follows the change feed from a stored watermark: {@link #syncOnce()} reads the events after it, page by page,
 * hands each to the handler and saves the event's cursor right after the handler returns. Memory is one page,
 * whatever the backlog.
 *
 * <p>Guarantees: no gap (the watermark never passes an event the handler has not finished), and no duplicate except
 * the event being handled when the process died, which is handed again after the restart — unless the handler and
 * {@link WatermarkStore#save} commit together (same transaction), which makes it exactly once. A handler that throws
 * stops the sync; the watermark stays before that event, so the next sync retries it.
 *
 * <pre>{@code
 * EventSync sync = client.events().sync(myStore, event -> updateChart(event));
 * int handled = sync.syncOnce();          // call it on your own schedule
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EventSync {
  /** Handles one event. */
  @FunctionalInterface
  public interface Handler {
    void handle(Event event) throws Exception;
  }

  /** A handler failed; the watermark is before {@link #event()}. */
  public static final class HandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Event event;

    HandlerException(Event event, Exception cause) {
      super("the event handler failed on event " + event.cursor() + " (" + event.type() + "); the watermark stays "
          + "before it", cause);
      this.event = event;
    }

    public Event event() {
      return event;
    }
  }

  private final Events events;
  private final WatermarkStore store;
  private final Handler handler;
  private final int pageSize;

  EventSync(Events events, WatermarkStore store, Handler handler, int pageSize) {
    this.events = events;
    this.store = store;
    this.handler = handler;
    this.pageSize = pageSize;
  }

  /** A copy reading pages of {@code n} events (1–1000; default 500). */
  public EventSync pageSize(int n) {
    if (n < 1 || n > 1000) {
      throw new IllegalArgumentException("pageSize must be between 1 and 1000, was " + n);
    }
    return new EventSync(events, store, handler, n);
  }

  /**
   * Handles every event after the watermark, up to the end of the feed.
   *
   * @return how many events were handled
   * @throws HandlerException when the handler throws (events before it are saved)
   * @throws VtException when a page cannot be read (events before it are saved)
   */
  public int syncOnce() {
    int handled = 0;
    String cursor = store.load();
    String saved = cursor; // what the store holds: read once, then kept in step with each save
    while (true) {
      Page<Event> page = events.page(cursor, pageSize);
      for (Event e : page.items()) {
        try {
          handler.handle(e);
        } catch (Exception ex) {
          throw new HandlerException(e, ex);
        }
        store.save(e.cursor());
        saved = e.cursor();
        handled++;
      }
      String next = page.nextCursor();
      if (next != null && !next.equals(cursor) && !next.equals(saved)) {
        store.save(next); // past events not visible to the caller: never read them again
        saved = next;
      }
      if (page.items().isEmpty() || next == null || next.equals(cursor)) {
        return handled;
      }
      cursor = next;
    }
  }
}
