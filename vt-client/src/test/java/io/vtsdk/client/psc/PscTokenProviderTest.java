package io.vtsdk.client.psc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.client.VtClient;
import io.vtsdk.client.UnitQuery;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.server.RecordedRequest;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.psc.PscClientRegistration;
import io.vtsdk.server.psc.PscSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * vt-client's Pro Santé Connect token provider against the simulator: the login (auth code + PKCE through the login
 * page), the access token used by VtClient, refresh before expiry with one refresh for many threads, key rotation
 * while tokens are held, and each failure as its typed reason.
 */
class PscTokenProviderTest {
  static final String DOCTOR = "810003606315";
  static final URI CALLBACK = URI.create("http://127.0.0.1:8123/callback");

  ReferenceServer vt;
  TestClock clock;

  @BeforeEach
  void start() {
    vt = ReferenceServer.builder().recordRequests(10_000).build().start();
    clock = new TestClock(Instant.now());
  }

  @AfterEach
  void stop() {
    vt.close();
  }

  PscTokenProvider.Builder provider() {
    return PscTokenProvider.builder(URI.create(vt.baseUrl() + "/psc")).clientId(PscSimulator.DEMO_CLIENT_ID)
        .clientSecret(PscSimulator.DEMO_CLIENT_SECRET).redirectUri(CALLBACK).clock(clock);
  }

  PscTokenProvider loggedIn(String professional) {
    PscTokenProvider psc = provider().build();
    PscLogin login = psc.startLogin();
    assertThat(psc.completeLogin(login, PscBrowser.login(login.authorizationUri(), professional)))
        .isEqualTo(professional);
    return psc;
  }

  VtClient client(PscTokenProvider psc, String unit) {
    return VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(psc).actingUnit(UnitId.of(unit)).build();
  }

