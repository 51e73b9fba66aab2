package io.vtsdk.client;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What went wrong, from the problem {@code type} of a VT error answer ({@code https://vtsdk.io/problems/<code>}), or
 * from the HTTP status when the answer had no problem body. New codes from a newer server read as {@link #UNKNOWN}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum VtErrorCode {
  BAD_REQUEST,
  INVALID_BODY,
  VALIDATION_FAILED,
  /** 422: VT would not send: an eligibility rule of the orientation is not met (the violations name it). */
  INELIGIBLE,
  NO_RULE_SET,
  UNAUTHORIZED,
  FORBIDDEN,
  NOT_FOUND,
  METHOD_NOT_ALLOWED,
  CONFLICT,
  ILLEGAL_TRANSITION,
  IDEMPOTENCY_KEY_REUSED,
  /** 409: a call with the same {@code Idempotency-Key} is still being handled; retried like a 503. */
  IDEMPOTENCY_IN_PROGRESS,
  PRECONDITION_FAILED,
  PRECONDITION_REQUIRED,
  PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE,
  RATE_LIMITED,
  UNAVAILABLE,
  INTERNAL_ERROR,
  /** A transport failure: no HTTP answer (connection refused or dropped, timeout). */
  TRANSPORT,
  /** An answer that could not be read (malformed or truncated body, unexpected shape). */
  DECODE,
  UNKNOWN;

  private static final String PREFIX = "https://vtsdk.io/problems/";

  /** The code of a problem {@code type} URI; {@link #UNKNOWN} for null or unknown types. */
  public static VtErrorCode fromProblemType(String type) {
    if (type == null || !type.startsWith(PREFIX)) {
      return UNKNOWN;
    }
    String name = type.substring(PREFIX.length()).replace('-', '_').toUpperCase(Locale.ROOT);
    for (VtErrorCode c : values()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return UNKNOWN;
  }

  /** The usual code of an HTTP status, for answers without a problem body. */
  public static VtErrorCode fromStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 409 -> CONFLICT;
      case 412 -> PRECONDITION_FAILED;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> VALIDATION_FAILED;
      case 428 -> PRECONDITION_REQUIRED;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : UNKNOWN;
    };
  }
}
