package io.vtsdk.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.api.Page;
import io.vtsdk.core.Written;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.validation.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the {@code /v1} routes share: JSON answers, ETags, the representation cache, parameter parsing. Not API. */
final class V1Replies {
  private final JsonMapper json;

  V1Replies(JsonMapper json) {
    this.json = json;
  }

  JsonMapper json() {
    return json;
  }

  /** The JSON of a stored record, serialised once per version (the cache checks it is the same object). */
  byte[] representation(Object id, Object current) {
    Representation r = representations.get(id);
    if (r != null && r.source() == current) {
      return r.json();
    }
    byte[] bytes = serialise(current);
    representations.put(id, new Representation(current, bytes));
    return bytes;
  }

  private record Representation(Object source, byte[] json) {}

  private final Map<Object, Representation> representations = new java.util.concurrent.ConcurrentHashMap<>();

  static DossierId dossierId(Call c) {
    return DossierId.of(c.path("id"));
  }
  static RequestId requestId(Call c) {
    return RequestId.of(c.path("id"));
  }
  static ApiException invalid(String pointer, String code, String message) {
    return new ApiException(422, "validation-failed", message, List.of(new Violation(pointer, code, message)),
        Map.of());
  }
  static <E extends Enum<E>> E enumParam(Call c, String name, Class<E> type) {
    return codeParam(c, name, v -> Enum.valueOf(type, v), type.getSimpleName());
  }

  /** A code parameter (any case), read by {@code valueOf}; 400 naming the parameter and the vocabulary, never the value. */
  static <T> T codeParam(Call c, String name, java.util.function.Function<String, T> valueOf, String vocabulary) {
    String v = c.query(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return valueOf.apply(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter '" + name + "': not one of the " + vocabulary + " codes");
    }
  }

  static VtModule moduleParam(Call c) {
    return codeParam(c, "module", VtModule::valueOf, "VtModule");
  }
  static int intParam(Call c, String name, int def, int min, int max) {
    String v = c.query(name);
    if (v == null) {
      return def;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw ApiException.badRequest("query parameter '" + name + "' must be between " + min + " and " + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("query parameter '" + name + "' must be an integer");
    }
  }
  Reply page(Page<?> p) {
    return ok(p);
  }
  Reply ok(Object body) {
    return ok(200, body);
  }

  Reply ok(int status, Object body) {
    return Reply.json(status, serialise(body));
  }
  private byte[] serialise(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }
  static Reply withEtag(Reply r, long version) {
    return r.withHeader("ETag", "\"" + version + "\"");
  }

  /** {@code Idempotent-Replayed: true} on the answer of a write the core replayed from its stored result. */
  static Reply replayed(Written<?> w, Reply r) {
    return w.replayed() ? r.withHeader("Idempotent-Replayed", "true") : r;
  }

}
