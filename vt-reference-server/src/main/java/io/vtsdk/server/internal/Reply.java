package io.vtsdk.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A successful answer: status, headers, JSON body (already serialised) — or, for a stream, what writes it once the
 * headers are sent ({@link #stream(String, Streamer)}). Not API.
 */
public record Reply(int status, Map<String, String> headers, byte[] body, Streamer streamer) {
  public Reply {
    headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  public Reply(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, null);
  }

  /** Writes a streamed body on its own thread (the server's workers are not held); closing ends the answer. */
  @FunctionalInterface
  public interface Streamer {
    void write(OutputStream out) throws IOException, InterruptedException;
  }

  /** A 200 whose body {@code streamer} writes as it goes, of {@code contentType}. */
  static Reply stream(String contentType, Streamer streamer) {
    return new Reply(200, Map.of("Content-Type", contentType, "Cache-Control", "no-store"), new byte[0], streamer);
  }

  static Reply json(int status, byte[] body) {
    return new Reply(status, Map.of(), body);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body, streamer);
  }
}
