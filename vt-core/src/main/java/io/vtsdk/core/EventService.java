package io.vtsdk.core;

import io.vtsdk.api.Event;
import io.vtsdk.api.Page;
import io.vtsdk.core.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The change feed: every change of a dossier or a request is an event, visible to whoever sees what it is about.
 * Obtained from {@link VtCore#events()}; thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class EventService {
  private final CoreContext ctx;

  EventService(CoreContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The events the caller may see, after {@code cursor} (null: from the start). The next cursor is the last visible
   * event's, encrypted: it moves only with what the caller sees.
   */
  public Page<Event> page(Principal p, String cursor, int limit) {
    long after = ctx.cursors.decode(cursor, "after");
    return ctx.read(tx -> {
      List<Event> out = new ArrayList<>();
      long position = after;
      long lastVisible = after;
      while (out.size() < limit) {
        List<StoredEvent> batch = tx.eventsOf(p.unit(), position, CoreContext.SCAN_BATCH);
        for (StoredEvent e : batch) {
          position = e.seq();
          if (ctx.policy.canSeeEvent(p, e)) {
            out.add(toEvent(e));
            lastVisible = e.seq();
            if (out.size() == limit) {
              break;
            }
          }
        }
        if (batch.size() < CoreContext.SCAN_BATCH) {
          break;
        }
      }
      return new Page<>(out, ctx.cursors.encode(lastVisible));
    });
  }

  private Event toEvent(StoredEvent e) {
    return new Event(ctx.cursors.encode(e.seq()), e.at(), e.type(), e.module(), e.dossierId(), e.requestId(),
        e.action(), e.actorRole(), e.status(), e.version());
  }

  /**
   * The cursor after the last event {@code p} may see now: a stream started from it gets only what happens next. It
   * is the cursor {@code p} would reach by paging the feed to its end, so it reveals nothing of other units' activity
   * (cursors are deterministic: the store's own end position would). Costs one pass over what {@code p} sees.
   */
  public String end(Principal p) {
    String cursor = null;
    while (true) {
      Page<Event> page = page(p, cursor, 1000);
      if (page.items().isEmpty()) {
        return page.nextCursor();
      }
      cursor = page.nextCursor();
    }
  }

  /**
   * Waits until this core has committed a write after {@code seen} (a value this method returned before, or 0), at
   * most {@code timeoutMillis}; returns the count of writes so far. A live change feed waits here instead of
   * polling; with a shared store, other servers' writes do not wake it, so it also polls at its timeout.
   */
  public long awaitWrite(long seen, long timeoutMillis) throws InterruptedException {
    return ctx.awaitWrite(seen, timeoutMillis);
  }
}
