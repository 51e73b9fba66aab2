package io.vtsdk.client.internal;

import io.vtsdk.client.RequestOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * One logical API call, before retries: method, path (already encoded), query, body, extra headers, how to read a
 * successful answer, and the caller's options. Immutable. Not API.
 *
 * @param bodyReplayable whether the body can be sent again on a retry (false for a one-shot stream)
 */
public record ApiCall<T>(String method, String path, Map<String, String> query, RequestBody body,
    boolean bodyReplayable, Map<String, String> headers, Decoder<T> decoder, RequestOptions options) {

  public static final MediaType JSON = MediaType.get("application/json");

  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    Objects.requireNonNull(decoder, "decoder");
    options = options == null ? RequestOptions.none() : options;
  }

  public static <T> ApiCall<T> get(String path, Map<String, String> query, Decoder<T> decoder, RequestOptions o) {
    return new ApiCall<>("GET", path, query, null, true, Map.of(), decoder, o);
  }

  public static <T> ApiCall<T> post(String path, byte[] json, Decoder<T> decoder, RequestOptions o) {
    return new ApiCall<>("POST", path, Map.of(), RequestBody.create(json == null ? new byte[0] : json, JSON), true,
        Map.of(), decoder, o);
  }

  public ApiCall<T> withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiCall<>(method, path, query, body, bodyReplayable, h, decoder, options);
  }

  public ApiCall<T> withQuery(String name, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, String.valueOf(value));
    return new ApiCall<>(method, path, q, body, bodyReplayable, headers, decoder, options);
  }

  /** Reads a successful answer. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(okhttp3.Response response) throws java.io.IOException;
  }
}
