package io.vtsdk.client;

import org.apiguardian.api.API;

/**
 * Makes the client's exceptions for its internal package (their constructors are not public: applications catch
 * them, they do not make them). Not API: it may change or go at any release.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class VtExceptions {
  private VtExceptions() {}

  /**
   * The typed exception of an error answer: one subclass per status the API documents (401, 403, 404, 409, 412,
   * 422 validation, 429, 5xx), else {@link VtApiException}.
   *
   * @param from the current status of a 409 illegal transition, or null
   * @param action its refused action, or null
   * @param role the caller's role it names, or null
   * @param currentVersion the current version of a 412, or -1
   * @param retryAfterSeconds the Retry-After of a 429, or -1
   */
  public static VtApiException api(String message, int status, VtErrorCode code, String correlationId,
      String requestId, io.vtsdk.api.Problem problem, String from, String action, String role,
      long currentVersion, long retryAfterSeconds) {
    return switch (status) {
      case 401 -> new VtApiException.Unauthorized(message, status, code, correlationId, requestId, problem);
      case 403 -> new VtApiException.Forbidden(message, status, code, correlationId, requestId, problem);
      case 404 -> new VtApiException.NotFound(message, status, code, correlationId, requestId, problem);
      case 409 -> new VtApiException.Conflict(message, status, code, correlationId, requestId, problem, from,
          action, role);
      case 412 -> new VtApiException.ConcurrentModification(message, status, code, correlationId, requestId,
          problem, currentVersion);
      case 422 -> code == VtErrorCode.VALIDATION_FAILED || code == VtErrorCode.INELIGIBLE
          ? new VtApiException.Validation(message, status, code, correlationId, requestId, problem)
          : new VtApiException(message, status, code, correlationId, requestId, problem);
      case 429 -> new VtApiException.RateLimited(message, status, code, correlationId, requestId, problem,
          retryAfterSeconds);
      default -> status >= 500 ? new VtApiException.Server(message, status, code, correlationId, requestId, problem)
          : new VtApiException(message, status, code, correlationId, requestId, problem);
    };
  }

  /** No answer: a connection, a timeout, an interruption. */
  public static VtTransportException transport(String message, String correlationId, int attempts, Throwable cause) {
    return new VtTransportException(message, correlationId, attempts, cause);
  }

  /** An answer that could not be read as the expected JSON (or whose checksum does not match). */
  public static VtDecodeException decode(String message, int status, String correlationId, String requestId,
      Throwable cause) {
    return new VtDecodeException(message, status, correlationId, requestId, cause);
  }
}
