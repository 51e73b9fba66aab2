package io.vtsdk.server.internal;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.api.Event;
import io.vtsdk.api.Page;
import io.vtsdk.core.Principal;
import io.vtsdk.core.EventService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/events/stream}: the change feed as server-sent events (text/event-stream), filtered by the caller's
 * visibility like {@code /v1/events}. Each event has its cursor as {@code id}, its type as {@code event} and the Event
 * JSON as {@code data}; a reconnecting EventSource sends the last id as {@code Last-Event-ID} and resumes after it.
 * Every stream begins with a {@code stream.open} event whose id is its start position (data {@code {}}). A
 * stream waits on the core's commits (and polls every second, for writes by other servers on a shared database),
 * sends a comment every 15 s, and ends after 50 s by default ({@code ReferenceServer.Builder.eventStreamDuration}) —
 * the JDK server closes an answer after 60 s — with {@code retry} telling the client to come back at once. Not API.
 */
final class EventStream implements Reply.Streamer {
  private static final long POLL_MILLIS = 1_000;
  private static final long KEEP_ALIVE_MILLIS = 5_000; // a gone client is noticed at the second write after it left
  private static final int PAGE = 200;
  /** The type of the first event of every stream, carrying only its start position as id. */
  static final String OPEN = "stream.open";

  private final EventService events;
  private final Principal principal;
  private final JsonMapper json;
  private final long maxDurationMillis;
  private String cursor;

  EventStream(EventService events, Principal principal, String cursor, JsonMapper json, long maxDurationMillis) {
    this.events = events;
    this.principal = principal;
    this.cursor = cursor;
    this.json = json;
    this.maxDurationMillis = maxDurationMillis;
  }

  @Override
  public void write(OutputStream out) throws IOException, InterruptedException {
    long start = System.nanoTime();
    long lastWrite = start;
    long seen = 0;
    // The start position first, as the id of a "stream.open" event: a client reconnecting before any real event
    // resumes from here (Last-Event-ID), so nothing committed between two connections is missed.
    out.write(("retry: 1000\n\nid: " + cursor + "\nevent: " + OPEN + "\ndata: {}\n\n")
        .getBytes(StandardCharsets.UTF_8));
    out.flush();
    while (!Thread.currentThread().isInterrupted() && millisSince(start) < maxDurationMillis) {
      Page<Event> page = events.page(principal, cursor, PAGE);
      for (Event e : page.items()) {
        out.write(("id: " + e.cursor() + "\nevent: " + e.type() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.write(json.writeValueAsBytes(e)); // one line: the mapper does not indent
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
      }
      if (!page.items().isEmpty()) {
        cursor = page.nextCursor();
        out.flush();
        lastWrite = System.nanoTime();
        if (page.items().size() == PAGE) {
          continue; // more are waiting
        }
      } else if (millisSince(lastWrite) >= KEEP_ALIVE_MILLIS) {
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastWrite = System.nanoTime();
      }
      seen = events.awaitWrite(seen, Math.min(POLL_MILLIS, Math.max(1, maxDurationMillis - millisSince(start))));
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
