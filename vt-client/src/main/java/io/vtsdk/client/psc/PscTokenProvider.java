package io.vtsdk.client.psc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.vtsdk.client.TokenProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * Pro Santé Connect for an EHR backend: logs a professional in with the authorization code flow and PKCE (S256),
 * checks the ID token, then supplies their access token to {@link io.vtsdk.client.VtClient} and refreshes it
 * {@code refreshBefore} its expiry — one refresh at a time, however many threads ask. Built on Nimbus
 * ({@code com.nimbusds:oauth2-oidc-sdk}, an optional dependency of vt-client: add it to use this class).
 *
 * <pre>{@code
 * PscTokenProvider psc = PscTokenProvider.builder(URI.create("https://…/psc"))   // the issuer (discovery)
 *     .clientId("my-ehr").clientSecret(secret).redirectUri(URI.create("https://ehr.example/psc/callback"))
 *     .build();
 * PscLogin login = psc.startLogin();           // keep it in the user's session
 * // redirect the browser to login.authorizationUri(); PSC sends it back to the redirect URI, then:
 * psc.completeLogin(login, callbackUri);       // throws PscAuthException with its Reason
 * VtClient vt = VtClient.builder().baseUrl(vtUrl).tokenProvider(psc).actingUnit(UnitId.of("U-CARDIO-HCL")).build();
 * }</pre>
 *
 * <p>One provider holds one professional's session: build one per logged-in user. Thread-safe. Errors are
 * {@link PscAuthException}s; {@link #token()} throws one with {@link PscAuthException.Reason#SESSION_EXPIRED} when the
 * professional must log in again. Nothing personal or secret is logged or printed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PscTokenProvider implements TokenProvider {
  private final Issuer issuer;
  private final ClientID clientId;
  private final Secret clientSecret;
  private final RSAKey clientKey;
  private final URI redirectUri;
  private final Scope scope;
  private final Duration refreshBefore;
  private final Clock clock;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile OIDCProviderMetadata metadata;
  private volatile IDTokenValidator idTokens;
  /** The current tokens, replaced as a whole; null before a login, after {@link #logout()} or a refused refresh. */
  private volatile Session session;

  /** What the provider holds of a logged-in professional. */
  private record Session(String accessToken, Instant expiresAt, RefreshToken refreshToken, String subject,
      String acr) {}

  private PscTokenProvider(Builder b) {
    this.issuer = new Issuer(b.issuer.toString());
    this.clientId = new ClientID(require(b.clientId, "clientId"));
    if ((b.clientSecret == null) == (b.clientKey == null)) {
      throw new IllegalStateException("give a clientSecret or a privateKeyJwt key, one of them");
    }
    this.clientSecret = b.clientSecret == null ? null : new Secret(b.clientSecret);
    this.clientKey = b.clientKey;
    this.redirectUri = Objects.requireNonNull(b.redirectUri, "redirectUri is required");
    this.scope = Scope.parse(b.scope);
    this.refreshBefore = b.refreshBefore;
    this.clock = b.clock;
    this.connectTimeoutMillis = (int) b.connectTimeout.toMillis();
    this.readTimeoutMillis = (int) b.readTimeout.toMillis();
  }

  private static String require(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is required");
    }
    return v;
  }

  /** A provider for the OpenID provider {@code issuer} (its discovery document is read on first use). */
  public static Builder builder(URI issuer) {
    return new Builder(issuer);
  }

  // ------------------------------------------------------------------------------------------------ login

  /** Starts a login: the URL to send the browser to, with a fresh state, nonce and PKCE verifier. */
  public PscLogin startLogin() {
    OIDCProviderMetadata op = metadata();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId,
        redirectUri).endpointURI(op.getAuthorizationEndpointURI()).state(state).nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256).build();
    return new PscLogin(request.toURI(), state.getValue(), nonce.getValue(), verifier.getValue());
  }

  /**
   * Completes {@code login} with the callback the browser brought back (the redirect URI with its query): checks the
   * state and issuer, exchanges the code with the PKCE verifier, checks the ID token (signature from the provider's
   * JWKS, issuer, audience, expiry, nonce), and keeps the tokens. Returns the professional's {@code sub}.
   *
   * @throws PscAuthException with the reason (LOGIN_REFUSED, STATE_MISMATCH, ISSUER_MISMATCH, CODE_REFUSED,
   *     ID_TOKEN_INVALID, CLIENT_REFUSED, UNREACHABLE)
   */
  public String completeLogin(PscLogin login, URI callback) {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(callback, "callback");
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(callback);
    } catch (ParseException e) {
      throw new PscAuthException(PscAuthException.Reason.LOGIN_REFUSED, "the callback is not an OpenID Connect "
          + "authentication response");
    }
    if (!login.state.equals(response.getState() == null ? null : response.getState().getValue())) {
      throw new PscAuthException(PscAuthException.Reason.STATE_MISMATCH, "the callback's state is not the login's");
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = ((AuthenticationErrorResponse) response).getErrorObject();
      throw new PscAuthException(PscAuthException.Reason.LOGIN_REFUSED, "Pro Santé Connect refused the login: "
          + error.getCode());
    }
    AuthenticationSuccessResponse success = response.toSuccessResponse();
    if (success.getIssuer() != null && !issuer.equals(success.getIssuer())) {
      throw new PscAuthException(PscAuthException.Reason.ISSUER_MISMATCH, "the callback comes from another issuer");
    }
    if (success.getAuthorizationCode() == null) {
      throw new PscAuthException(PscAuthException.Reason.LOGIN_REFUSED, "the callback has no code");
    }
    Session s = exchange(new AuthorizationCodeGrant(success.getAuthorizationCode(), redirectUri,
        new CodeVerifier(login.codeVerifier)), new Nonce(login.nonce), null, PscAuthException.Reason.CODE_REFUSED);
    session = s;
    return s.subject();
  }

  /** Forgets the professional's tokens (the next {@link #token()} throws NOT_LOGGED_IN). */
  public void logout() {
    session = null;
  }

  /** Whether a professional is logged in (their refresh token may still be refused later). */
  public boolean isLoggedIn() {
    return session != null;
  }

  /** The logged-in professional's {@code sub} (PSC: their national id, {@code 8} + RPPS), or null. */
  public String subject() {
    Session s = session;
    return s == null ? null : s.subject();
  }

  /** The authentication level of the login ({@code acr} of the ID token), or null. */
  public String acr() {
    Session s = session;
    return s == null ? null : s.acr();
  }

  // ------------------------------------------------------------------------------------------------ tokens

  /**
   * The access token, refreshed first when it expires within {@code refreshBefore}. If the refresh cannot reach the
   * provider while the current token is still valid, the current one is returned.
   *
   * @throws PscAuthException NOT_LOGGED_IN, SESSION_EXPIRED (log in again), UNREACHABLE (no valid token left)
   */
  @Override
  public String token() {
    Session s = session;
    if (s != null && fresh(s)) {
      return s.accessToken();
    }
    refreshing.lock(); // one refresh at a time: the others wait, then take its result
    try {
      s = session;
      if (s == null) {
        throw new PscAuthException(PscAuthException.Reason.NOT_LOGGED_IN, "no professional is logged in with Pro "
            + "Santé Connect: start a login");
      }
      if (fresh(s)) {
        return s.accessToken();
      }
      if (s.refreshToken() == null) {
        session = null;
        throw new PscAuthException(PscAuthException.Reason.SESSION_EXPIRED, "the access token expired and there is "
            + "no refresh token: log in again");
      }
      try {
        Session next = exchange(new RefreshTokenGrant(s.refreshToken()), null, s,
            PscAuthException.Reason.SESSION_EXPIRED);
        session = next;
        return next.accessToken();
      } catch (PscAuthException e) {
        if (e.reason() == PscAuthException.Reason.UNREACHABLE && clock.instant().isBefore(s.expiresAt())) {
          return s.accessToken(); // still valid: try the refresh again on the next call
        }
        if (e.reason() == PscAuthException.Reason.SESSION_EXPIRED) {
          session = null;
        }
        throw e;
      }
    } finally {
      refreshing.unlock();
    }
  }

  /** The server refused {@code token}: the next {@link #token()} refreshes it. */
  @Override
  public void invalidate(String token) {
    refreshing.lock();
    try {
      Session s = session;
      if (s != null && s.accessToken().equals(token)) {
        session = new Session(s.accessToken(), Instant.MIN, s.refreshToken(), s.subject(), s.acr());
      }
    } finally {
      refreshing.unlock();
    }
  }

  private boolean fresh(Session s) {
    return clock.instant().isBefore(s.expiresAt().minus(refreshBefore));
  }

  /** Posts {@code grant} to the token endpoint; checks the ID token when there is one. */
  private Session exchange(AuthorizationGrant grant, Nonce nonce, Session previous,
      PscAuthException.Reason whenRefused) {
    OIDCProviderMetadata op = metadata();
    TokenRequest request = new TokenRequest.Builder(op.getTokenEndpointURI(), clientAuthentication(op), grant)
        .build();
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout(connectTimeoutMillis);
    http.setReadTimeout(readTimeoutMillis);
    Instant asked = clock.instant();
    TokenResponse response;
    try {
      HTTPResponse answer = http.send();
      response = OIDCTokenResponseParser.parse(answer);
    } catch (IOException e) {
      throw new PscAuthException(PscAuthException.Reason.UNREACHABLE, "the token endpoint cannot be reached: "
          + e.getClass().getSimpleName(), e);
    } catch (ParseException e) {
      throw new PscAuthException(PscAuthException.Reason.UNREACHABLE, "the token endpoint's answer is not "
          + "readable");
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
      String code = error == null || error.getCode() == null ? "unknown" : error.getCode();
      PscAuthException.Reason reason = "invalid_client".equals(code) ? PscAuthException.Reason.CLIENT_REFUSED
          : "invalid_grant".equals(code) ? whenRefused : PscAuthException.Reason.UNREACHABLE;
      throw new PscAuthException(reason, "the token endpoint refused the " + grant.getType() + " grant: " + code);
    }
    OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
    JWT idToken = tokens.getOIDCTokens().getIDToken();
    String subject = previous == null ? null : previous.subject();
    String acr = previous == null ? null : previous.acr();
    if (idToken != null) {
      try {
        IDTokenClaimsSet claims = idTokens().validate(idToken, nonce);
        if (previous != null && !claims.getSubject().getValue().equals(previous.subject())) {
          throw new PscAuthException(PscAuthException.Reason.ID_TOKEN_INVALID, "the refreshed ID token names "
              + "another subject");
        }
        subject = claims.getSubject().getValue();
        acr = claims.getACR() == null ? null : claims.getACR().getValue();
      } catch (BadJOSEException | JOSEException e) {
        throw new PscAuthException(PscAuthException.Reason.ID_TOKEN_INVALID, "the ID token does not verify: "
            + e.getClass().getSimpleName());
      }
    } else if (previous == null) {
      throw new PscAuthException(PscAuthException.Reason.ID_TOKEN_INVALID, "the token endpoint gave no ID token");
    }
    long lifetime = tokens.getOIDCTokens().getAccessToken().getLifetime();
    RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken() != null
        ? tokens.getOIDCTokens().getRefreshToken() : previous == null ? null : previous.refreshToken();
    return new Session(tokens.getOIDCTokens().getAccessToken().getValue(),
        asked.plusSeconds(lifetime > 0 ? lifetime : 300), refresh, subject, acr);
  }

  private ClientAuthentication clientAuthentication(OIDCProviderMetadata op) {
    if (clientSecret != null) {
      return new ClientSecretBasic(clientId, clientSecret);
    }
    try {
      return new PrivateKeyJWT(new JWTAuthenticationClaimsSet(clientId, new Audience(op.getTokenEndpointURI())),
          JWSAlgorithm.RS256, (java.security.PrivateKey) clientKey.toRSAPrivateKey(), clientKey.getKeyID(),
          null); // a new assertion (jti, 5 min) per request
    } catch (JOSEException e) {
      throw new PscAuthException(PscAuthException.Reason.CLIENT_REFUSED, "the client key cannot sign", e);
    }
  }

  private OIDCProviderMetadata metadata() {
    OIDCProviderMetadata m = metadata;
    if (m == null) {
      synchronized (this) {
        if (metadata == null) {
          try {
            metadata = OIDCProviderMetadata.resolve(issuer, connectTimeoutMillis, readTimeoutMillis);
          } catch (GeneralException | IOException e) {
            throw new PscAuthException(PscAuthException.Reason.DISCOVERY_FAILED, "the discovery document of "
                + issuer + " cannot be read: " + e.getClass().getSimpleName(), e);
          }
        }
        m = metadata;
      }
    }
    return m;
  }

  private IDTokenValidator idTokens() {
    IDTokenValidator v = idTokens;
    if (v == null) {
      synchronized (this) {
        if (idTokens == null) {
          try {
            idTokens = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256,
                metadata().getJWKSetURI().toURL()); // cached, fetched again for an unknown key (rotation)
          } catch (MalformedURLException e) {
            throw new PscAuthException(PscAuthException.Reason.DISCOVERY_FAILED, "the JWKS URI is not a URL", e);
          }
        }
        v = idTokens;
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return "PscTokenProvider[" + issuer + ", clientId=" + clientId + ", " + (isLoggedIn() ? "logged in"
        : "not logged in") + "]";
  }

  /** Settings of a {@link PscTokenProvider}. Required: client id, a secret or a key, the redirect URI. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Builder {
    private final URI issuer;
    private String clientId;
    private String clientSecret;
    private RSAKey clientKey;
    private URI redirectUri;
    private String scope = "openid scope_all";
    private Duration refreshBefore = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);

    private Builder(URI issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Client authentication with a secret (client_secret_basic). */
    public Builder clientSecret(String secret) {
      this.clientSecret = secret;
      return this;
    }

    /** Client authentication with a JWT signed by this RSA private key (private_key_jwt, RS256). */
    public Builder privateKeyJwt(RSAKey key) {
      if (key != null && !key.isPrivate()) {
        throw new IllegalArgumentException("privateKeyJwt needs the private key");
      }
      this.clientKey = key;
      return this;
    }

    /** The redirect URI registered for this client (where PSC sends the browser back). */
    public Builder redirectUri(URI uri) {
      this.redirectUri = uri;
      return this;
    }

    /** The scopes asked (default {@code openid scope_all}). */
    public Builder scope(String scope) {
      if (scope == null || !scope.contains("openid")) {
        throw new IllegalArgumentException("the scope must contain openid");
      }
      this.scope = scope;
      return this;
    }

    /** How long before expiry the access token is refreshed (default 60 s). */
    public Builder refreshBefore(Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("refreshBefore must be zero or positive");
      }
      this.refreshBefore = d;
      return this;
    }

    /** The clock of expiries (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Connect and read timeouts of the calls to the provider (defaults 5 s and 10 s). */
    public Builder timeouts(Duration connect, Duration read) {
      if (connect == null || read == null || connect.isNegative() || connect.isZero() || read.isNegative()
          || read.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
      this.connectTimeout = connect;
      this.readTimeout = read;
      return this;
    }

    public PscTokenProvider build() {
      return new PscTokenProvider(this);
    }
  }
}
