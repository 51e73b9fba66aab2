package io.vtsdk.server.psc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.internal.JsonHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pro Santé Connect, simulated, over HTTP as a relying party sees it (Nimbus on the client side too): discovery, the
 * login page, authorization code with PKCE, the token endpoint with a client secret or private_key_jwt, refresh tokens
 * rotated on use, the ID token and userinfo; and the reference server accepting its access tokens, or refusing them
 * with the reason.
 */
class PscSimulatorTest {
  static ReferenceServer vt;
  static OIDCProviderMetadata op;
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static final URI CALLBACK = URI.create("http://127.0.0.1:9/callback");
  static final String DOCTOR = "810003606315";

  @BeforeAll
  static void start() throws Exception {
    vt = ReferenceServer.builder().build().start();
    HttpResponse<String> discovery = get(vt.baseUrl() + "/psc/.well-known/openid-configuration", null);
    assertThat(discovery.statusCode()).isEqualTo(200);
    op = OIDCProviderMetadata.parse(discovery.body());
  }

  @AfterAll
  static void stop() {
    vt.close();
  }

  @Test
  void discoveryNamesTheEndpointsAndWhatTheyTake() {
    assertThat(op.getIssuer().getValue()).isEqualTo(vt.baseUrl() + "/psc");
    assertThat(op.getAuthorizationEndpointURI()).hasToString(vt.baseUrl() + "/psc/auth");
    assertThat(op.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
    assertThat(op.getTokenEndpointAuthMethods()).extracting(Object::toString)
        .contains("client_secret_basic", "private_key_jwt");
    assertThat(op.getClaims()).contains("SubjectNameID", "SubjectRefPro");
  }

  @Test
  void authorizationCodeWithPkceThroughTheLoginPage() throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    Nonce nonce = new Nonce();
    State state = new State();
    HttpResponse<String> page = get(authRequest(verifier, nonce, state, null).toURI().toString(), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
    assertThat(page.body()).contains("vt-demo-ehr").contains("value=\"" + DOCTOR + "\"")
        .contains("HCL - Cardiologie").doesNotContain("<script");
    Matcher login = Pattern.compile("name=\"login\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(login.find()).isTrue();

    HttpResponse<String> chosen = postForm(vt.baseUrl() + "/psc/login",
        "login=" + login.group(1) + "&professional=" + DOCTOR, null);
    assertThat(chosen.statusCode()).isEqualTo(302);
    URI back = URI.create(chosen.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/callback");
    Map<String, List<String>> params = URLUtils.parseParameters(back.getRawQuery());
    assertThat(params.get("state")).containsExactly(state.getValue());
    assertThat(params.get("iss")).containsExactly(op.getIssuer().getValue()); // RFC 9207

    OIDCTokenResponse tokens = exchange(params.get("code").get(0), verifier).toSuccessResponse() instanceof
        OIDCTokenResponse t ? t : null;
    assertThat(tokens).isNotNull();
    JWT idToken = tokens.getOIDCTokens().getIDToken();
    IDTokenValidator idCheck = new IDTokenValidator(op.getIssuer(), new ClientID(PscSimulator.DEMO_CLIENT_ID),
        JWSAlgorithm.RS256, op.getJWKSetURI().toURL());
    assertThat(idCheck.validate(idToken, nonce).getSubject().getValue()).isEqualTo(DOCTOR);

    // the access token opens VT's API for the unit chosen on the call
    String access = tokens.getOIDCTokens().getAccessToken().getValue();
    JsonHttp http = new JsonHttp(vt.baseUrl());
    assertThat(http.get("/v1/units?module=PRADO", access, "X-VT-Unit", "U-CARDIO-HCL").status()).isEqualTo(200);
    JsonHttp.Res noUnit = http.get("/v1/units", access);
    assertThat(noUnit.status()).as("two activities: the call names one").isEqualTo(400);
    assertThat(noUnit.body()).contains("X-VT-Unit");
    assertThat(http.get("/v1/units", access, "X-VT-Unit", "SMR-CARDIO-69").status())
        .as("a unit they do not act for").isEqualTo(403);

    // userinfo: PSC's claims
    HttpResponse<String> info = get(vt.baseUrl() + "/psc/userinfo", "Bearer " + access);
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"SubjectNameID\":\"" + DOCTOR + "\"").contains("\"codeProfession\":\"10\"")
        .contains("\"identifiantTechniqueDeLaStructure\":\"U-NEURO-CHU38\"");

    // refresh: new tokens; the used refresh token is refused (rotated)
    TokenRequest refresh = new TokenRequest.Builder(op.getTokenEndpointURI(), secret(),
        new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).build();
    TokenResponse refreshed = TokenResponse.parse(send(refresh.toHTTPRequest()));
    assertThat(refreshed.indicatesSuccess()).isTrue();
    TokenResponse again = TokenResponse.parse(send(refresh.toHTTPRequest()));
    assertThat(again.indicatesSuccess()).isFalse();
    assertThat(again.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    // RFC 9700 §4.14.2: that replay revoked the family, so the newer refresh token is refused too
    TokenResponse newer = TokenResponse.parse(send(new TokenRequest.Builder(op.getTokenEndpointURI(), secret(),
        new RefreshTokenGrant(refreshed.toSuccessResponse().getTokens().getRefreshToken())).build()
        .toHTTPRequest()));
    assertThat(newer.indicatesSuccess()).as("the newer token of a replayed family").isFalse();

    // userinfo takes access tokens only, not the ID token
    assertThat(get(vt.baseUrl() + "/psc/userinfo", "Bearer " + idToken.serialize()).statusCode()).isEqualTo(401);
  }

  @Test
  void redirectUrisAreComparedAsRegistered() throws Exception {
    for (String odd : new String[] {"http://127.0.0.1:0/callback", "http://127.0.0.1:99999/callback",
        "http://user:pw@127.0.0.1:8080/callback", "http://127.0.0.1:8080/%63allback",
        "http://127.0.0.1:8080/callback?x=1", "http://127.0.0.1:8080/Callback"}) {
      AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
          new ClientID(PscSimulator.DEMO_CLIENT_ID), URI.create(odd)).endpointURI(op.getAuthorizationEndpointURI())
          .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).state(new State()).build();
      HttpResponse<String> r = get(request.toURI().toString(), null);
      assertThat(r.statusCode()).as(odd).isEqualTo(400);
      assertThat(r.headers().firstValue("Location")).as(odd).isEmpty();
    }
    AuthenticationRequest anyPort = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
        new ClientID(PscSimulator.DEMO_CLIENT_ID), URI.create("http://127.0.0.1:43210/callback"))
        .endpointURI(op.getAuthorizationEndpointURI()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
        .state(new State()).build();
    assertThat(get(anyPort.toURI().toString(), null).statusCode()).as("RFC 8252 §7.3: any real loopback port")
        .isEqualTo(200);
  }

  @Test
  void aCodeIsUsedOnceAndOnlyWithItsVerifier() throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    String code = codeFor(DOCTOR, verifier);
    TokenResponse wrong = exchange(code, new CodeVerifier());
    assertThat(wrong.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    assertThat(wrong.toErrorResponse().getErrorObject().getDescription()).contains("code");
    String second = codeFor(DOCTOR, verifier);
    assertThat(exchange(second, verifier).indicatesSuccess()).isTrue();
    assertThat(exchange(second, verifier).indicatesSuccess()).as("one use").isFalse();
  }

  @Test
  void withoutPkceOrForAnUnregisteredRedirectTheRequestIsRefused() throws Exception {
    AuthenticationRequest noPkce = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
        new ClientID(PscSimulator.DEMO_CLIENT_ID), CALLBACK).endpointURI(op.getAuthorizationEndpointURI())
        .state(new State()).build();
    HttpResponse<String> r = get(noPkce.toURI().toString(), null);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow()).contains("error=invalid_request");
    AuthenticationRequest elsewhere = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
        new ClientID(PscSimulator.DEMO_CLIENT_ID), URI.create("https://attacker.example/cb"))
        .endpointURI(op.getAuthorizationEndpointURI()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
        .build();
    HttpResponse<String> refused = get(elsewhere.toURI().toString(), null);
    assertThat(refused.statusCode()).as("an error page, never a redirect to it").isEqualTo(400);
    assertThat(refused.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void aClientAuthenticatesWithPrivateKeyJwtEachAssertionOnce() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("ehr-key").generate();
    vt.psc().registerClient(PscClientRegistration.withPrivateKeyJwt("ehr-pkjwt", key, PscSimulator.VT_AUDIENCE,
        CALLBACK));
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest auth = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
        new ClientID("ehr-pkjwt"), CALLBACK).endpointURI(op.getAuthorizationEndpointURI()).loginHint(DOCTOR)
        .codeChallenge(verifier, CodeChallengeMethod.S256).nonce(new Nonce()).build();
    String code = URLUtils.parseParameters(URI.create(get(auth.toURI().toString(), null).headers()
        .firstValue("Location").orElseThrow()).getRawQuery()).get("code").get(0);
    PrivateKeyJWT assertion = new PrivateKeyJWT(new com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet(
        new ClientID("ehr-pkjwt"), new com.nimbusds.oauth2.sdk.id.Audience(op.getTokenEndpointURI())),
        JWSAlgorithm.RS256, (java.security.PrivateKey) key.toRSAPrivateKey(), key.getKeyID(), null);
    TokenRequest request = new TokenRequest.Builder(op.getTokenEndpointURI(), assertion,
        new AuthorizationCodeGrant(new AuthorizationCode(code), CALLBACK, verifier)).build();
    assertThat(TokenResponse.parse(send(request.toHTTPRequest())).indicatesSuccess()).isTrue();
    TokenResponse replayed = TokenResponse.parse(send(request.toHTTPRequest()));
    assertThat(replayed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
  }

  @Test
  void theServerRefusesTokensWithTheirReason() throws Exception {
    PscSimulator psc = vt.psc();
    PscProfessional smr = psc.professional("810202020201").orElseThrow();
    JsonHttp http = new JsonHttp(vt.baseUrl());
    String good = psc.issueAccessToken(smr, PscSimulator.VT_AUDIENCE, PscSimulator.ACR_SUBSTANTIAL,
        Instant.now().plusSeconds(300));
    assertThat(http.get("/v1/requests", good).status()).isEqualTo(200);

    String expired = psc.issueAccessToken(smr, PscSimulator.VT_AUDIENCE, PscSimulator.ACR_SUBSTANTIAL,
        Instant.now().minusSeconds(120));
    JsonHttp.Res r = http.get("/v1/requests", expired);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("expired");
    assertThat(r.header("WWW-Authenticate")).contains("invalid_token");

    JsonHttp.Res elsewhere = http.get("/v1/requests", psc.issueAccessToken(smr, "another-service",
        PscSimulator.ACR_SUBSTANTIAL, Instant.now().plusSeconds(300)));
    assertThat(elsewhere.status()).isEqualTo(401);
    assertThat(elsewhere.body()).contains("not meant for");

    JsonHttp.Res low = http.get("/v1/requests", psc.issueAccessToken(smr, PscSimulator.VT_AUDIENCE, "eidas-low",
        Instant.now().plusSeconds(300)));
    assertThat(low.status()).isEqualTo(401);
    assertThat(low.header("WWW-Authenticate")).contains("error=\"insufficient_user_authentication\"")
        .contains("acr_values=\"" + PscSimulator.ACR_SUBSTANTIAL + "\"");

    // signed by a key the issuer never published
    PscSimulator impostor = new PscSimulator(psc::issuer, java.time.Clock.systemUTC(), u -> u.value(),
        PscSimulator.demoProfessionals());
    JsonHttp.Res forged = http.get("/v1/requests", impostor.issueAccessToken(smr, PscSimulator.VT_AUDIENCE,
        PscSimulator.ACR_SUBSTANTIAL, Instant.now().plusSeconds(300)));
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.body()).contains("signature").doesNotContain(good.substring(0, 20));
  }

  @Test
  void rotationKeepsTheTokensAlreadyGivenUntilTheirKeyIsDropped() {
    PscSimulator psc = vt.psc();
    PscProfessional smr = psc.professional("810202020201").orElseThrow();
    JsonHttp http = new JsonHttp(vt.baseUrl());
    String before = psc.issueAccessToken(smr, PscSimulator.VT_AUDIENCE, PscSimulator.ACR_SUBSTANTIAL,
        Instant.now().plusSeconds(300));
    psc.rotateKeys();
    String after = psc.issueAccessToken(smr, PscSimulator.VT_AUDIENCE, PscSimulator.ACR_SUBSTANTIAL,
        Instant.now().plusSeconds(300));
    assertThat(http.get("/v1/requests", before).status()).as("previous key still published").isEqualTo(200);
    assertThat(http.get("/v1/requests", after).status()).isEqualTo(200);
    psc.rotateKeys();
    assertThat(http.get("/v1/requests", before).status()).as("its key is gone").isEqualTo(401);
    assertThat(http.get("/v1/requests", after).status()).isEqualTo(200);
    // over the control API too (its own token)
    HttpResponse<String> rotated = send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + "/__admin/psc/rotate-keys"))
        .header("Authorization", "Bearer " + vt.adminToken()).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(rotated.statusCode()).as("the control API is off by default").isEqualTo(404);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static AuthenticationRequest authRequest(CodeVerifier verifier, Nonce nonce, State state, String loginHint) {
    return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "scope_all"),
        new ClientID(PscSimulator.DEMO_CLIENT_ID), CALLBACK).endpointURI(op.getAuthorizationEndpointURI())
        .state(state).nonce(nonce).loginHint(loginHint).codeChallenge(verifier, CodeChallengeMethod.S256).build();
  }

  /** A code for {@code professional}, chosen with login_hint (an open PSC session). */
  static String codeFor(String professional, CodeVerifier verifier) {
    HttpResponse<String> r = get(authRequest(verifier, new Nonce(), new State(), professional).toURI().toString(),
        null);
    assertThat(r.statusCode()).isEqualTo(302);
    return URLUtils.parseParameters(URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery())
        .get("code").get(0);
  }

  static TokenResponse exchange(String code, CodeVerifier verifier) throws Exception {
    TokenRequest request = new TokenRequest.Builder(op.getTokenEndpointURI(), secret(),
        new AuthorizationCodeGrant(new AuthorizationCode(code), CALLBACK, verifier)).build();
    return OIDCTokenResponseParser.parse(send(request.toHTTPRequest()));
  }

  static ClientSecretBasic secret() {
    return new ClientSecretBasic(new ClientID(PscSimulator.DEMO_CLIENT_ID),
        new Secret(PscSimulator.DEMO_CLIENT_SECRET));
  }

  /** A Nimbus request sent with the JDK client (no redirects followed), its answer as Nimbus reads it. */
  static com.nimbusds.oauth2.sdk.http.HTTPResponse send(HTTPRequest request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(request.getURI());
    request.getHeaderMap().forEach((k, v) -> v.forEach(value -> b.header(k, value)));
    b.method(request.getMethod().name(), request.getBody() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(request.getBody()));
    HttpResponse<String> r = send(b.build());
    com.nimbusds.oauth2.sdk.http.HTTPResponse out = new com.nimbusds.oauth2.sdk.http.HTTPResponse(r.statusCode());
    r.headers().map().forEach((k, v) -> out.setHeader(k, v.toArray(String[]::new)));
    out.setBody(r.body());
    return out;
  }

  static HttpResponse<String> get(String url, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  static HttpResponse<String> postForm(String url, String form, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return send(b.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
