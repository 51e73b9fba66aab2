package io.vtsdk.client.psc;

import org.apiguardian.api.API;

/**
 * A Pro Santé Connect login or token refresh that failed, with its {@link Reason}. The message names the step and the
 * provider's error code; it never contains a token, a code or a personal trait, so it can be logged.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PscAuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, and so what the application does next. */
  public enum Reason {
    /** The provider's discovery document could not be read: check the issuer URL; retry later. */
    DISCOVERY_FAILED,
    /** No professional is logged in with this provider: start a login ({@link PscTokenProvider#startLogin()}). */
    NOT_LOGGED_IN,
    /** The provider answered the login with an error (the professional cancelled, or the request was refused). */
    LOGIN_REFUSED,
    /** The callback's {@code state} is not the login's: a forged or mixed-up callback; start again. */
    STATE_MISMATCH,
    /** The callback comes from another issuer than the one asked (RFC 9207 mix-up defence). */
    ISSUER_MISMATCH,
    /** The token endpoint refused the code (expired, used, or PKCE verifier not matching): start again. */
    CODE_REFUSED,
    /** The ID token does not verify (signature, issuer, audience, expiry or nonce). */
    ID_TOKEN_INVALID,
    /** The token endpoint refused this client's authentication (secret or key): a configuration problem. */
    CLIENT_REFUSED,
    /** The refresh token was refused (expired, revoked or already used): the professional logs in again. */
    SESSION_EXPIRED,
    /** The provider could not be reached, or answered something unreadable: retry later. */
    UNREACHABLE
  }

  private final Reason reason;

  PscAuthException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  PscAuthException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
