package io.vtsdk.client;

import io.vtsdk.api.Event;
import io.vtsdk.client.internal.Pipeline;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.apiguardian.api.API;

/**
 * A live follow of the change feed ({@code GET /v1/events/stream}, server-sent events): each event the caller may see
 * goes to the listener once, in order. When the server ends a stream (it does every 50 s) or the network fails, this
 * reconnects with {@code Last-Event-ID}, so nothing is lost or repeated; an answer that will not change by retrying
 * (401, 403, 400) stops it and is reported. Events are delivered on OkHttp's thread for the stream: a slow listener
 * slows only this stream. {@link #close()} stops it. Thread-safe.
 *
 * <pre>{@code
 * try (EventStream s = client.events().stream(null, new EventStream.Listener() {
 *   public void onEvent(Event e) { inbox.refresh(e.requestId()); }
 * })) {
 *   ...
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class EventStream implements AutoCloseable {
  /** What a stream hands over. */
  public interface Listener {
    void onEvent(Event event);

    /** A connection failed: a transient one is retried after {@code retrying}; otherwise the stream has stopped. */
    default void onFailure(VtException failure, boolean retrying) {}
  }

  private static final long RECONNECT_AFTER_FAILURE_MILLIS = 1_000;
  private static final ScheduledExecutorService RECONNECTS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vt-event-stream-reconnect");
    t.setDaemon(true);
    return t;
  });

  private final Pipeline pipeline;
  private final Listener listener;
  private final Map<String, String> firstQuery;
  private volatile String lastEventId;
  private volatile EventSource current;
  private volatile boolean closed;
  private volatile boolean connected;

  EventStream(Pipeline pipeline, String after, Listener listener) {
    this.pipeline = pipeline;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.firstQuery = after == null ? Map.of() : Map.of("after", after);
    connect();
  }

  /** The id (cursor) of the last event delivered, to resume from later; null before the first. */
  public String lastEventId() {
    return lastEventId;
  }

  /** Whether a connection is open now (false between a server's end of stream and the reconnection). */
  public boolean isConnected() {
    return connected;
  }

  private void connect() {
    if (closed) {
      return;
    }
    String cid = Pipeline.correlationId();
    current = pipeline.openEventStream("/v1/events/stream", lastEventId == null ? firstQuery : Map.of(),
        lastEventId, cid, new EventSourceListener() {
          @Override
          public void onOpen(EventSource source, Response response) {
            connected = true;
          }

          @Override
          public void onEvent(EventSource source, String id, String type, String data) {
            if ("stream.open".equals(type)) {
              if (lastEventId == null) {
                lastEventId = id; // where this stream starts: a reconnection before any event resumes here
              }
              return;
            }
            Event e;
            try {
              e = pipeline.json().readValue(data, Event.class);
            } catch (IOException ex) {
              listener.onFailure(new VtDecodeException("GET /v1/events/stream: an event is not an Event", 200, cid, null, ex),
                  true);
              return;
            }
            listener.onEvent(e);
            lastEventId = id != null ? id : e.cursor();
          }

          @Override
          public void onClosed(EventSource source) {
            connected = false;
            connect(); // the server ends streams periodically: resume after the last event
          }

          @Override
          public void onFailure(EventSource source, Throwable t, Response response) {
            connected = false;
            if (closed) {
              return;
            }
            boolean permanent = response != null && response.code() >= 400 && response.code() < 500
                && response.code() != 429;
            VtException failure = response != null && !response.isSuccessful()
                ? pipeline.toException("GET /v1/events/stream", cid, response)
                : new VtTransportException("GET /v1/events/stream failed", cid, 1, t);
            listener.onFailure(failure, !permanent);
            if (!permanent) {
              RECONNECTS.schedule(EventStream.this::connect, RECONNECT_AFTER_FAILURE_MILLIS, TimeUnit.MILLISECONDS);
            }
          }
        });
  }

  /** Stops following; no event is delivered after this returns (but one being delivered may finish). */
  @Override
  public void close() {
    closed = true;
    EventSource s = current;
    if (s != null) {
      s.cancel();
    }
  }
}
