package io.vtsdk.client;

import io.vtsdk.api.Problem;
import io.vtsdk.model.validation.Violation;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An error answer of the reference server's {@code /v1} API ({@code application/problem+json}). The subclasses are the cases callers handle
 * differently; other statuses (400, 405, 413, 415, 428…) are plain {@code VtApiException}s with their
 * {@link #code()}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed class VtApiException extends VtException
    permits VtApiException.Validation, VtApiException.NotFound, VtApiException.Conflict,
        VtApiException.ConcurrentModification, VtApiException.Unauthorized, VtApiException.Forbidden,
        VtApiException.RateLimited, VtApiException.Server {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  VtApiException(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem) {
    super(message, status, code, correlationId, requestId, null);
    this.problem = problem;
  }

  /**
   * The problem document of the answer (the API's own {@link Problem} type, read leniently: members the server did
   * not send are null or empty, as from a server of another make); null when the answer was not one.
   *
   * @since 0.1; the API's {@code Problem} since 0.3 (before, a record of this class with the same accessors)
   */
  public Problem problem() {
    return problem;
  }

  /** 422 {@code validation-failed}: the data is invalid; {@link #violations()} says where and why. */
  public static final class Validation extends VtApiException {
    private static final long serialVersionUID = 1L;

    Validation(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem) {
      super(message, status, code, correlationId, requestId, problem);
    }

    /** Each violation's JSON-pointer path, stable code and message (in the requested language). */
    public List<Violation> violations() {
      return problem().violations();
    }
  }

  /** 404: the resource does not exist or is not visible to the caller's unit. */
  public static final class NotFound extends VtApiException {
    private static final long serialVersionUID = 1L;

    NotFound(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem) {
      super(message, status, code, correlationId, requestId, problem);
    }
  }

  /**
   * 409: the action does not exist from the current status ({@link VtErrorCode#ILLEGAL_TRANSITION}, with
   * {@link #from()}, {@link #action()} and {@link #role()}), or another conflict (already sent to a unit…).
   */
  public static final class Conflict extends VtApiException {
    private static final long serialVersionUID = 1L;
    private final String from;
    private final String action;
    private final String role;

    Conflict(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem, String from,
        String action, String role) {
      super(message, status, code, correlationId, requestId, problem);
      this.from = from;
      this.action = action;
      this.role = role;
    }

    /** The status the request was in (illegal transitions), else null. */
    public String from() {
      return from;
    }

    public String action() {
      return action;
    }

    public String role() {
      return role;
    }
  }

  /** 412: the resource changed since it was read; read it again (its version is {@link #currentVersion()}). */
  public static final class ConcurrentModification extends VtApiException {
    private static final long serialVersionUID = 1L;
    private final long currentVersion;

    ConcurrentModification(String message, int status, VtErrorCode code, String correlationId,
        String requestId, Problem problem, long currentVersion) {
      super(message, status, code, correlationId, requestId, problem);
      this.currentVersion = currentVersion;
    }

    /** The version on the server, or -1 if the server did not say. */
    public long currentVersion() {
      return currentVersion;
    }
  }

  /** 401: the token is missing, invalid or expired (after one refresh and retry). */
  public static final class Unauthorized extends VtApiException {
    private static final long serialVersionUID = 1L;

    Unauthorized(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem) {
      super(message, status, code, correlationId, requestId, problem);
    }
  }

  /** 403: the caller's role may not do this (the problem may name the action and role). */
  public static final class Forbidden extends VtApiException {
    private static final long serialVersionUID = 1L;

    Forbidden(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem) {
      super(message, status, code, correlationId, requestId, problem);
    }
  }

  /** 429 after the retries: slow down; {@link #retryAfterSeconds()} is the server's hint (-1 if none). */
  public static final class RateLimited extends VtApiException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    RateLimited(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem,
        long retryAfterSeconds) {
      super(message, status, code, correlationId, requestId, problem);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** 5xx after the retries. */
  public static final class Server extends VtApiException {
    private static final long serialVersionUID = 1L;

    Server(String message, int status, VtErrorCode code, String correlationId, String requestId,
        Problem problem) {
      super(message, status, code, correlationId, requestId, problem);
    }
  }
}
