package io.vtsdk.server.internal;

import io.vtsdk.model.validation.Violation;
import java.util.List;
import java.util.Map;

/** An error answer of the reference server, turned into application/problem+json by the router. Not API. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String code;
  final transient List<Violation> violations;
  final transient Map<String, Object> extensions;

  public ApiException(int status, String code, String detail) {
    this(status, code, detail, List.of(), Map.of());
  }

  public ApiException(int status, String code, String detail, List<Violation> violations,
      Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.violations = List.copyOf(violations);
    this.extensions = Map.copyOf(extensions);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The same error with {@code prefix} before its detail (to say which item of a batch failed). */
  ApiException prefixed(String prefix) {
    return new ApiException(status, code, prefix + getMessage(), violations, extensions);
  }

  /** The detail and, for validation, each violation's path and code (never the rejected value). */
  public String describe() {
    StringBuilder sb = new StringBuilder(getMessage());
    for (Violation v : violations) {
      sb.append("; ").append(v.path().isEmpty() ? "/" : v.path()).append(' ').append(v.code()).append(": ")
          .append(v.message());
    }
    return sb.toString();
  }

  /** The HTTP form of a refusal of the core. */
  public static ApiException of(io.vtsdk.core.VtCoreException e) {
    int status = switch (e.kind()) {
      case BAD_INPUT -> 400;
      case NOT_FOUND -> 404;
      case FORBIDDEN -> 403;
      case CONFLICT, ILLEGAL_TRANSITION -> 409;
      case STALE -> 412;
      case INVALID -> 422;
      case CAPACITY -> "payload-too-large".equals(e.code()) ? 413 : 507;
    };
    Map<String, Object> ext = new java.util.LinkedHashMap<>(e.details());
    if (e.kind() == io.vtsdk.core.VtCoreException.Kind.STALE && ext.get("currentVersion") instanceof Long v) {
      ext.put("currentEtag", "\"" + v + "\"");
    }
    return new ApiException(status, e.code(), e.getMessage(), e.violations(), ext);
  }

  static ApiException notFound(String what, String id) {
    return new ApiException(404, "not-found", what + " '" + id + "' not found (or not visible to you)");
  }

  static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", detail);
  }

  static ApiException badRequest(String detail) {
    return new ApiException(400, "bad-request", detail);
  }
}
