package io.vtsdk.client;

import io.vtsdk.api.Event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The change-feed helper: each event handed once, the watermark saved after the handler, resumable after a crash. */
class EventSyncTest extends ClientTestBase {

  void createDossiers(int n) {
    for (int i = 0; i < n; i++) {
      requester.dossiers().create(dossier(VtModule.TND));
    }
  }

  @Test
  void handsEveryEventOnceInOrderAcrossPagesAndThenOnlyNewOnes() {
    createDossiers(7);
    WatermarkStore store = WatermarkStore.inMemory();
    List<Event> seen = new ArrayList<>();
    EventSync sync = requester.events().sync(store, seen::add).pageSize(3);
    assertThat(sync.syncOnce()).isEqualTo(7);
    assertThat(seen).extracting(Event::type).containsOnly("dossier.created");
    assertThat(seen).extracting(Event::dossierId).doesNotHaveDuplicates().hasSize(7);
    assertThat(store.load()).isEqualTo(seen.get(6).cursor());

    assertThat(sync.syncOnce()).isZero();
    createDossiers(2);
    assertThat(sync.syncOnce()).isEqualTo(2);
    assertThat(seen).hasSize(9).extracting(Event::cursor).doesNotHaveDuplicates();
  }

  @Test
  void aCrashInTheHandlerResumesAtTheFailedEventWithoutGapsOrDuplicates() {
    createDossiers(10);
    WatermarkStore store = WatermarkStore.inMemory();
    List<Event> committed = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    EventSync crashing = requester.events().sync(store, e -> {
      if (calls.incrementAndGet() == 5) {
        throw new IllegalStateException("disk full");
      }
      committed.add(e);
    }).pageSize(4);
    assertThatThrownBy(crashing::syncOnce).isInstanceOf(EventSync.HandlerException.class)
        .hasMessageContaining("watermark stays before it").hasRootCauseMessage("disk full");
    assertThat(committed).hasSize(4);
    assertThat(store.load()).isEqualTo(committed.get(3).cursor());

    // "restart": a new sync over the same store
    EventSync resumed = client(vt.demoToken(io.vtsdk.model.workflow.Role.REQUESTER)).events()
        .sync(store, committed::add).pageSize(4);
    assertThat(resumed.syncOnce()).isEqualTo(6);
    List<Dossier> all = requester.dossiers().listAll(DossierQuery.all()).stream().toList();
    assertThat(committed).extracting(Event::dossierId)
        .containsExactlyElementsOf(all.stream().map(Dossier::id).toList());
  }

  @Test
  void anUnreadablePageStopsTheSyncAndKeepsTheWatermark() {
    createDossiers(3);
    WatermarkStore store = WatermarkStore.inMemory();
    requester.events().sync(store, e -> { }).syncOnce();
    String mark = store.load();
    vt.addFault(io.vtsdk.server.Fault.status("GET", "/v1/events", 503, 0).times(10));
    createDossiers(1);
    assertThatThrownBy(() -> requester.events().sync(store, e -> { }).syncOnce())
        .isInstanceOf(VtApiException.Server.class);
    assertThat(store.load()).isEqualTo(mark);
    vt.clearFaults();
    assertThat(requester.events().sync(store, e -> { }).syncOnce()).isEqualTo(1);
  }
}