  List<RecordedRequest> tokenCalls() throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    for (Optional<RecordedRequest> r; (r = vt.takeRequest(Duration.ZERO)).isPresent(); ) {
      if (r.get().path().equals("/psc/token")) {
        out.add(r.get());
      }
    }
    return out;
  }

  @Test
  void aDoctorLogsInAndTheClientCallsVtAsHimForTheUnitHeChose() {
    PscTokenProvider psc = loggedIn(DOCTOR);
    assertThat(psc.acr()).isEqualTo(PscSimulator.ACR_SUBSTANTIAL);
    assertThat(psc.toString()).contains("logged in").doesNotContain(psc.token());
    assertThat(client(psc, "U-CARDIO-HCL").directory().search(UnitQuery.all().module(VtModule.PRADO))).isNotEmpty();
    assertThat(client(psc, "U-NEURO-CHU38").directory().search(UnitQuery.all())).isNotEmpty();
    assertThatThrownBy(() -> client(psc, "SMR-CARDIO-69").directory().search(UnitQuery.all()))
        .isInstanceOf(io.vtsdk.client.VtApiException.class).hasMessageContaining("403");
  }

  @Test
  void theTokenIsRefreshedBeforeItsExpiryOnceWhateverTheNumberOfThreads() throws Exception {
    PscTokenProvider psc = loggedIn(DOCTOR);
    String first = psc.token();
    tokenCalls(); // the login's
    clock.advance(Duration.ofMinutes(3));
    assertThat(psc.token()).as("5 min tokens, refreshed 60 s before").isEqualTo(first);
    clock.advance(Duration.ofSeconds(90));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> got = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      got.add(pool.submit(() -> {
        go.await();
        return psc.token();
      }));
    }
    go.countDown();
    Set<String> tokens = new HashSet<>();
    for (Future<String> f : got) {
      tokens.add(f.get());
    }
    pool.shutdown();
    assertThat(tokens).hasSize(1).doesNotContain(first);
    assertThat(tokenCalls()).as("one refresh for 16 threads").hasSize(1);
    assertThat(client(psc, "U-CARDIO-HCL").directory().search(UnitQuery.all())).isNotEmpty();
  }

  @Test
  void keyRotationWhileTheClientHoldsTokens() {
    PscTokenProvider psc = loggedIn(DOCTOR);
    VtClient vtClient = client(psc, "U-CARDIO-HCL");
    String held = psc.token();
    vt.psc().rotateKeys();
    assertThat(vtClient.directory().search(UnitQuery.all())).as("the held token, previous key").isNotEmpty();
    assertThat(psc.token()).isEqualTo(held);
    clock.advance(Duration.ofMinutes(5)); // refresh: an ID token signed by the new key, fetched from the JWKS
    String renewed = psc.token();
    assertThat(renewed).isNotEqualTo(held);
    assertThat(vtClient.directory().search(UnitQuery.all())).isNotEmpty();
    vt.psc().rotateKeys(); // the key of the held token is no longer published
    assertThat(vtClient.directory().search(UnitQuery.all())).as("signed by the key still published").isNotEmpty();
  }

  @Test
  void aRefusedRefreshEndsTheSessionWithItsReason() {
    PscTokenProvider psc = loggedIn(DOCTOR);
    vt.psc().revokeRefreshTokens();
    clock.advance(Duration.ofMinutes(5));
    assertThatThrownBy(psc::token).isInstanceOfSatisfying(PscAuthException.class,
        e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.SESSION_EXPIRED));
    assertThat(psc.isLoggedIn()).isFalse();
    assertThatThrownBy(psc::token).isInstanceOfSatisfying(PscAuthException.class,
        e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.NOT_LOGGED_IN));
  }

  @Test
  void aForgedOrMixedUpCallbackIsRefused() {
    PscTokenProvider psc = provider().build();
    PscLogin mine = psc.startLogin();
    PscLogin other = psc.startLogin();
    URI otherCallback = PscBrowser.login(other.authorizationUri(), DOCTOR);
    assertThatThrownBy(() -> psc.completeLogin(mine, otherCallback)).isInstanceOfSatisfying(PscAuthException.class,
        e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.STATE_MISMATCH));
    String state = otherCallback.getRawQuery().replaceAll(".*state=([^&]+).*", "$1");
    URI mixedUp = URI.create(CALLBACK + "?code=abc&state=" + state + "&iss=https%3A%2F%2Fevil.example");
    assertThatThrownBy(() -> psc.completeLogin(other, mixedUp)).isInstanceOfSatisfying(PscAuthException.class,
        e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.ISSUER_MISMATCH));
    URI denied = URI.create(CALLBACK + "?error=access_denied&state=" + state);
    assertThatThrownBy(() -> psc.completeLogin(other, denied)).isInstanceOfSatisfying(PscAuthException.class,
        e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.LOGIN_REFUSED));
    assertThat(psc.completeLogin(other, otherCallback)).isEqualTo(DOCTOR);
    assertThatThrownBy(() -> psc.completeLogin(other, otherCallback)).as("a code is used once")
        .isInstanceOfSatisfying(PscAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.CODE_REFUSED));
  }

  @Test
  void configurationProblemsHaveTheirReasons() {
    PscTokenProvider wrongSecret = provider().clientSecret("not-the-secret").build();
    PscLogin login = wrongSecret.startLogin();
    URI callback = PscBrowser.login(login.authorizationUri(), DOCTOR);
    assertThatThrownBy(() -> wrongSecret.completeLogin(login, callback)).isInstanceOfSatisfying(
        PscAuthException.class, e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.CLIENT_REFUSED));
    assertThatThrownBy(() -> PscTokenProvider.builder(URI.create("http://127.0.0.1:9/psc")).clientId("x")
        .clientSecret("y").redirectUri(CALLBACK).timeouts(Duration.ofMillis(500), Duration.ofMillis(500)).build()
        .startLogin()).isInstanceOfSatisfying(PscAuthException.class,
            e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.DISCOVERY_FAILED));
    assertThatThrownBy(() -> provider().build().token()).isInstanceOfSatisfying(PscAuthException.class,
        e -> assertThat(e.reason()).isEqualTo(PscAuthException.Reason.NOT_LOGGED_IN));
  }

  @Test
  void aClientWithPrivateKeyJwt() throws Exception {
    com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("ehr-1").generate();
    vt.psc().registerClient(PscClientRegistration.withPrivateKeyJwt("ehr-jwt", key, PscSimulator.VT_AUDIENCE,
        CALLBACK));
    PscTokenProvider psc = PscTokenProvider.builder(URI.create(vt.baseUrl() + "/psc")).clientId("ehr-jwt")
        .privateKeyJwt(key).redirectUri(CALLBACK).clock(clock).build();
    PscLogin login = psc.startLogin();
    psc.completeLogin(login, PscBrowser.login(login.authorizationUri(), DOCTOR));
    clock.advance(Duration.ofMinutes(5));
    assertThat(psc.token()).as("a refresh, with a new assertion").isNotBlank();
    assertThat(client(psc, "U-CARDIO-HCL").directory().search(UnitQuery.all())).isNotEmpty();
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
