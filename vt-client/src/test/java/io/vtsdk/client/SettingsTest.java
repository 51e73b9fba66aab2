package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.JournalEntry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builder and per-call options: bad settings are refused with a message naming the setting and the rule. */
class SettingsTest extends ClientTestBase {

  @Test
  void requestOptionsAreChecked() {
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey(" ").build())
        .hasMessage("idempotencyKey must not be blank");
    assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("k".repeat(256)).build())
        .hasMessage("idempotencyKey must be at most 255 characters");
    assertThatThrownBy(() -> RequestOptions.builder().correlationId("é").build())
        .hasMessage("correlationId must be printable ASCII (HTTP header)");
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", "a\r\nInjected: 1").build())
        .hasMessageContaining("header X-Trace must be printable ASCII");
    for (String reserved : new String[] {"Authorization", "idempotency-key", "If-Match", "X-Correlation-Id"}) {
      assertThatThrownBy(() -> RequestOptions.builder().header(reserved, "x").build())
          .as(reserved).hasMessageContaining("is set by the client");
    }
  }

  @Test
  void builderSettingsAreChecked() {
    assertThatThrownBy(() -> VtClient.builder().tokenProvider(TokenProvider.of("t")).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("baseUrl is required");
    assertThatThrownBy(() -> VtClient.builder().baseUrl(URI.create("http://x/")).build())
        .hasMessageContaining("tokenProvider is required");
    assertThatThrownBy(() -> VtClient.builder().baseUrl(URI.create("ftp://x/")))
        .hasMessageContaining("baseUrl must be an http(s) URL");
    assertThatThrownBy(() -> VtClient.builder().maxAttempts(0)).hasMessageContaining("between 1 and 10");
    assertThatThrownBy(() -> VtClient.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("0 <= base <= max");
    assertThatThrownBy(() -> VtClient.builder().appInfo("Mon DPI\n")).hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> TokenProvider.of(" ")).hasMessage("token must not be blank");
    assertThat(TokenProvider.of("secret-token").toString()).doesNotContain("secret-token");
    assertThatThrownBy(() -> requester.dossiers().get(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aDerivedClientHonoursItsOwnTimeoutsAndSharesTheConnectionPool() {
    vt.addFault(io.vtsdk.server.Fault.latency("GET", "/v1/units", Duration.ofMillis(1500)));
    VtClient patient = requester.newBuilder().maxAttempts(1).build();
    VtClient hurried = patient.newBuilder().callTimeout(Duration.ofMillis(300)).build();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> hurried.directory().search(UnitQuery.all())).isInstanceOf(VtTransportException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the derived client's 300 ms, not 30 s")
        .isLessThan(Duration.ofMillis(1400));
    assertThat(patient.directory().search(UnitQuery.all())).as("the original keeps its own").isNotEmpty();
    assertThat(hurried.config().callTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(patient.config().callTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(hurried.config().rootHttpClient()).isSameAs(patient.config().rootHttpClient()).isSameAs(HTTP);
    assertThat(hurried.config().httpClient().connectionPool()).isSameAs(HTTP.connectionPool());

    VtClient.Builder b = VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of("t"))
        .connectTimeout(Duration.ofSeconds(2));
    VtClient built = b.build();
    b.connectTimeout(Duration.ofSeconds(9)).baseUrl(URI.create("http://elsewhere.example/"));
    assertThat(built.config().connectTimeout()).as("the builder's later changes do not reach a built client")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(built.config().baseUrl()).isEqualTo(vt.baseUrl());
    assertThat(built.newBuilder().build().config().rootHttpClient()).as("clients built from it share one root")
        .isSameAs(built.config().rootHttpClient());
  }

  @Test
  void aRetryAfterDateIsReadOnTheClientsClock() throws Exception {
    java.time.Instant now = java.time.Instant.parse("2030-01-01T10:00:00Z");
    String inTwoSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        now.plusSeconds(2).atZone(java.time.ZoneOffset.UTC));
    java.util.List<Duration> waits = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    VtClient client = VtClient.builder().baseUrl(URI.create("http://vt.test/")).tokenProvider(TokenProvider.of("t"))
        .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).sleeper(new io.vtsdk.client.Sleeper() {
          @Override
          public void sleep(Duration d) {
            waits.add(d);
          }

          @Override
          public java.util.concurrent.CompletableFuture<Void> after(Duration d) {
            waits.add(d);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
          }
        })
        .httpClient(OfflineTransport.answering(request -> calls.getAndIncrement() == 0
            ? OfflineTransport.response(request, 503, "{}").newBuilder().header("Retry-After", inTwoSeconds).build()
            : OfflineTransport.response(request, 200, "{\"status\":\"UP\",\"time\":\"2030-01-01T10:00:02Z\"}")))
        .build();
    assertThat(client.health().status()).isEqualTo("UP");
    assertThat(waits).as("2 s after the client's clock, whatever the machine's date").containsExactly(
        Duration.ofSeconds(2));
  }

  @Test
  void theInterceptorsSetEveryCallsHeadersAndATokenFailureKeepsItsType() throws Exception {
    java.util.List<okhttp3.Request> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    okhttp3.OkHttpClient offline = OfflineTransport.answering(request -> {
      seen.add(request);
      return OfflineTransport.response(request, 200, "{\"status\":\"UP\",\"time\":\"2030-01-01T10:00:00Z\"}");
    });
    VtClient client = VtClient.builder().baseUrl(URI.create("http://vt.test/")).tokenProvider(TokenProvider.of("tk"))
        .httpClient(offline).language(java.util.Locale.ENGLISH).appInfo("MyEHR/4.2")
        .actingUnit(io.vtsdk.model.UnitId.of("U-CARDIO-HCL")).build();
    client.health();
    okhttp3.Request r = seen.get(0);
    assertThat(r.header("Authorization")).isEqualTo("Bearer tk");
    assertThat(r.header("User-Agent")).startsWith("vt-sdk-java/").endsWith(" MyEHR/4.2");
    assertThat(r.header("Accept-Language")).isEqualTo("en");
    assertThat(r.header("X-VT-Unit")).isEqualTo("U-CARDIO-HCL");
    assertThat(r.header("X-Correlation-Id")).isNotBlank();

    class Refused extends RuntimeException {
      Refused() {
        super("no session");
      }
    }
    TokenProvider failing = () -> {
      throw new Refused();
    };
    VtClient.Builder b = VtClient.builder().baseUrl(URI.create("http://vt.test/")).tokenProvider(failing)
        .httpClient(offline);
    assertThatThrownBy(() -> b.build().health()).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> b.buildAsync().health().get(5, java.util.concurrent.TimeUnit.SECONDS))
        .hasCauseInstanceOf(Refused.class);
  }

  @Test
  void userAgentLanguageAndExtraHeadersReachTheServer() {
    requester.dossiers().create(dossier(VtModule.TND), RequestOptions.builder().header("X-Ehr-Site", "Lyon")
        .timeout(Duration.ofSeconds(5)).build());
    JournalEntry e = vt.journal().get(0);
    assertThat(e.status()).isEqualTo(201);
    assertThat(e.idempotencyKey()).as("generated").matches("[0-9a-f-]{36}");
    assertThat(VtClient.Builder.version()).doesNotContain("${");
  }

  @Test
  void newBuilderKeepsTheSettingsAndSharesTheConnectionPool() {
    VtClient english = requester.newBuilder().language(java.util.Locale.ENGLISH).build();
    VtException e = ContractTest.catchVt(() -> english.dossiers().get(DossierId.of("D-404")));
    assertThat(((VtApiException) e).problem().title()).isEqualTo("Not found");
    assertThat(english.toString()).isEqualTo("VtClient[" + vt.baseUrl() + "]");
    VtClient cpam = english.newBuilder().tokenProvider(TokenProvider.of(vt.demoToken(Role.CPAM))).build();
    assertThat(cpam.requests().list(RequestQuery.all(), null).items()).isEmpty();
  }

  @Test
  void parametersAreCheckedBeforeAnyCall() {
    assertThatThrownBy(() -> requester.dossiers().send(DossierId.of("D-1"), java.util.List.of()))
        .hasMessage("units: give at least one receiving unit");
    assertThatThrownBy(() -> requester.events().page(null, 0)).hasMessageContaining("between 1 and 1000");
    assertThatThrownBy(() -> DossierQuery.all().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> requester.attachments().upload(DossierId.of("D-1"), " ", "application/pdf",
        new byte[1])).hasMessage("fileName must not be blank");
    assertThatThrownBy(() -> requester.attachments().upload(DossierId.of("D-1"), "a.pdf", "not a type",
        new byte[1])).hasMessageContaining("contentType must be a media type");
    assertThat(vt.journal()).isEmpty();
  }
}
