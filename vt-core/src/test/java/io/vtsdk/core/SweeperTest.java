package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** VT's own sweep: what each module's descriptor says expires, driven by the clock, free while nothing is due. */
public class SweeperTest extends CoreTestBase {

  @Test
  void unansweredRequestsAreArchivedAfterTheDelayAndTheFeedSaysSo() {
    Dossier d = create(requester, sanitaire());
    AdmissionRequest r = send(requester, d.id(), SMR1).get(0);
    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(core.sweep()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(core.sweep()).isEqualTo(1);
    assertThat(request(requester, r.id()).status()).isEqualTo(RequestStatus.ARCHIVED);
    assertThat(core.events().page(smr1, null, 10).items()).extracting(e -> e.type()).endsWith("request.archive");
    assertThat(core.sweeps()).isEqualTo(1);
  }

  @Test
  void aWriteSweepsFirstAndARefusedWriteDoesNotUndoTheSweep() {
    Dossier d = create(requester, sanitaire());
    AdmissionRequest r = send(requester, d.id(), SMR1).get(0);
    clock.advance(Duration.ofDays(31));
    refused(VtCoreException.Kind.STALE, () -> core.dossiers().update(requester, d.id(), ExpectedVersion.of(1), d,
        o())); // refused inside its transaction
    assertThat(request(requester, r.id()).status()).isEqualTo(RequestStatus.ARCHIVED);
  }

  @Test
  void whileNothingIsDueAWriteOpensNoTransactionForTheSweep() {
    AtomicInteger writes = new AtomicInteger();
    Store counting = new CountingStore(store(), writes);
    VtCore c = newCore(counting);
    c.fixtures().reset(directory());
    Dossier d = c.dossiers().create(requester, sanitaire(), o()).value(); // the first write after a reset looks
    c.requests().send(requester, d.id(), java.util.List.of(SMR1), o());
    int before = writes.get();
    for (int i = 0; i < 5; i++) {
      c.dossiers().create(requester, sanitaire(), o());
    }
    assertThat(writes.get() - before).as("one transaction per operation").isEqualTo(5);
    clock.advance(Duration.ofDays(31));
    before = writes.get();
    c.dossiers().create(requester, sanitaire(), o());
    assertThat(writes.get() - before).as("the due sweep, then the operation").isEqualTo(2);
  }

  /** A store counting its write transactions. */
  private record CountingStore(Store delegate, AtomicInteger writes) implements Store {
    @Override
    public <T> T read(Function<StoreTx, T> work) {
      return delegate.read(work);
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
      writes.incrementAndGet();
      return delegate.write(work);
    }

    @Override
    public void close() {}
  }
}
