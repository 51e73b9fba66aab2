package io.vtsdk.server.psc;

import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A client (relying party) registered at the {@link PscSimulator}: its id, how it authenticates at the token endpoint
 * (a client secret, or {@code private_key_jwt} with its RSA public key), its redirect URIs and the audience of the
 * access tokens it gets.
 *
 * <p>A redirect URI on a loopback address matches whatever its port (RFC 8252 §7.3), if it is a port (1–65535);
 * everything else — user info, path and query as sent, percent-encoding included — must match exactly (RFC 9700 §4.1).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PscClientRegistration(String clientId, String secret, RSAKey publicKey, List<URI> redirectUris,
    String audience) {

  public PscClientRegistration {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(audience, "audience");
    redirectUris = List.copyOf(redirectUris);
    if ((secret == null) == (publicKey == null)) {
      throw new IllegalArgumentException("give a client secret or a public key (private_key_jwt), not both");
    }
    if (publicKey != null && publicKey.isPrivate()) {
      publicKey = publicKey.toPublicJWK(); // the simulator keeps only the public part
    }
  }

  /** A client authenticating with a secret (client_secret_basic or client_secret_post). */
  public static PscClientRegistration withSecret(String clientId, String secret, String audience,
      URI... redirectUris) {
    return new PscClientRegistration(clientId, Objects.requireNonNull(secret, "secret"), null,
        List.of(redirectUris), audience);
  }

  /** A client authenticating with a JWT signed by its private key (private_key_jwt, RS256). */
  public static PscClientRegistration withPrivateKeyJwt(String clientId, RSAKey publicKey, String audience,
      URI... redirectUris) {
    return new PscClientRegistration(clientId, null, Objects.requireNonNull(publicKey, "publicKey"),
        List.of(redirectUris), audience);
  }

  boolean allows(URI redirect) {
    if (redirect == null) {
      return false;
    }
    for (URI u : redirectUris) {
      if (u.toString().equals(redirect.toString())) { // as registered, character for character
        return true;
      }
      if (isLoopback(u) && isLoopback(redirect) && u.getScheme().equals(redirect.getScheme())
          && u.getHost().equals(redirect.getHost()) && Objects.equals(u.getRawPath(), redirect.getRawPath())
          && Objects.equals(u.getRawQuery(), redirect.getRawQuery()) && redirect.getRawUserInfo() == null
          && redirect.getRawFragment() == null && redirect.getPort() >= 1 && redirect.getPort() <= 65535) {
        return true; // RFC 8252 §7.3: any port on a loopback redirect — a real one; all else exactly as registered
      }
    }
    return false;
  }

  private static boolean isLoopback(URI u) {
    return "http".equals(u.getScheme()) && ("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost())
        || "[::1]".equals(u.getHost()));
  }

  /** No secret. */
  @Override
  public String toString() {
    return "PscClientRegistration[" + clientId + ", " + (secret != null ? "client secret" : "private_key_jwt")
        + ", audience=" + audience + "]";
  }
}
