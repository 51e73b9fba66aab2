package io.vtsdk.core;

import io.vtsdk.model.validation.Violation;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * VT refused an operation. {@link #kind()} says why in terms an adapter maps to its protocol (an HTTP status, an
 * OperationOutcome code, a CLI exit code), {@link #code()} is a stable machine code, the message names what and which
 * rule — never a value the caller sent (no NIR, name, date or free text), so it is safe to log.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class VtCoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The families of refusals. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public enum Kind {
    /** The input is malformed (a parameter, a cursor): HTTP 400. */
    BAD_INPUT,
    /** Not there, or not visible to this principal (the two are not told apart): 404. */
    NOT_FOUND,
    /** Visible, but the policy forbids this principal the operation: 403. */
    FORBIDDEN,
    /** The state does not allow it (already sent, not updatable): 409. */
    CONFLICT,
    /** The workflow has no such transition from the current status: 409. */
    ILLEGAL_TRANSITION,
    /** The version the caller read is not the current one: 412. */
    STALE,
    /** The input breaks validation, routing or eligibility rules: 422, with {@link #violations()}. */
    INVALID,
    /** A bound was reached (storage full): 507 / 503. */
    CAPACITY
  }

  private final Kind kind;
  private final String code;
  private final transient List<Violation> violations;
  private final transient Map<String, Object> details;

  public VtCoreException(Kind kind, String code, String message) {
    this(kind, code, message, List.of(), Map.of());
  }

  public VtCoreException(Kind kind, String code, String message, List<Violation> violations,
      Map<String, Object> details) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.violations = List.copyOf(violations);
    this.details = Map.copyOf(details);
  }

  public Kind kind() {
    return kind;
  }

  /** A stable code: {@code not-found}, {@code forbidden}, {@code validation-failed}, {@code ineligible}… */
  public String code() {
    return code;
  }

  /** For {@link Kind#INVALID}: each broken rule with its JSON pointer and code. */
  public List<Violation> violations() {
    return violations;
  }

  /** Codes and numbers that help the caller (current version, from/to status); never personal data. */
  public Map<String, Object> details() {
    return details;
  }

  /** The same refusal with {@code prefix} before its message (which item of a batch failed). */
  public VtCoreException prefixed(String prefix) {
    return new VtCoreException(kind, code, prefix + getMessage(), violations, details);
  }

  static VtCoreException notFound(String what, String id) {
    return new VtCoreException(Kind.NOT_FOUND, "not-found", what + " '" + id + "' not found (or not visible to you)");
  }

  static VtCoreException forbidden(String message) {
    return new VtCoreException(Kind.FORBIDDEN, "forbidden", message);
  }

  static VtCoreException invalid(String message) {
    return new VtCoreException(Kind.INVALID, "validation-failed", message);
  }

  static VtCoreException invalid(String message, List<Violation> violations) {
    return new VtCoreException(Kind.INVALID, "validation-failed", message, violations, Map.of());
  }

  static VtCoreException conflict(String message) {
    return new VtCoreException(Kind.CONFLICT, "conflict", message);
  }

  static VtCoreException badInput(String message) {
    return new VtCoreException(Kind.BAD_INPUT, "bad-request", message);
  }
}
