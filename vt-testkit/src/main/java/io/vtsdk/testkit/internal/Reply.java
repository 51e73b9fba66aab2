package io.vtsdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A successful answer: status, headers, JSON body (already serialised). Not API. */
public record Reply(int status, Map<String, String> headers, byte[] body) {
  public Reply {
    headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  static Reply json(int status, byte[] body) {
    return new Reply(status, Map.of(), body);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body);
  }
}
