package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.api.Event;
import io.vtsdk.api.Page;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EventService}: the change feed, each caller seeing what it may see, with opaque cursors. */
public class EventServiceTest extends CoreTestBase {

  @Test
  void cursorsAreOpaqueAndForgedOrForeignOnesAreRefused() {
    for (int i = 0; i < 3; i++) {
      create(requester, prado());
    }
    Page<Event> first = core.events().page(requester, null, 2);
    assertThat(first.items()).hasSize(2);
    assertThat(first.nextCursor()).doesNotContainPattern("^[0-9]+$");
    assertThat(core.events().page(requester, first.nextCursor(), 10).items()).hasSize(1);
    refused(VtCoreException.Kind.BAD_INPUT, () -> core.events().page(requester, "AAAAAAAAAAAAAAAAAAAAAA", 10));
    VtCore other = newCore(store());
    refused(VtCoreException.Kind.BAD_INPUT, () -> other.events().page(requester, first.nextCursor(), 10));
  }

  @Test
  void eachSideSeesTheEventsOfWhatItSees() {
    Dossier d = create(requester, sanitaire());
    List<AdmissionRequest> sent = send(requester, d.id(), SMR1, SMR2);
    core.requests().read(smr1, sent.get(0).id(), o());
    assertThat(core.events().page(requester, null, 100).items()).extracting(Event::type)
        .containsExactly("dossier.created", "request.sent", "request.sent", "request.read");
    assertThat(core.events().page(smr1, null, 100).items()).extracting(Event::type)
        .containsExactly("request.sent", "request.read");
    assertThat(core.events().page(smr2, null, 100).items()).extracting(Event::requestId)
        .containsExactly(sent.get(1).id());
    assertThat(core.events().page(otherWard, null, 100).items()).isEmpty();
  }

  @Test
  void theEndCursorGivesOnlyWhatHappensNextAndRevealsNothingOfOthers() {
    create(otherWard, sanitaire().toBuilder().requester(new io.vtsdk.model.dossier.Requester(OTHER_WARD, null))
        .build());
    String end = core.events().end(requester);
    assertThat(end).isEqualTo(core.events().page(requester, null, 100).nextCursor());
    Dossier d = create(requester, prado());
    assertThat(core.events().page(requester, end, 100).items()).extracting(Event::dossierId)
        .containsExactly(d.id());
  }

  @Test
  void aWaitingStreamWakesOnACommit() throws Exception {
    long seen = core.events().awaitWrite(0, 1);
    Thread writer = new Thread(() -> create(requester, prado()));
    writer.start();
    long after = core.events().awaitWrite(seen, 60_000); // generous: returns at the commit, not at the timeout
    writer.join();
    assertThat(after).isGreaterThan(seen);
  }
}
