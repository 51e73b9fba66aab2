package io.vtsdk.client;

import org.apiguardian.api.API;

/**
 * No HTTP answer: the connection was refused or dropped, or the call timed out — after the retries the client was
 * allowed. A POST may have been applied by the server; retrying it with the same {@code Idempotency-Key} (the client
 * does) is safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class VtTransportException extends VtException {
  private static final long serialVersionUID = 1L;
  private final int attempts;

  VtTransportException(String message, String correlationId, int attempts, Throwable cause) {
    super(message + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"), 0, VtErrorCode.TRANSPORT,
        correlationId, null, cause);
    this.attempts = attempts;
  }

  /** How many times the call was tried. */
  public int attempts() {
    return attempts;
  }
}
