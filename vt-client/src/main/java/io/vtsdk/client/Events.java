package io.vtsdk.client;

import io.vtsdk.api.Page;
import io.vtsdk.api.Event;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import java.util.Objects;
import org.apiguardian.api.API;

/** The change feed {@code /v1/events}: what changed that the caller may see, in order, with a stable cursor. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Events {
  private final Pipeline p;
  private final Endpoints e;

  Events(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Up to {@code limit} (1–1000) events after {@code cursor} ({@code null}: from the start). */
  public Page<Event> page(String cursor, int limit) {
    return page(cursor, limit, RequestOptions.none());
  }

  public Page<Event> page(String cursor, int limit, RequestOptions o) {
    return p.execute(e.events(cursor, limit, o));
  }

  /**
   * Follows the feed live (server-sent events): each event after {@code after} goes to {@code listener},
   * reconnecting as needed; close the returned stream to stop. With {@code after} null the stream starts when it is
   * connected ({@link EventStream#isConnected()}), not when this returns: pass a cursor to miss nothing in between.
   * See {@link EventStream}.
   */
  public EventStream stream(String after, EventStream.Listener listener) {
    return new EventStream(p, after, listener);
  }

  /**
   * A helper that hands each new event to {@code handler} once and saves the watermark in {@code store} after the
   * handler returns. See {@link EventSync}.
   */
  public EventSync sync(WatermarkStore store, EventSync.Handler handler) {
    return new EventSync(this, Objects.requireNonNull(store, "store"), Objects.requireNonNull(handler, "handler"),
        500);
  }
}
