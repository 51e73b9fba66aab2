package io.vtsdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.server.fixtures.VtFixtures;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, timeouts and broken answers, with WireMock playing a misbehaving VT; the sleeper only records. */
class FaultToleranceTest {
  static WireMockServer wm;
  static final Dossier DRAFT = VtFixtures.seeded(7, LocalDate.of(2026, 11, 23)).dossier(VtModule.SANITAIRE).build();
  static final String CREATED = json(DRAFT.toBuilder().status(DossierStatus.DRAFT).version(1).build());

  final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  VtClient.Builder builder() {
    return VtClient.builder().baseUrl(URI.create(wm.baseUrl())).tokenProvider(TokenProvider.of("t0k3n"))
        .httpClient(ClientTestBase.HTTP).sleeper(sleeper).random(() -> 0.5);
  }

  VtClient client() {
    return builder().build();
  }

  /** The responses in order, then the last one again. */
  static void sequence(String method, String path, ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "s" + i;
      var mapping = ("GET".equals(method) ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path)))
          .inScenario(path).whenScenarioStateIs(state).willReturn(responses[i]);
      wm.stubFor(i + 1 < responses.length ? mapping.willSetStateTo("s" + (i + 1)) : mapping);
    }
  }

  static ResponseDefinitionBuilder created() {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "req-ok").withBody(CREATED);
  }

  static ResponseDefinitionBuilder problem(int status, String type) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
        .withHeader("X-Request-Id", "req-" + status)
        .withBody("{\"type\":\"https://vtsdk.io/problems/" + type + "\",\"title\":\"t\",\"status\":" + status
            + ",\"detail\":\"d\"}");
  }

  static List<LoggedRequest> requests() {
    return wm.findAll(anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  static List<String> header(String name) {
    return requests().stream().map(r -> r.getHeader(name)).toList();
  }

  @Test
  void a503WithRetryAfterIsRetriedAfterThatDelayWithTheSameKeyAndCorrelationId() {
    sequence("POST", "/v1/dossiers", problem(503, "unavailable").withHeader("Retry-After", "2"), created());
    Dossier d = client().dossiers().create(DRAFT);
    assertThat(d.id()).isEqualTo(DRAFT.id());
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2));
    assertThat(header("Idempotency-Key")).hasSize(2).doesNotContainNull().containsOnly(header("Idempotency-Key")
        .get(0));
    assertThat(header("X-Correlation-Id")).hasSize(2).containsOnly(header("X-Correlation-Id").get(0));
  }

  @Test
  void aDropAfterCommitIsRetriedWithTheSameKeyAndTheReplayIsTheOneResult() {
    sequence("POST", "/v1/dossiers", aResponse().withFault(Fault.EMPTY_RESPONSE),
        created().withHeader("Idempotent-Replayed", "true"));
    assertThat(client().dossiers().create(DRAFT).id()).isEqualTo(DRAFT.id());
    assertThat(header("Idempotency-Key")).hasSize(2).containsOnly(header("Idempotency-Key").get(0));
  }

  @Test
  void connectionResetsBackOffExponentiallyWithFullJitter() {
    sequence("POST", "/v1/dossiers", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), created());
    assertThat(client().dossiers().create(DRAFT).version()).isEqualTo(1);
    // base 200 ms, jitter 0.5: half of 200 ms, then half of 400 ms
    assertThat(sleeper.delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastError() {
    sequence("POST", "/v1/dossiers", problem(503, "unavailable"));
    VtException e = thrown(() -> client().dossiers().create(DRAFT));
    assertThat(e).isInstanceOf(VtApiException.Server.class);
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.code()).isEqualTo(VtErrorCode.UNAVAILABLE);
    assertThat(e.requestId()).isEqualTo("req-503");
    assertThat(e.correlationId()).isEqualTo(header("X-Correlation-Id").get(0));
    assertThat(requests()).hasSize(3);
    assertThat(sleeper.delays).hasSize(2);
  }

  @Test
  void aRetryAfterLongerThanTheLimitFailsAtOnce() {
    sequence("POST", "/v1/dossiers", problem(429, "rate-limited").withHeader("Retry-After", "120"));
    VtException e = thrown(() -> client().dossiers().create(DRAFT));
    assertThat(e).isInstanceOf(VtApiException.RateLimited.class);
    assertThat(((VtApiException.RateLimited) e).retryAfterSeconds()).isEqualTo(120);
    assertThat(requests()).hasSize(1);
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
    sequence("GET", "/v1/dossiers/D-1", problem(503, "unavailable").withHeader("Retry-After", in3s),
        created().withStatus(200));
    client().dossiers().get(DossierId.of("D-1"));
    assertThat(sleeper.delays).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(1),
        Duration.ofSeconds(3)));
  }

  @Test
  void clientErrorsAreNeverRetried() {
    for (int status : List.of(400, 403, 404, 409, 412, 422)) {
      wm.resetAll();
      sequence("POST", "/v1/dossiers", problem(status, "conflict"));
      VtException e = thrown(() -> client().dossiers().create(DRAFT));
      assertThat(e.status()).isEqualTo(status);
      assertThat(requests()).as("status " + status).hasSize(1);
    }
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void aConcurrentCallWithTheSameKeyStillInProgressIsRetried() {
    sequence("POST", "/v1/dossiers", problem(409, "idempotency-in-progress"), created());
    assertThat(client().dossiers().create(DRAFT).id()).isEqualTo(DRAFT.id());
    assertThat(requests()).hasSize(2);
  }

  @Test
  void theRetryBudgetStopsRetriesWhenTheServerKeepsFailing() {
    sequence("POST", "/v1/dossiers", problem(503, "unavailable"));
    VtClient c = builder().maxAttempts(10).retryBudget(10).build(); // two retries in the bucket
    thrown(() -> c.dossiers().create(DRAFT));
    assertThat(requests()).hasSize(3);
    wm.resetRequests();
    thrown(() -> c.dossiers().create(DRAFT));
    assertThat(requests()).hasSize(1); // budget spent: no retry
  }

  @Test
  void aSlowAnswerBeyondTheTimeoutIsATransportError() {
    wm.stubFor(get(urlPathEqualTo("/v1/dossiers/D-1")).willReturn(created().withStatus(200)
        .withFixedDelay(3_000)));
    long start = System.nanoTime();
    VtException e = thrown(() -> client().dossiers().get(DossierId.of("D-1"),
        RequestOptions.builder().timeout(Duration.ofMillis(300)).build()));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
    assertThat(e).isInstanceOf(VtTransportException.class);
    assertThat(e.code()).isEqualTo(VtErrorCode.TRANSPORT);
    assertThat(e.getMessage()).contains("timed out");
  }

  @Test
  void malformedOrTruncatedBodiesAreDecodeErrors() {
    for (String body : List.of("not json", "{\"id\":\"D-1\",\"module\":\"SANIT", "", "[1,2]",
        "{\"id\":\"D-1\",\"module\":\"NO_SUCH_MODULE\"}")) {
      wm.resetAll();
      wm.stubFor(get(urlPathEqualTo("/v1/dossiers/D-1")).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-bad").withBody(body)));
      VtException e = thrown(() -> client().dossiers().get(DossierId.of("D-1")));
      assertThat(e).as(body).isInstanceOf(VtDecodeException.class);
      assertThat(e.code()).isEqualTo(VtErrorCode.DECODE);
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.requestId()).isEqualTo("req-bad");
      assertThat(e.getMessage()).doesNotContain(body.isEmpty() ? "\u0000" : body);
    }
  }

  @Test
  void garbageOnTheWireIsATransportErrorAfterRetries() {
    for (Fault fault : List.of(Fault.MALFORMED_RESPONSE_CHUNK, Fault.RANDOM_DATA_THEN_CLOSE)) {
      wm.resetAll();
      wm.stubFor(get(urlPathEqualTo("/v1/dossiers/D-1")).willReturn(aResponse().withFault(fault)));
      VtException e = thrown(() -> client().dossiers().get(DossierId.of("D-1")));
      assertThat(e).as(fault.name()).isInstanceOfAny(VtTransportException.class, VtDecodeException.class);
      assertThat(e.getCause()).isNotNull();
    }
  }

  @Test
  void anErrorPageThatIsNotAProblemStillGivesATypedError() {
    wm.stubFor(any(urlPathEqualTo("/v1/dossiers/D-1")).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));
    VtException e = thrown(() -> builder().maxAttempts(1).build().dossiers().get(DossierId.of("D-1")));
    assertThat(e).isInstanceOf(VtApiException.Server.class);
    assertThat(((VtApiException) e).problem()).isNull();
    assertThat(e.code()).isEqualTo(VtErrorCode.INTERNAL_ERROR);
  }

  @Test
  void aDownloadWhoseHashDoesNotMatchIsRefused() {
    wm.stubFor(get(urlPathEqualTo("/v1/attachments/A-1")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/pdf").withHeader("X-Content-SHA256", "0".repeat(64))
        .withBody("%PDF-1.7 altered")));
    VtException e = thrown(() -> client().attachments().download(AttachmentId.of("A-1"),
        new ByteArrayOutputStream()));
    assertThat(e).isInstanceOf(VtDecodeException.class);
    assertThat(e.getMessage()).contains("does not match");
  }

  @Test
  void theAsyncClientRetriesTheSameWay() {
    sequence("POST", "/v1/dossiers", problem(503, "unavailable").withHeader("Retry-After", "1"),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), created());
    assertThat(builder().buildAsync().dossiers().create(DRAFT).join().id()).isEqualTo(DRAFT.id());
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(200));
    assertThat(header("Idempotency-Key")).hasSize(3).containsOnly(header("Idempotency-Key").get(0));

    wm.resetAll();
    sequence("POST", "/v1/dossiers", problem(422, "validation-failed"));
    CompletableFuture<Dossier> refused = builder().buildAsync().dossiers().create(DRAFT);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(refused::join)).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(VtApiException.Validation.class);
  }

  @Test
  void idsAreSentAsOneEncodedPathSegment() {
    wm.stubFor(any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(problem(404, "not-found")));
    thrown(() -> client().dossiers().get(DossierId.of("D-1/../admin é")));
    assertThat(requests()).singleElement().extracting(LoggedRequest::getUrl)
        .isEqualTo("/v1/dossiers/D-1%2F..%2Fadmin%20%C3%A9");
  }

  static VtException thrown(ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(VtException.class);
    return (VtException) t;
  }

  static String json(Object value) {
    try {
      return VtJson.newMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records the delays instead of waiting. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration d) {
      delays.add(d);
    }

    @Override
    public CompletableFuture<Void> after(Duration d) {
      delays.add(d);
      return CompletableFuture.completedFuture(null);
    }
  }
}
