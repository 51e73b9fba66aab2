package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.client.FaultToleranceTest.RecordingSleeper;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.Fault;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.OkHttpClient;

/**
 * N creates through the client while the reference server drops connections before or after committing, answers
 * 503 or answers too late: exactly N dossiers exist afterwards, each the one the caller sent, none duplicated.
 */
class ExactlyOnceProperties {
  static final Duration LATENCY = Duration.ofMillis(400);
  static ReferenceServer vt;
  /** Reads time out after 200 ms, so a 400 ms server latency is a client timeout that is retried. */
  static final OkHttpClient SHORT_READS = ClientTestBase.HTTP.newBuilder().readTimeout(200, TimeUnit.MILLISECONDS)
      .build();

  @BeforeContainer
  static void start() {
    vt = ReferenceServer.builder().build().start();
    // A cold server's first creates load their classes (engine, JSON, validation) for longer than the 200 ms reads:
    // warm it with the same calls first, so that only the injected latency times out, however slow the machine.
    VtClient warm = VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of(vt.demoToken(
        Role.REQUESTER))).build();
    VtFixtures fx = VtFixtures.seeded(1, ClientTestBase.TODAY);
    for (int i = 0; i < 20; i++) {
      warm.dossiers().create(fx.dossier(VtModule.TND).build());
    }
    warm.dossiers().listAll(DossierQuery.all()).stream().count();
  }

  @AfterContainer
  static void stop() {
    vt.close();
  }

  enum Injected { NONE, DROP_BEFORE_COMMIT, DROP_AFTER_COMMIT, UNAVAILABLE_503, TIMEOUT }

  record Step(Injected fault, int times) {
    Fault toFault() {
      Fault f = switch (fault) {
        case DROP_BEFORE_COMMIT -> Fault.dropBeforeWrite("POST", "/v1/dossiers");
        case DROP_AFTER_COMMIT -> Fault.dropAfterWrite("POST", "/v1/dossiers");
        case UNAVAILABLE_503 -> Fault.status("POST", "/v1/dossiers", 503, 1);
        case TIMEOUT -> Fault.latency("POST", "/v1/dossiers", LATENCY);
        case NONE -> null;
      };
      return f == null ? null : f.times(times);
    }
  }

  @Provide
  Arbitrary<List<Step>> plans() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.frequency(
        net.jqwik.api.Tuple.of(2, Injected.NONE), net.jqwik.api.Tuple.of(2, Injected.DROP_BEFORE_COMMIT),
        net.jqwik.api.Tuple.of(3, Injected.DROP_AFTER_COMMIT), net.jqwik.api.Tuple.of(2, Injected.UNAVAILABLE_503),
        net.jqwik.api.Tuple.of(1, Injected.TIMEOUT)), Arbitraries.integers().between(1, 2))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 25)
  void everyAcknowledgedCreateExistsExactlyOnce(@ForAll("plans") List<Step> plan, @ForAll boolean async,
      @ForAll long seed) throws InterruptedException {
    vt.reset();
    vt.setClock(ClientTestBase.NOW);
    VtFixtures fx = VtFixtures.seeded(seed, ClientTestBase.TODAY);
    RecordingSleeper sleeper = new RecordingSleeper();
    VtClient.Builder b = VtClient.builder().baseUrl(vt.baseUrl())
        .tokenProvider(TokenProvider.of(vt.demoToken(Role.REQUESTER))).httpClient(SHORT_READS)
        .maxAttempts(4).sleeper(sleeper);
    VtClient sync = b.build();
    VtAsyncClient asyncClient = b.buildAsync();

    List<Dossier> sent = new ArrayList<>();
    List<Dossier> acknowledged = new ArrayList<>();
    for (Step step : plan) {
      Fault f = step.toFault();
      if (f != null) {
        vt.addFault(f);
      }
      Dossier d = fx.dossier(VtModule.TND).build();
      sent.add(d);
      acknowledged.add(async ? asyncClient.dossiers().create(d).join() : sync.dossiers().create(d));
      vt.clearFaults();
    }

    // Attempts the client gave up on (timeouts) may still be running on the server: wait until every attempt it
    // made has been handled (they land as replays) before counting, and before the next try resets the server.
    int attempts = plan.size() + sleeper.delays.size();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (vt.journal().stream().filter(e -> "POST".equals(e.method()) && "/v1/dossiers".equals(e.path()))
        .count() < attempts && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<Dossier> onServer = sync.dossiers().listAll(DossierQuery.all()).stream().toList();
    assertThat(onServer).hasSize(plan.size());
    assertThat(acknowledged).extracting(Dossier::id).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(onServer.stream().map(Dossier::id).toList());
    for (int i = 0; i < plan.size(); i++) {
      assertThat(acknowledged.get(i).patient()).isEqualTo(sent.get(i).patient());
    }
  }
}
