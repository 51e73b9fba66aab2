package io.vtsdk.server.psc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ExpendedJTIChecker;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.vtsdk.model.UnitId;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Pro Santé Connect, simulated: an OpenID Connect provider for the demo professionals, built on Nimbus
 * ({@code oauth2-oidc-sdk}, {@code nimbus-jose-jwt}). The reference server serves it at {@code {base}/psc}:
 *
 * <ul>
 *   <li>discovery at {@code /psc/.well-known/openid-configuration};
 *   <li>{@code /psc/auth}: authorization code with PKCE (S256 required), a login page listing the demo professionals
 *       (or {@code login_hint} naming one, as an open single sign-on session would);
 *   <li>{@code /psc/token}: the code, then refresh tokens (rotated on use), for clients authenticating with a secret
 *       (basic or post) or {@code private_key_jwt} (RS256, one use of each {@code jti});
 *   <li>{@code /psc/jwks}: the RS256 keys; {@link #rotateKeys()} adds a key and keeps the previous one published, so
 *       the tokens already given still verify;
 *   <li>{@code /psc/userinfo}: PSC's claims as its public documentation names them ({@code SubjectNameID},
 *       {@code SubjectRefPro} with {@code exercices} and {@code activities}, {@code SubjectRole}…).
 * </ul>
 *
 * <p>Access tokens are JWTs carrying {@code SubjectNameID}, {@code SubjectRefPro}, {@code acr} and {@code amr}, so a
 * resource server checks them offline ({@link PscTokenVerifier}). Deviations from the real service, where its public
 * documentation does not say: the access token's content and audience, the {@code amr} values ({@code sc} for a CPx
 * card, {@code swk} for e-CPS, from RFC 8176), the activity's {@code identifiantTechniqueDeLaStructure} holding the VT
 * unit id, and the lifetimes (access 5 min, refresh 8 h). See docs/identity.md.
 *
 * <p>Thread-safe. Expiry runs on the real clock unless a clock is given.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PscSimulator {
  /** The level PSC announces for its authentication means (CPx card, e-CPS): eIDAS substantial. */
  public static final String ACR_SUBSTANTIAL = "eidas1";
  /** The audience of the access tokens of the demo client: VT (assumption). */
  public static final String VT_AUDIENCE = "viatrajectoire";
  /** The demo EHR client: any loopback redirect URI, client secret {@value #DEMO_CLIENT_SECRET}. */
  public static final String DEMO_CLIENT_ID = "vt-demo-ehr";
  public static final String DEMO_CLIENT_SECRET = "vt-demo-ehr-secret";

  private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  private static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);
  private static final Duration REFRESH_LIFETIME = Duration.ofHours(8);
  private static final int MAX_PENDING = 10_000;

  private final Supplier<String> issuer;
  private final Clock clock;
  private final Function<UnitId, String> unitNames;
  private final List<PscProfessional> professionals;
  private final Map<String, PscClientRegistration> clients = new ConcurrentHashMap<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, AuthenticationRequest> logins = new ConcurrentHashMap<>();
  private final Map<String, Instant> usedAssertions = new ConcurrentHashMap<>();
  private volatile Duration accessTokenLifetime = Duration.ofMinutes(5);
  /** The current signing key first, then the previous one (kept for the tokens it signed). */
  private volatile List<RSAKey> keys;
  /** Their public parts, as published (built once per rotation, not per verification). */
  private volatile JWKSet published;

  /** What an authentication granted: a professional, for a client, with its level. */
  private record Grant(PscProfessional who, String clientId, URI redirect, CodeChallenge challenge, Nonce nonce,
      Scope scope, Instant expiresAt, String family) {}

  /** A refresh token already exchanged: its family (one per code exchange) and when it would have expired. */
  private record Used(String family, Instant expiresAt) {}

  private final Map<String, Used> usedRefreshTokens = new ConcurrentHashMap<>();

  /**
   * @param issuer the issuer URL, read when first needed (a server knows its port once started)
   * @param clock the clock of expiries
   * @param unitNames a unit's name, for the activities' {@code raisonSocialeSite}
   * @param professionals the demo professionals
   */
  public PscSimulator(Supplier<String> issuer, Clock clock, Function<UnitId, String> unitNames,
      List<PscProfessional> professionals) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.unitNames = Objects.requireNonNull(unitNames, "unitNames");
    this.professionals = List.copyOf(professionals);
    registerClient(PscClientRegistration.withSecret(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, VT_AUDIENCE,
        URI.create("http://127.0.0.1/callback"), URI.create("http://localhost/callback")));
  }

  /**
   * The reference server's demo professionals (synthetic): a hospital doctor acting for two units, a nurse on e-CPS,
   * a secretary with a CPE card, the SMR's doctor, a CPAM adviser, the MDPH's and the IME's staff.
   */
  public static List<PscProfessional> demoProfessionals() {
    return List.of(
        new PscProfessional("810003606315", "10003606315", "MEDECIN-DEMO", "Claire", "10", true,
            List.of(UnitId.of("U-CARDIO-HCL"), UnitId.of("U-NEURO-CHU38"))),
        new PscProfessional("810101010105", "10101010105", "INFIRMIER-DEMO", "Paul", "60", false,
            List.of(UnitId.of("U-CARDIO-HCL"))),
        new PscProfessional("3690000010/SEC01", null, "SECRETAIRE-DEMO", "Lina", "", true,
            List.of(UnitId.of("U-CARDIO-HCL"))),
        new PscProfessional("810202020201", "10202020201", "SMR-DEMO", "Marc", "10", true,
            List.of(UnitId.of("SMR-CARDIO-69"))),
        new PscProfessional("3691000001/CPAM01", null, "CONSEILLER-DEMO", "Ines", "", true,
            List.of(UnitId.of("CPAM-691"))),
        new PscProfessional("3690000020/MDPH01", null, "MDPH-DEMO", "Sami", "", true,
            List.of(UnitId.of("MDPH-69"))),
        new PscProfessional("3690000030/IME01", null, "IME-DEMO", "Rose", "", true, List.of(UnitId.of("IME-69"))));
  }

  public String issuer() {
    return issuer.get();
  }

  public List<PscProfessional> professionals() {
    return professionals;
  }

  /** The professional with this national id or RPPS. */
  public Optional<PscProfessional> professional(String id) {
    return professionals.stream().filter(p -> p.nationalId().equals(id) || id.equals(p.rpps())).findFirst();
  }

  /** Registers (or replaces) a client. */
  public PscSimulator registerClient(PscClientRegistration client) {
    clients.put(client.clientId(), Objects.requireNonNull(client, "client"));
    return this;
  }

  /** The lifetime of the access tokens issued from now on (default 5 min). */
  public PscSimulator accessTokenLifetime(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the access token lifetime must be positive");
    }
    this.accessTokenLifetime = d;
    return this;
  }

  /**
   * Ends every session: the refresh tokens given so far are refused (as after a logout at PSC, or their expiry). The
   * access tokens already given stay valid until they expire, as with the real service.
   */
  public void revokeRefreshTokens() {
    refreshTokens.clear();
    usedRefreshTokens.clear();
  }

  /** Adds a new signing key; the previous one stays published (tokens it signed still verify), older ones go. */
  public synchronized void rotateKeys() {
    List<RSAKey> now = new ArrayList<>();
    now.add(newKey());
    now.add(keys().get(0));
    publish(List.copyOf(now));
  }

  /** The published keys (public parts), current first. */
  public JWKSet publicKeys() {
    keys();
    return published;
  }

  private void publish(List<RSAKey> k) {
    published = new JWKSet(k.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    keys = k; // after the public set: a token signed by a new key is never issued before its key is published
  }

  /** The published keys as a Nimbus key source, read live (a rotation is seen at once): for an in-process verifier. */
  public JWKSource<SecurityContext> keySource() {
    return (JWKSelector selector, SecurityContext context) -> selector.select(publicKeys());
  }

  /** A verifier of this simulator's tokens for {@code audience}, reading its keys in process. */
  public PscTokenVerifier verifier(String audience) {
    return new PscTokenVerifier(keySource(), issuer(), audience, Set.of(ACR_SUBSTANTIAL));
  }

  /**
   * An access token for tests, as the token endpoint would give it, with any audience, level and expiry (an expired,
   * misdirected or low-level token is one line).
   */
  public String issueAccessToken(PscProfessional who, String audience, String acr, Instant expiresAt) {
    return accessToken(who, audience, acr, DEMO_CLIENT_ID, new Scope("openid", "scope_all"), expiresAt).getValue();
  }

  private List<RSAKey> keys() {
    List<RSAKey> k = keys;
    if (k == null) {
      synchronized (this) {
        if (keys == null) {
          publish(List.of(newKey())); // 2048-bit generation: on first use only
        }
        k = keys;
      }
    }
    return k;
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .keyID(new JWTID(12).getValue()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  // --- discovery ---

  /** The discovery document. */
  public OIDCProviderMetadata metadata() {
    String base = issuer();
    OIDCProviderMetadata m = new OIDCProviderMetadata(new Issuer(base), List.of(SubjectType.PUBLIC),
        URI.create(base + "/jwks"));
    m.setAuthorizationEndpointURI(URI.create(base + "/auth"));
    m.setTokenEndpointURI(URI.create(base + "/token"));
    m.setUserInfoEndpointURI(URI.create(base + "/userinfo"));
    m.setScopes(new Scope("openid", "scope_all"));
    m.setResponseTypes(List.of(ResponseType.CODE));
    m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
    m.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
        ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.PRIVATE_KEY_JWT));
    m.setTokenEndpointJWSAlgs(List.of(JWSAlgorithm.RS256));
    m.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
    m.setACRs(List.of(new ACR(ACR_SUBSTANTIAL)));
    m.setClaims(List.of("sub", "SubjectNameID", "SubjectRefPro", "SubjectRole", "SubjectOrganization",
        "SubjectOrganizationID", "Palier_Authentification", "given_name", "family_name", "preferred_username",
        "acr", "amr"));
    return m;
  }

  // --- authorization endpoint ---

  /** What the authorization endpoint answers: a redirect to the client, the login page, or an error page. */
  public record AuthorizationAnswer(URI redirect, String loginId, String error) {}

  /**
   * An authorization request ({@code /psc/auth} query). An unknown client or an unregistered redirect URI is an error
   * shown to the user (never a redirect); other errors go back to the client. With a {@code login_hint} naming a
   * demo professional the code is given at once; otherwise the answer names the login to show.
   */
  public AuthorizationAnswer authorize(Map<String, List<String>> params) {
    AuthenticationRequest request;
    try {
      request = AuthenticationRequest.parse(params);
    } catch (ParseException e) {
      return new AuthorizationAnswer(null, null, "invalid authorization request: " + safe(e.getMessage()));
    }
    PscClientRegistration client = clients.get(request.getClientID().getValue());
    if (client == null) {
      return new AuthorizationAnswer(null, null, "unknown client_id");
    }
    if (!client.allows(request.getRedirectionURI())) {
      return new AuthorizationAnswer(null, null, "redirect_uri is not registered for this client");
    }
    if (!request.getResponseType().impliesCodeFlow() || request.getResponseType().size() != 1) {
      return new AuthorizationAnswer(error(request, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE
          .setDescription("only response_type=code")), null, null);
    }
    if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
      return new AuthorizationAnswer(error(request, OAuth2Error.INVALID_REQUEST
          .setDescription("PKCE is required: code_challenge with code_challenge_method=S256")), null, null);
    }
    String hint = request.getLoginHint();
    if (hint != null) {
      Optional<PscProfessional> who = professional(hint);
      if (who.isPresent()) {
        return new AuthorizationAnswer(code(request, who.get()), null, null);
      }
    }
    sweep(logins.size());
    String loginId = new State(24).getValue();
    logins.put(loginId, request);
    return new AuthorizationAnswer(null, loginId, null);
  }

  /** The professional chose themselves on the login page: the redirect with the code. */
  public AuthorizationAnswer login(String loginId, String professionalId) {
    AuthenticationRequest request = loginId == null ? null : logins.remove(loginId);
    if (request == null) {
      return new AuthorizationAnswer(null, null, "this login is unknown or already used: start again from the app");
    }
    Optional<PscProfessional> who = professionalId == null ? Optional.empty() : professional(professionalId);
    if (who.isEmpty()) {
      return new AuthorizationAnswer(error(request, OAuth2Error.ACCESS_DENIED.setDescription("no such professional")),
          null, null);
    }
    return new AuthorizationAnswer(code(request, who.get()), null, null);
  }

  /** The authorization request of a login page still to answer, if any. */
  public Optional<AuthenticationRequest> pendingLogin(String loginId) {
    return Optional.ofNullable(loginId == null ? null : logins.get(loginId));
  }

  private URI code(AuthenticationRequest request, PscProfessional who) {
    sweep(codes.size());
    AuthorizationCode code = new AuthorizationCode(32);
    codes.put(code.getValue(), new Grant(who, request.getClientID().getValue(), request.getRedirectionURI(),
        request.getCodeChallenge(), request.getNonce(), request.getScope(), clock.instant().plus(CODE_LIFETIME),
        new JWTID().getValue()));
    return new AuthenticationSuccessResponse(request.getRedirectionURI(), code, null, null, request.getState(), null,
        new Issuer(issuer()), ResponseMode.QUERY).toURI();
  }

  private static URI error(AuthenticationRequest request, ErrorObject error) {
    return new AuthenticationErrorResponse(request.getRedirectionURI(), error, request.getState(), ResponseMode.QUERY)
        .toURI();
  }

  /** Forgets expired codes, logins and assertions when a map grows (the simulator never holds more than a bound). */
  private void sweep(int size) {
    if (size < MAX_PENDING) {
      return;
    }
    Instant now = clock.instant();
    codes.values().removeIf(g -> now.isAfter(g.expiresAt()));
    refreshTokens.values().removeIf(g -> now.isAfter(g.expiresAt()));
    usedRefreshTokens.values().removeIf(u -> now.isAfter(u.expiresAt()));
    usedAssertions.values().removeIf(now::isAfter);
    if (logins.size() >= MAX_PENDING) {
      logins.clear(); // logins carry no expiry of their own: a burst of abandoned logins is dropped
    }
  }

  // --- token endpoint ---

  /** The token endpoint: a code or a refresh token for tokens, or an OAuth error (400, or 401 for the client). */
  public HTTPResponse token(HTTPRequest http) {
    TokenRequest request;
    try {
      request = TokenRequest.parse(http);
    } catch (ParseException e) {
      return new TokenErrorResponse(e.getErrorObject() != null ? e.getErrorObject()
          : OAuth2Error.INVALID_REQUEST).toHTTPResponse();
    }
    ClientAuthentication auth = request.getClientAuthentication();
    if (auth == null) {
      return new TokenErrorResponse(OAuth2Error.INVALID_CLIENT.setDescription("client authentication is required"))
          .toHTTPResponse();
    }
    try {
      clientVerifier().verify(auth, null, null);
    } catch (InvalidClientException | JOSEException e) {
      return new TokenErrorResponse(OAuth2Error.INVALID_CLIENT.setDescription("client authentication failed"))
          .toHTTPResponse();
    }
    PscClientRegistration client = clients.get(auth.getClientID().getValue());
    AuthorizationGrant grant = request.getAuthorizationGrant();
    Instant now = clock.instant();
    Grant granted;
    if (grant instanceof AuthorizationCodeGrant g) {
      granted = codes.remove(g.getAuthorizationCode().getValue()); // one use
      if (granted == null || now.isAfter(granted.expiresAt()) || !granted.clientId().equals(client.clientId())
          || !granted.redirect().equals(g.getRedirectionURI())) {
        return invalidGrant("the code is unknown, used, expired, or for another client or redirect_uri");
      }
      if (g.getCodeVerifier() == null
          || !CodeChallenge.compute(CodeChallengeMethod.S256, g.getCodeVerifier()).equals(granted.challenge())) {
        return invalidGrant("the code_verifier does not match the code_challenge (PKCE)");
      }
    } else if (grant instanceof RefreshTokenGrant g) {
      String presented = g.getRefreshToken().getValue();
      granted = refreshTokens.remove(presented); // rotated: one use
      Used replayed = granted == null ? usedRefreshTokens.get(presented) : null;
      if (replayed != null) {
        // RFC 9700 §4.14.2: a rotated refresh token used again means one of its holders is not the client; every
        // token of the family is revoked, the legitimate client signs in again
        refreshTokens.values().removeIf(t -> t.family().equals(replayed.family()));
        return invalidGrant("the refresh token was already used: every token of this sign-in is revoked");
      }
      if (granted == null || now.isAfter(granted.expiresAt()) || !granted.clientId().equals(client.clientId())) {
        return invalidGrant("the refresh token is unknown, used, expired, or for another client");
      }
      usedRefreshTokens.put(presented, new Used(granted.family(), granted.expiresAt()));
    } else {
      return new TokenErrorResponse(OAuth2Error.UNSUPPORTED_GRANT_TYPE).toHTTPResponse();
    }
    Instant expires = now.plus(accessTokenLifetime);
    AccessToken access = accessToken(granted.who(), client.audience(), ACR_SUBSTANTIAL, client.clientId(),
        granted.scope(), expires);
    RefreshToken refresh = new RefreshToken();
    refreshTokens.put(refresh.getValue(), new Grant(granted.who(), client.clientId(), granted.redirect(), null,
        null, granted.scope(), now.plus(REFRESH_LIFETIME), granted.family()));
    SignedJWT idToken = sign(idTokenClaims(granted, client.clientId(), now, expires));
    return new OIDCTokenResponse(new OIDCTokens(idToken, access, refresh)).toHTTPResponse();
  }

  private static HTTPResponse invalidGrant(String description) {
    return new TokenErrorResponse(OAuth2Error.INVALID_GRANT.setDescription(description)).toHTTPResponse();
  }

  private ClientAuthenticationVerifier<Void> clientVerifier() {
    ClientCredentialsSelector<Void> selector = new ClientCredentialsSelector<>() {
      @Override
      public List<Secret> selectClientSecrets(ClientID id, ClientAuthenticationMethod method, Context<Void> c)
          throws InvalidClientException {
        PscClientRegistration r = clients.get(id.getValue());
        if (r == null || r.secret() == null) {
          throw InvalidClientException.BAD_ID;
        }
        return List.of(new Secret(r.secret()));
      }

      @Override
      public List<? extends PublicKey> selectPublicKeys(ClientID id, ClientAuthenticationMethod method,
          JWSHeader header, boolean forceRefresh, Context<Void> c) throws InvalidClientException {
        PscClientRegistration r = clients.get(id.getValue());
        if (r == null || r.publicKey() == null) {
          throw InvalidClientException.BAD_ID;
        }
        try {
          return List.of(r.publicKey().toPublicKey());
        } catch (JOSEException e) {
          throw InvalidClientException.BAD_ID;
        }
      }
    };
    String base = issuer();
    ExpendedJTIChecker<Void> oneUse = new ExpendedJTIChecker<>() {
      @Override
      public boolean isExpended(JWTID jti, ClientID id, ClientAuthenticationMethod method, Context<Void> c) {
        return usedAssertions.containsKey(id.getValue() + " " + jti.getValue());
      }

      @Override
      public void markExpended(JWTID jti, Date exp, ClientID id, ClientAuthenticationMethod method,
          Context<Void> c) {
        usedAssertions.put(id.getValue() + " " + jti.getValue(), exp == null ? clock.instant() : exp.toInstant());
      }
    };
    // LEGACY: the audience may be the token endpoint or the issuer, as clients commonly send (RFC 7523 §3)
    return new ClientAuthenticationVerifier<>(selector, Set.of(new Audience(base + "/token"), new Audience(base)),
        com.nimbusds.oauth2.sdk.auth.verifier.JWTAudienceCheck.LEGACY, oneUse);
  }

  private AccessToken accessToken(PscProfessional who, String audience, String acr, String clientId, Scope scope,
      Instant expiresAt) {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(who.nationalId()).audience(audience)
        .issueTime(Date.from(now)).expirationTime(Date.from(expiresAt)).jwtID(new JWTID().getValue())
        .claim("azp", clientId).claim("scope", scope == null ? "openid" : scope.toString()).claim("acr", acr)
        .claim("amr", amr(who)).claim("SubjectNameID", who.nationalId()).claim("SubjectRefPro", refPro(who))
        .build();
    long seconds = Math.max(1, Duration.between(now, expiresAt).getSeconds());
    return new BearerAccessToken(sign(claims).serialize(), seconds, scope);
  }

  private JWTClaimsSet idTokenClaims(Grant g, String clientId, Instant now, Instant expires) {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer()).subject(g.who().nationalId())
        .audience(clientId).issueTime(Date.from(now)).expirationTime(Date.from(expires))
        .claim("acr", ACR_SUBSTANTIAL).claim("amr", amr(g.who())).claim("azp", clientId)
        .claim("SubjectNameID", g.who().nationalId());
    if (g.nonce() != null) {
      b.claim("nonce", g.nonce().getValue());
    }
    return b.build();
  }

  private SignedJWT sign(JWTClaimsSet claims) {
    RSAKey key = keys().get(0);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign", e);
    }
    return jwt;
  }

  private static List<String> amr(PscProfessional who) {
    return who.cpxCard() ? List.of("sc", "pin") : List.of("swk", "mfa");
  }

  /** {@code SubjectRefPro}: one exercise with one activity per unit (field names of PSC's userinfo). */
  private Map<String, Object> refPro(PscProfessional who) {
    List<Map<String, Object>> activities = new ArrayList<>();
    for (UnitId unit : who.units()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("codeModeExercice", "S"); // salarié (assumption for every demo activity)
      a.put("codeSecteurDactivite", "SA01");
      a.put("codeRole", "");
      a.put("codeGenreActivite", "GENR01");
      a.put("numeroFinessSite", "");
      a.put("identifiantTechniqueDeLaStructure", unit.value());
      a.put("raisonSocialeSite", Optional.ofNullable(unitNames.apply(unit)).orElse(unit.value()));
      activities.add(a);
    }
    Map<String, Object> exercise = new LinkedHashMap<>();
    exercise.put("codeProfession", who.professionCode());
    exercise.put("codeCategorieProfessionnelle", who.rpps() != null ? "C" : "");
    exercise.put("nomDexercice", who.familyName());
    exercise.put("prenomDexercice", who.givenName());
    exercise.put("activities", activities);
    Map<String, Object> refPro = new LinkedHashMap<>();
    refPro.put("codeCivilite", "");
    refPro.put("exercices", List.of(exercise));
    return refPro;
  }

  // --- userinfo endpoint ---

  /** The userinfo endpoint: PSC's claims for a valid access token of this simulator (any audience). */
  public HTTPResponse userInfo(String authorization) {
    BearerAccessToken token;
    try {
      token = BearerAccessToken.parse(authorization);
    } catch (ParseException e) {
      return bearerError(401, "invalid_request", "a bearer access token is required");
    }
    String subject;
    try {
      com.nimbusds.jwt.JWTClaimsSet claims = verifier("userinfo").claims(token.getValue()); // signature, issuer, expiry
      if (claims.getClaim("scope") == null) { // an ID token has none: it proves a sign-in to its client, no access
        return bearerError(401, "invalid_token", "an access token is required (an ID token is not one)");
      }
      subject = claims.getSubject();
    } catch (PscTokenException e) {
      return bearerError(401, "invalid_token", e.getMessage());
    }
    PscProfessional who = subject == null ? null : professional(subject).orElse(null);
    if (who == null) {
      return bearerError(401, "invalid_token", "the token's subject is unknown");
    }
    UserInfo info = new UserInfo(new Subject(who.nationalId()));
    info.setClaim("SubjectNameID", who.nationalId());
    info.setClaim("preferred_username", who.nationalId());
    info.setGivenName(who.givenName());
    info.setFamilyName(who.familyName());
    info.setClaim("SubjectRefPro", refPro(who));
    info.setClaim("SubjectRole", who.professionCode().isEmpty() ? List.of()
        : List.of(who.professionCode() + "^1.2.250.1.213.1.1.5.5"));
    UnitId first = who.units().get(0);
    info.setClaim("SubjectOrganizationID", first.value());
    info.setClaim("SubjectOrganization", Optional.ofNullable(unitNames.apply(first)).orElse(first.value()));
    info.setClaim("Palier_Authentification", "APPPRIP3^1.2.250.1.213.1.5.1.1.1");
    info.setClaim("otherIds", List.of());
    return new UserInfoSuccessResponse(info).toHTTPResponse();
  }

  private static HTTPResponse bearerError(int status, String error, String description) {
    HTTPResponse r = new HTTPResponse(status);
    r.setHeader("WWW-Authenticate", "Bearer error=\"" + error + "\", error_description=\"" + safe(description)
        + "\"");
    return r;
  }

  /** A message without quotes or line breaks (it goes in a header or a page). */
  private static String safe(String s) {
    return s == null ? "" : s.replaceAll("[\"\\r\\n<>&]", " ");
  }
}
