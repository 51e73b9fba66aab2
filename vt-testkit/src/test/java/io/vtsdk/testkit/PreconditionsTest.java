package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.model.Coding;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.workflow.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three high findings of issue 37, over HTTP: concurrent {@code PUT /fhir/Task} with one {@code If-Match} (lost
 * updates), a PUT that would empty a sent dossier, and what a PUT must carry. (The third, a store failure, is the
 * stores' contract: {@code DurableStoreContract}.)
 */
class PreconditionsTest {
  @TempDir
  Path dir;

  @Test
  void concurrentTaskUpdatesWithOneIfMatchHaveExactlyOneWinnerInMemory() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      rounds(vt, 10);
    }
  }

  @Test
  void concurrentTaskUpdatesWithOneIfMatchHaveExactlyOneWinnerOnADurableServer() throws Exception {
    try (ReferenceServer vt = ReferenceServer.builder().dataDir(dir).build().start()) {
      rounds(vt, 10);
    }
  }

  /** {@code rounds} rounds of 2 to 8 concurrent PUTs naming the version just read: one 2xx each, the others 412. */
  private static void rounds(ReferenceServer vt, int rounds) throws Exception {
    Http http = new Http(vt);
    String mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    String esms = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
    String finess = http.get("/v1/units/IME-69", mdph).json().get("structure").asText();
    String dossier = http.post("/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
        .requester(new Requester(UnitId.of("MDPH-69"), null)).build()).json().get("id").asText();
    http.post("/v1/dossiers/" + dossier + "/requests", mdph, Map.of("units", List.of("IME-69")));
    Task first = SdoTaskMapper.toTask(status(finess, "41"), Fixtures.NOW);
    Http.Res created = http.post("/fhir/Task", esms, VtFhir.toJson(first), "Content-Type", "application/fhir+json");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < rounds; round++) {
        int writers = 2 + round % 7;
        String version = http.get("/fhir/Task/" + id, esms).header("ETag");
        Task same = SdoTaskMapper.toTask(status(finess, "41"), Fixtures.NOW); // restating the status: no transition
        same.setId(id);
        String body = VtFhir.toJson(same);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          answers.add(pool.submit(() -> {
            go.await();
            return Http.send(HttpRequest.newBuilder(URI.create(vt.baseUrl() + "/fhir/Task/" + id))
                .header("Authorization", "Bearer " + esms).header("Content-Type", "application/fhir+json")
                .header("If-Match", version).PUT(HttpRequest.BodyPublishers.ofString(body)).build()).status();
          }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
          statuses.add(f.get());
        }
        assertThat(statuses).as("round %d (%d writers)", round, writers).containsOnly(200, 412)
            .filteredOn(s -> s == 200).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(http.get("/fhir/Task/" + id, esms).header("ETag")).isEqualTo("W/\"" + (rounds + 1) + "\"");
  }

  private static EsmsStatus status(String finess, String code) {
    return new EsmsStatus("1" + finess, "IME Les Érables", Coding.of(NosTable.R357.url(), code), null,
        Fixtures.TODAY, null, null, null, null, Fixtures.handicap().mdphDecision().idDecision(),
        Fixtures.handicap().mdphDecision().nationalId());
  }

  @Test
  void aPutNeverEmptiesASentDossierAndMustCarryItsModule() {
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      Http http = new Http(vt);
      String requester = vt.demoToken(Role.REQUESTER);
      Http.Res created = http.post("/v1/dossiers", requester, Fixtures.prado().toBuilder()
          .requester(new Requester(ReferenceServer.DEMO_REQUESTER_UNIT, null)).build());
      String id = created.json().get("id").asText();
      assertThat(http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of("CPAM-691")))
          .status()).isEqualTo(201);
      Http.Res sent = http.get("/v1/dossiers/" + id, requester);
      String etag = sent.header("ETag");

      Http.Res empty = http.put("/v1/dossiers/" + id, requester, "{}", "If-Match", etag);
      assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
      assertThat(empty.json().get("detail").asText()).contains("module");

      Http.Res onlyModule = http.put("/v1/dossiers/" + id, requester, "{\"module\":\"PRADO\"}", "If-Match", etag);
      assertThat(onlyModule.status()).as(onlyModule.toString()).isEqualTo(422);
      assertThat(onlyModule.json().get("violations").findValuesAsText("path")).contains("/patient", "/orientation");
      assertThat(onlyModule.body()).doesNotContain(Fixtures.prado().patient().birthName());

      Http.Res after = http.get("/v1/dossiers/" + id, requester);
      assertThat(after.header("ETag")).as("nothing changed").isEqualTo(etag);
      assertThat(http.get("/v1/dossiers/" + id, vt.demoToken(Role.CPAM)).json().get("patient"))
          .as("the CPAM still sees the patient").isNotNull();
      ObjectNode changed = (ObjectNode) VtJson.newMapper().valueToTree(sent.json());
      changed.put("desiredEntryDate", Fixtures.TODAY.plusDays(9).toString());
      Http.Res ok = http.put("/v1/dossiers/" + id, requester, changed, "If-Match", etag);
      assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
      JsonNode now = http.get("/v1/dossiers/" + id, requester).json();
      assertThat(now.get("desiredEntryDate").asText()).isEqualTo(Fixtures.TODAY.plusDays(9).toString());
    }
  }
}
