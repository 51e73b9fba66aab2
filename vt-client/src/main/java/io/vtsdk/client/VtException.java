package io.vtsdk.client;

import org.apiguardian.api.API;

/**
 * Every failure of a VT call. Unchecked and sealed: an HTTP error answer ({@link VtApiException} and its
 * subclasses), no answer at all ({@link VtTransportException}), or an answer that could not be read
 * ({@link VtDecodeException}).
 *
 * <p>The message gives the method, the path, the status and the correlation id; it never contains a request or
 * response body, so it can be logged.
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract sealed class VtException extends RuntimeException
    permits VtApiException, VtTransportException, VtDecodeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final VtErrorCode code;
  private final String correlationId;
  private final String requestId;

  VtException(String message, int status, VtErrorCode code, String correlationId, String requestId,
      Throwable cause) {
    super(message + (correlationId == null ? "" : " [correlation id " + correlationId
        + (requestId == null ? "" : ", request id " + requestId) + "]"), cause);
    this.status = status;
    this.code = code;
    this.correlationId = correlationId;
    this.requestId = requestId;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  public VtErrorCode code() {
    return code;
  }

  /**
   * The {@code X-Correlation-Id} of the call (sent by the client, echoed by the server): quote it to VT support.
   */
  public String correlationId() {
    return correlationId;
  }

  /** The server's id for the answer ({@code X-Request-Id}), or null when there was no answer or none was sent. */
  public String requestId() {
    return requestId;
  }
}
