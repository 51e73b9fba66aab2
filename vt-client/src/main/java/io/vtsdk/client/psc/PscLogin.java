package io.vtsdk.client.psc;

import java.net.URI;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A login started with {@link PscTokenProvider#startLogin()}: the URL to send the professional's browser to, and the
 * secrets that bind its callback to it (state, nonce, PKCE verifier). Keep it in the user's server-side session
 * until the callback, then give it to {@link PscTokenProvider#completeLogin(PscLogin, URI)}; use it once.
 *
 * <p>{@link #toString()} shows only the authorization endpoint.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PscLogin {
  private final URI authorizationUri;
  final String state;
  final String nonce;
  final String codeVerifier;

  PscLogin(URI authorizationUri, String state, String nonce, String codeVerifier) {
    this.authorizationUri = Objects.requireNonNull(authorizationUri, "authorizationUri");
    this.state = state;
    this.nonce = nonce;
    this.codeVerifier = codeVerifier;
  }

  /** Where to send the professional's browser (a 302 from the application's own page). */
  public URI authorizationUri() {
    return authorizationUri;
  }

  @Override
  public String toString() {
    return "PscLogin[" + authorizationUri.getScheme() + "://" + authorizationUri.getAuthority()
        + authorizationUri.getPath() + "?…]";
  }
}
