package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys are the core's: checked, replayed and recorded in the write's own transaction, replayed from the
 * core's own result (never an HTTP reply).
 */
public class IdempotencyTest extends CoreTestBase {

  @Test
  void theSameKeyAndRequestReplayTheFirstResultWithoutWritingAgain() {
    Written<Dossier> first = core.dossiers().create(requester, prado(), key("k-1", "body"));
    Written<Dossier> again = core.dossiers().create(requester, prado(), key("k-1", "body"));
    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(core.dossiers().list(requester, null, null, null, 10).items()).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedAndWritesNothing() {
    core.dossiers().create(requester, prado(), key("k-1", "body"));
    VtCoreException e = refused(VtCoreException.Kind.INVALID,
        () -> core.dossiers().create(requester, sanitaire(), key("k-1", "another body")));
    assertThat(e.code()).isEqualTo("idempotency-key-reused");
    assertThat(core.dossiers().list(requester, null, null, null, 10).items()).hasSize(1);
  }

  @Test
  void aKeyIsScopedByTheCallerAndTheOperation() {
    Dossier a = core.dossiers().create(requester, prado(), key("shared", "body")).value();
    Principal colleague = new Principal(requester.role(), requester.unit(), "another-rpps");
    Written<Dossier> b = core.dossiers().create(colleague, prado(), key("shared", "body"));
    assertThat(b.replayed()).isFalse();
    assertThat(b.value().id()).isNotEqualTo(a.id());
    Written<List<AdmissionRequest>> sent = core.requests().send(requester, a.id(), List.of(CPAM),
        key("shared", "body"));
    assertThat(sent.replayed()).as("another operation").isFalse();
  }

  @Test
  void aRefusedWriteRecordsNothingSoItsRetryRunsAgain() {
    Dossier d = create(requester, sanitaire());
    AdmissionRequest r = send(requester, d.id(), SMR1).get(0);
    Response accept = new Response(ResponseKind.ACCEPTED, null, null, null, null, null);
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.requests().respond(requester, r.id(), accept,
        key("k", "accept")));
    Written<AdmissionRequest> ok = core.requests().respond(smr1, r.id(), accept, key("k", "accept"));
    assertThat(ok.replayed()).isFalse();
    Written<AdmissionRequest> replay = core.requests().respond(smr1, r.id(), accept, key("k", "accept"));
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.value()).isEqualTo(ok.value());
    assertThat(request(smr1, r.id()).responses()).hasSize(1);
  }

  @Test
  void concurrentRetriesWithOneKeyWriteOnce() throws Exception {
    int retries = 8;
    ExecutorService pool = Executors.newFixedThreadPool(retries);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Written<Dossier>>> results = new ArrayList<>();
      for (int i = 0; i < retries; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return core.dossiers().create(requester, prado(), key("once", "body"));
        }));
      }
      go.countDown();
      int written = 0;
      for (Future<Written<Dossier>> f : results) {
        Written<Dossier> w = f.get();
        written += w.replayed() ? 0 : 1;
        assertThat(w.value().id().value()).isEqualTo("D-1");
      }
      assertThat(written).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(core.dossiers().list(requester, null, null, null, 10).items()).hasSize(1);
  }

  @Test
  void everyKindOfResultReplays() {
    Dossier d = core.dossiers().create(mdph, handicap(), key("c", "1")).value();
    List<AdmissionRequest> sent = core.requests().send(mdph, d.id(), List.of(IME), key("s", "1")).value();
    assertThat(core.requests().send(mdph, d.id(), List.of(IME), key("s", "1")).value()).isEqualTo(sent);
    HandicapService.StatusReport report = core.handicap().reportStatus(ime, sent.get(0).id(), status("40", null),
        key("st", "1")).value();
    Written<HandicapService.StatusReport> replay = core.handicap().reportStatus(ime, sent.get(0).id(),
        status("40", null), key("st", "1"));
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.value()).isEqualTo(report);
    var attachment = core.attachments().attach(mdph, d.id(), "bilan.pdf", "application/pdf",
        new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), null, key("a", "1"));
    var again = core.attachments().attach(mdph, d.id(), "bilan.pdf", "application/pdf",
        new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), null, key("a", "1"));
    assertThat(again.value()).isEqualTo(attachment.value());
    assertThat(core.dossiers().get(mdph, d.id()).attachments()).hasSize(1);
  }

  @Test
  void aKeyMustBeOneTo255Characters() {
    refused(VtCoreException.Kind.BAD_INPUT, () -> IdempotencyKey.of(" ", new byte[0]));
    refused(VtCoreException.Kind.BAD_INPUT, () -> IdempotencyKey.of("k".repeat(256), new byte[0]));
    assertThat(IdempotencyKey.of("secret-key", new byte[] {1}).toString()).doesNotContain("secret-key");
  }
}
