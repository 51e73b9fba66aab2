package io.vtsdk.server.psc;

import org.apiguardian.api.API;

/** A Pro Santé Connect access token refused, with the reason (never the token). */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PscTokenException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a token is refused. */
  public enum Reason {
    /** Not a signed JWT, or its claims are not readable. */
    MALFORMED,
    /** The signature does not verify with the issuer's keys (or its key is unknown). */
    BAD_SIGNATURE,
    /** Issued by someone else. */
    WRONG_ISSUER,
    /** Not meant for this service. */
    WRONG_AUDIENCE,
    /** Past its expiry. */
    EXPIRED,
    /** A required claim is missing. */
    MISSING_CLAIM,
    /** The authentication level ({@code acr}) is below what this service requires. */
    INSUFFICIENT_AUTHENTICATION
  }

  private final Reason reason;

  public PscTokenException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
