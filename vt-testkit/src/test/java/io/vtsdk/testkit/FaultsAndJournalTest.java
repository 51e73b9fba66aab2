package io.vtsdk.testkit;

import io.vtsdk.server.Fault;
import io.vtsdk.server.JournalEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsAndJournalTest extends ApiTestBase {

  @Test
  void injected503ComesWithRetryAfterThenTheCallSucceeds() {
    vt.addFault(Fault.status("POST", "/v1/dossiers", 503, 2).times(1));
    Http.Res first = http.post("/v1/dossiers", requester, Fixtures.sanitaire());
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.header("Retry-After")).isEqualTo("2");
    assertThat(first.json().get("type").asText()).endsWith("/unavailable");
    assertThat(http.post("/v1/dossiers", requester, Fixtures.sanitaire()).status()).isEqualTo(201);
    assertThat(http.get("/v1/dossiers", requester).json().get("items")).hasSize(1);
  }

  @Test
  void dropAfterWriteLosesTheAnswerButTheIdempotentRetryGetsTheSameDossier() {
    vt.addFault(Fault.dropAfterWrite("POST", "/v1/dossiers").times(1));
    assertThatThrownBy(() -> http.post("/v1/dossiers", requester, Fixtures.sanitaire(), "Idempotency-Key", "once"))
        .isInstanceOf(UncheckedIOException.class);
    Http.Res retry = http.post("/v1/dossiers", requester, Fixtures.sanitaire(), "Idempotency-Key", "once");
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(http.get("/v1/dossiers", requester).json().get("items")).hasSize(1);
  }

  @Test
  void dropBeforeWriteWritesNothing() {
    vt.addFault(Fault.dropBeforeWrite("POST", "/v1/dossiers").times(1));
    assertThatThrownBy(() -> http.post("/v1/dossiers", requester, Fixtures.sanitaire()))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(http.get("/v1/dossiers", requester).json().get("items")).isEmpty();
  }

  @Test
  void latencyDelaysTheAnswer() {
    vt.addFault(Fault.latency("GET", "/v1/health", Duration.ofMillis(300)).times(1));
    long start = System.nanoTime();
    assertThat(http.get("/v1/health", null).status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void faultsThroughTheAdminApiMatchRouteTemplates() {
    assertThat(http.post("/__admin/faults", null, Map.of("method", "POST", "path", "/v1/requests/{id}/read",
        "kind", "STATUS", "status", 429, "retryAfterSeconds", 1)).status()).isEqualTo(201);
    assertThat(http.get("/__admin/faults", null).json().get("items")).hasSize(1);
    Http.Res r = http.post("/v1/requests/R-1/read", requester, null);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("1");
    assertThat(http.post("/__admin/faults", null, Map.of("method", "GET", "path", "*", "kind", "STATUS",
        "status", 200)).status()).isEqualTo(400);
  }

  @Test
  void theJournalRecordsCallsWithoutBodiesOrTokens() {
    http.post("/v1/dossiers", requester, Fixtures.sanitaire(), "Idempotency-Key", "k1", "X-Correlation-Id", "c-1");
    http.get("/v1/dossiers/D-999", requester);
    var journal = vt.journal();
    assertThat(journal).extracting(JournalEntry::route, JournalEntry::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/v1/dossiers", 201),
        org.assertj.core.groups.Tuple.tuple("/v1/dossiers/{id}", 404));
    assertThat(journal.get(0).correlationId()).isEqualTo("c-1");
    assertThat(journal.get(0).idempotencyKey()).isEqualTo("k1");
    assertThat(journal.get(0).role()).isEqualTo("REQUESTER");
    assertThat(journal.toString()).doesNotContain("MARTIN", requester);
    assertThat(http.get("/__admin/journal", null).json().get("items").size()).isGreaterThanOrEqualTo(2);
  }
}
