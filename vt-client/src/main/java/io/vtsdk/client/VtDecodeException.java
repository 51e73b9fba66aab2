package io.vtsdk.client;

import org.apiguardian.api.API;

/** An answer the client could not read: malformed or truncated JSON, an unexpected shape or content type. */
@API(status = API.Status.STABLE, since = "0.1")
public final class VtDecodeException extends VtException {
  private static final long serialVersionUID = 1L;

  VtDecodeException(String message, int status, String correlationId, String requestId, Throwable cause) {
    super(message, status, VtErrorCode.DECODE, correlationId, requestId, cause);
  }
}
