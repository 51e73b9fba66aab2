package io.vtsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.api.Event;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.fixtures.VtFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** vt-client's live follow of the feed: every event once, in order, across the server's periodic end of stream. */
class EventStreamClientTest {

  @Test
  void everyEventArrivesOnceInOrderAcrossReconnections() throws Exception {
    // streams of 1 s: the test crosses several ends of stream, each resumed with Last-Event-ID
    try (ReferenceServer vt = ReferenceServer.builder().eventStreamDuration(Duration.ofSeconds(1)).build().start()) {
      vt.setClock(ClientTestBase.NOW);
      VtClient client = VtClient.builder().baseUrl(vt.baseUrl())
          .tokenProvider(TokenProvider.of(vt.demoToken(Role.REQUESTER))).httpClient(ClientTestBase.HTTP).build();
      VtFixtures fx = VtFixtures.seeded(5, ClientTestBase.TODAY);
      BlockingQueue<Event> got = new LinkedBlockingQueue<>();
      BlockingQueue<VtException> failures = new LinkedBlockingQueue<>();
      try (EventStream s = client.events().stream(null, new EventStream.Listener() {
        @Override
        public void onEvent(Event event) {
          got.add(event);
        }

        @Override
        public void onFailure(VtException failure, boolean retrying) {
          failures.add(failure);
        }
      })) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!s.isConnected() && System.nanoTime() < until) {
          Thread.sleep(20);
        }
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
          created.add(client.dossiers().create(fx.dossier(VtModule.SANITAIRE).build()).id().value());
          Thread.sleep(400); // spread over about three streams
        }
        List<String> seen = new java.util.ArrayList<>();
        while (seen.size() < created.size()) {
          Event e = got.poll(10, TimeUnit.SECONDS);
          assertThat(e).as("events so far " + seen).isNotNull();
          seen.add(e.dossierId().value());
        }
        assertThat(seen).isEqualTo(created);
        assertThat(got.poll(1500, TimeUnit.MILLISECONDS)).as("nothing twice").isNull();
        assertThat(s.lastEventId()).isNotNull();
        assertThat(failures).as("an end of stream is not a failure").isEmpty();
      }
    }
  }

  @Test
  void manyStreamsOfOneClientAllConnectAndLeaveAsynchronousCallsFree() throws Exception {
    // OkHttp's dispatcher runs 5 asynchronous calls per host: streams on it left the sixth waiting for ever and held
    // back every asynchronous call of the same root client (EventFanoutHarness found it)
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      VtClient.Builder b = VtClient.builder().baseUrl(vt.baseUrl())
          .tokenProvider(TokenProvider.of(vt.demoToken(Role.REQUESTER))).httpClient(ClientTestBase.HTTP);
      VtClient client = b.build();
      VtAsyncClient async = b.buildAsync();
      List<EventStream> streams = new java.util.ArrayList<>();
      java.util.concurrent.CountDownLatch delivered = new java.util.concurrent.CountDownLatch(12);
      try {
        for (int i = 0; i < 12; i++) {
          streams.add(client.events().stream(null, event -> delivered.countDown()));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (streams.stream().anyMatch(s -> !s.isConnected()) && System.nanoTime() < until) {
          Thread.sleep(20);
        }
        assertThat(streams).allMatch(EventStream::isConnected);
        assertThat(async.health().get(5, TimeUnit.SECONDS)).isNotNull();
        client.dossiers().create(VtFixtures.seeded(1, ClientTestBase.TODAY).dossier(VtModule.SANITAIRE).build());
        assertThat(delivered.await(10, TimeUnit.SECONDS)).as("every stream got the event").isTrue();
      } finally {
        streams.forEach(EventStream::close);
      }
    }
  }

  @Test
  @SuppressWarnings("try") // the stream is held open while the body waits for its failure
  void aRefusedTokenStopsTheStreamAndIsReported() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      VtClient client = VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of("not-a-token"))
          .httpClient(ClientTestBase.HTTP).build();
      BlockingQueue<Object[]> failures = new LinkedBlockingQueue<>();
      try (EventStream s = client.events().stream(null, new EventStream.Listener() {
        @Override
        public void onEvent(Event event) {}

        @Override
        public void onFailure(VtException failure, boolean retrying) {
          failures.add(new Object[] {failure, retrying});
        }
      })) {
        Object[] f = failures.poll(10, TimeUnit.SECONDS);
        assertThat(f).isNotNull();
        assertThat(f[0]).isInstanceOf(VtApiException.Unauthorized.class);
        assertThat(f[1]).isEqualTo(false);
        assertThat(failures.poll(2, TimeUnit.SECONDS)).as("not retried").isNull();
      }
    }
  }
}
