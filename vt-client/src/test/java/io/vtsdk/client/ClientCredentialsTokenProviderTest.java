package io.vtsdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsTokenProviderTest {
  WireMockServer wm;
  MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  ClientCredentialsTokenProvider provider() {
    return ClientCredentialsTokenProvider.builder(URI.create(wm.baseUrl() + "/oauth/token")).clientId("ehr-42")
        .clientSecret("s3cret").scope("vt.requests").httpClient(ClientTestBase.HTTP).clock(clock).build();
  }

  void tokens(String... values) {
    for (int i = 0; i < values.length; i++) {
      var m = post(urlPathEqualTo("/oauth/token")).inScenario("t")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
          .willReturn(aResponse().withHeader("Content-Type", "application/json")
              .withBody("{\"access_token\":\"" + values[i] + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
      wm.stubFor(i + 1 < values.length ? m.willSetStateTo("s" + (i + 1)) : m);
    }
  }

  @Test
  void fetchesWithBasicAuthCachesAndRefreshesBeforeExpiry() {
    tokens("tok-1", "tok-2");
    ClientCredentialsTokenProvider p = provider();
    assertThat(p.token()).isEqualTo("tok-1");
    clock.advance(Duration.ofSeconds(200));
    assertThat(p.token()).isEqualTo("tok-1"); // cached: 100 s left, refreshed 60 s before expiry
    wm.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
        .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString("ehr-42:s3cret"
            .getBytes())))
        .withRequestBody(containing("grant_type=client_credentials")).withRequestBody(containing("scope=vt.requests")));
    clock.advance(Duration.ofSeconds(45));
    assertThat(p.token()).isEqualTo("tok-2");
    assertThat(p.toString()).doesNotContain("s3cret").doesNotContain("tok-2");
  }

  @Test
  void aRefusedTokenIsFetchedAgainAndTheCallRetriedOnce() {
    tokens("stale", "fresh");
    wm.stubFor(get(urlPathEqualTo("/v1/health")).withHeader("Authorization", equalTo("Bearer stale"))
        .willReturn(aResponse().withStatus(401)));
    wm.stubFor(get(urlPathEqualTo("/v1/health")).withHeader("Authorization", equalTo("Bearer fresh"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"status\":\"UP\",\"time\":\"2026-11-23T10:00:00Z\"}")));
    VtClient c = VtClient.builder().baseUrl(URI.create(wm.baseUrl())).tokenProvider(provider())
        .httpClient(ClientTestBase.HTTP).build();
    assertThat(c.health().isUp()).isTrue();
    wm.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
  }

  @Test
  void tokenEndpointFailuresAreTyped() {
    wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_client\"}")));
    assertThatThrownBy(() -> provider().token()).isInstanceOf(VtApiException.Unauthorized.class)
        .hasMessageContaining("token endpoint answered 400");
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withBody("{\"token_type\":\"x\"}")));
    assertThatThrownBy(() -> provider().token()).isInstanceOf(VtDecodeException.class)
        .hasMessageContaining("no access_token");
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withBody("<html>")));
    assertThatThrownBy(() -> provider().token()).isInstanceOf(VtException.class);
    assertThatThrownBy(() -> ClientCredentialsTokenProvider.builder(URI.create("http://x/")).clientId("a").build())
        .hasMessage("clientSecret is required");
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
