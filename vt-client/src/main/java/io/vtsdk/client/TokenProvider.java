package io.vtsdk.client;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Supplies the bearer token of each call. Implementations must be thread-safe and should cache: the client asks for
 * a token on every attempt. When the server answers 401, the client calls {@link #invalidate(String)} with the
 * token it used, then retries once with a fresh one.
 *
 * <p>Provided: {@link #of(String)} (a fixed token) and {@link ClientCredentialsTokenProvider} (OAuth 2 client
 * credentials, refreshed before expiry).
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface TokenProvider {
  /** The token to send now (without the {@code Bearer } prefix). */
  String token();

  /** The server refused {@code token}: forget it if it is the cached one. Default: nothing to forget. */
  default void invalidate(String token) {}

  /** A fixed token (tests, long-lived service tokens). {@code toString()} does not show it. */
  static TokenProvider of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    return new TokenProvider() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public String toString() {
        return "TokenProvider.of(***)";
      }
    };
  }
}
