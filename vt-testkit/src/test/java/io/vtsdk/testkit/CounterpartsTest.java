package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.patient.Address;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.model.patient.Regime;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.InvalidFileException;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.counterparts.Behaviour;
import io.vtsdk.server.counterparts.Counterpart;
import io.vtsdk.server.counterparts.Counterparts;
import io.vtsdk.testkit.internal.JsonHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 38: every caisse out of the box, and counterparts that answer by themselves — through the core as the unit's
 * principal, on the server's clock, deterministic with a seed.
 */
class CounterpartsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir
  Path dir;

  /** A Prado dossier of a patient of {@code dep}, insured at the caisse {@code code}. */
  static Dossier pradoOf(String id, String code, String dep, String postalCode) {
    Dossier d = Fixtures.prado();
    return d.toBuilder().patient(d.patient().toBuilder()
        .address(new Address("1 place de la Mairie", postalCode, "Commune", Departement.of(dep)))
        .insurance(new Insurance(Regime.GENERAL, false, false, true, code)).build()).build()
        .withId(io.vtsdk.model.DossierId.of(id));
  }

  @ParameterizedTest(name = "a patient of the caisse {0} ({1})")
  @CsvSource({"131, 13, 13001", "201, 2A, 20000", "202, 2B, 20200", "971, 971, 97110", "591, 59, 59000"})
  void pradoGoesToTheCaisseOfAnyDepartementAndTheCpamAdheresOnTheServersClock(String code, String dep, String pc) {
    Counterparts cpamAdheres = Counterparts.NONE.with(Counterpart.role(Role.CPAM,
        Behaviour.answer(ResponseKind.PRADO_ADHESION).after(Duration.ofHours(2))));
    try (ReferenceServer vt = ReferenceServer.builder().counterparts(cpamAdheres).build().start()) {
      vt.setClock(T0);
      Http http = new Http(vt);
      String requester = vt.demoToken(Role.REQUESTER);
      vt.load(pradoOf("P-" + code, code, dep, pc));
      JsonNode sent = http.post("/v1/dossiers/P-" + code + "/requests", requester,
          Map.of("units", List.of("CPAM-" + code))).json();
      String request = sent.get("items").get(0).get("id").asText();
      assertThat(status(http, request, requester)).isEqualTo("SENT");

      vt.advanceClock(Duration.ofMinutes(119));
      assertThat(status(http, request, requester)).as("not before its delay").isEqualTo("SENT");
      vt.advanceClock(Duration.ofMinutes(1));
      assertThat(status(http, request, requester)).isEqualTo("ADHESION");
      // the requester learns it from the change feed, as from a person at the CPAM
      assertThat(http.get("/v1/events", requester).json().get("items").findValuesAsText("type"))
          .containsSubsequence("request.sent", "request.read", "request.record_adhesion");
      assertThat(vt.counterparts().counterparts()).hasSize(1);
      assertThat(vt.journal()).filteredOn(j -> "vt-counterpart".equals(j.correlationId()))
          .extracting(j -> j.role() + " " + j.unit() + " " + j.route())
          .containsExactly("CPAM CPAM-" + code + " /v1/requests/{id}/read",
              "CPAM CPAM-" + code + " /v1/requests/{id}/responses");
    }
  }

  @Test
  void smrSentToThreeOneAcceptsTheRequesterConfirmsTheOthersClose() {
    Counterparts world = Counterparts.NONE
        .with(Counterpart.unit(UnitId.of("SMR-CARDIO-69"), Behaviour.answer(ResponseKind.ACCEPTED)
            .entryIn(Duration.ofDays(3)).after(Duration.ofHours(1))))
        .with(Counterpart.role(Role.RECEIVER, Behaviour.never()));
    try (ReferenceServer vt = ReferenceServer.builder().counterparts(world).build().start()) {
      vt.setClock(T0);
      Http http = new Http(vt);
      String requester = vt.demoToken(Role.REQUESTER);
      vt.load(Fixtures.sanitaire());
      JsonNode sent = http.post("/v1/dossiers/S1/requests", requester,
          Map.of("units", List.of("SMR-CARDIO-69", "SMR-GERIA-01", "SMR-POLY-75"))).json().get("items");
      vt.advanceClock(Duration.ofHours(2));
      List<String> statuses = new ArrayList<>();
      String accepted = null;
      for (JsonNode r : sent) {
        String s = status(http, r.get("id").asText(), requester);
        statuses.add(s);
        if (s.equals("ACCEPTED")) {
          accepted = r.get("id").asText();
        }
      }
      assertThat(statuses).containsExactly("ACCEPTED", "SENT", "SENT");
      assertThat(http.get("/v1/requests/" + accepted, requester).json().at("/responses/0/proposedEntryDate").asText())
          .isEqualTo("2026-11-26");
      assertThat(http.post("/v1/requests/" + accepted + "/confirm-admission", requester, Map.of()).status())
          .isEqualTo(200);
      for (JsonNode r : sent) {
        assertThat(status(http, r.get("id").asText(), requester)).isIn("ADMISSION_CONFIRMED", "CLOSED");
      }
    }
  }

  @Test
  void theMdphNotifiesOnAScheduleAndAPlayedEsmsReportsItsStatusesTheVendorsEsmsReadsFlow1() {
    Counterparts world = Counterparts.NONE
        .with(Counterpart.unit(UnitId.of("MDPH-69"), Behaviour.notify(Duration.ofDays(1), UnitId.of("IME-69"),
            UnitId.of("MAS-38"))))
        .with(Counterpart.unit(UnitId.of("MAS-38"), Behaviour.statuses("40", "41", "42")
            .after(Duration.ofHours(4))));
    try (ReferenceServer vt = ReferenceServer.builder().counterparts(world).build().start()) {
      vt.setClock(T0);
      Http http = new Http(vt);
      vt.advanceClock(Duration.ofDays(2));
      // the ESMS vendor's software (IME-69) reads its notifications over SDO flow 1, nobody having typed anything
      String ime = vt.tokenFor(UnitId.of("IME-69"));
      JsonNode decisions = http.get("/fhir/DocumentReference?type=57830-2", ime, "Accept", "application/fhir+json")
          .json();
      assertThat(decisions.get("entry")).hasSize(2);
      // the played ESMS reported its statuses along J252, one every 4 hours after each notification
      String mas = vt.tokenFor(UnitId.of("MAS-38"));
      List<Integer> reported = new ArrayList<>();
      for (JsonNode r : http.get("/v1/requests", mas).json().get("items")) {
        reported.add(http.get("/v1/requests/" + r.get("id").asText() + "/esms-statuses", mas).json().get("items")
            .size());
      }
      assertThat(reported).containsExactlyInAnyOrder(3, 0);
      assertThat(http.get("/v1/events", mas).json().get("items").findValuesAsText("type")).contains("request.sent");
    }
  }

  @Test
  void aCounterpartThatNeverAnswersLeavesTheRequestToTheArchivingRule() {
    try (ReferenceServer vt = ReferenceServer.builder()
        .counterpart(UnitId.of("SMR-CARDIO-69"), Behaviour.never()).build().start()) {
      vt.setClock(T0);
      Http http = new Http(vt);
      String requester = vt.demoToken(Role.REQUESTER);
      vt.loadAndSend(Fixtures.sanitaire(), UnitId.of("SMR-CARDIO-69"));
      String request = http.get("/v1/requests", requester).json().get("items").get(0).get("id").asText();
      assertThat(vt.advanceClock(Duration.ofDays(31))).isEqualTo(1);
      assertThat(status(http, request, requester)).isEqualTo("ARCHIVED");
    }
  }

  @Test
  void anAnswerDueBeforeArchivingIsGivenBeforeWhenTheClockJumpsOverBoth() {
    try (ReferenceServer vt = ReferenceServer.builder().counterpart(UnitId.of("SMR-CARDIO-69"),
        Behaviour.answer(ResponseKind.REFUSED).motif("PAS_DE_PLACE").after(Duration.ofDays(2))).build().start()) {
      vt.setClock(T0);
      Http http = new Http(vt);
      String requester = vt.demoToken(Role.REQUESTER);
      vt.loadAndSend(Fixtures.sanitaire(), UnitId.of("SMR-CARDIO-69"));
      assertThat(vt.advanceClock(Duration.ofDays(60))).as("nothing left to archive").isZero();
      JsonNode r = http.get("/v1/requests", requester).json().get("items").get(0);
      assertThat(r.get("status").asText()).isEqualTo("REFUSED");
      assertThat(r.at("/responses/0/motif/code").asText()).isEqualTo("PAS_DE_PLACE");
    }
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
    List<String> first = randomRun(7);
    assertThat(randomRun(7)).isEqualTo(first);
    assertThat(first).contains("ACCEPTED", "REFUSED", "SENT"); // every outcome drawn in 12 requests
    assertThat(randomRun(8)).isNotEqualTo(first);
  }

  /** 12 dossiers sent to the same SMR, answered at random (weights 1:1:1, NEVER included); their statuses. */
  private List<String> randomRun(long seed) {
    Counterparts random = new Counterparts(seed, List.of(Counterpart.module(io.vtsdk.model.VtModule.SANITAIRE,
        Behaviour.random(Map.of("ACCEPTED", 1, "REFUSED", 1, Behaviour.NEVER, 1)).after(Duration.ofHours(1)))),
        java.util.Set.of());
    try (ReferenceServer vt = ReferenceServer.builder().counterparts(random).build().start()) {
      vt.setClock(T0);
      Http http = new Http(vt);
      String requester = vt.demoToken(Role.REQUESTER);
      for (int i = 0; i < 12; i++) {
        vt.loadAndSend(Fixtures.sanitaire().withId(io.vtsdk.model.DossierId.of("S" + i)),
            UnitId.of("SMR-CARDIO-69"));
      }
      vt.advanceClock(Duration.ofHours(1));
      List<String> out = new ArrayList<>();
      http.get("/v1/requests?limit=100", requester).json().get("items").forEach(r -> out.add(r.get("status")
          .asText()));
      assertThat(out).hasSize(12);
      return out;
    }
  }

  @Test
  void theVendorsOwnUnitsAreNeverPlayedAndAutoIsTheDocumentedWorld() {
    Counterparts auto = Counterparts.auto().except(java.util.Set.of(UnitId.of("SMR-POLY-75")));
    try (ReferenceServer vt = ReferenceServer.builder().counterparts(auto).build().start()) {
      vt.setClock(T0);
      Http http = new Http(vt);
      String requester = vt.demoToken(Role.REQUESTER);
      vt.loadAndSend(Fixtures.sanitaire(), UnitId.of("SMR-POLY-75"));
      vt.loadAndSend(Fixtures.prado(), UnitId.of("CPAM-691"));
      vt.advanceClock(Duration.ofDays(2));
      List<String> statuses = new ArrayList<>();
      http.get("/v1/requests", requester).json().get("items").forEach(r -> statuses.add(r.get("unit").asText()
          + " " + r.get("status").asText()));
      assertThat(statuses).containsExactlyInAnyOrder("SMR-POLY-75 SENT", "CPAM-691 ADHESION");
    }
  }

  @Test
  void theControlRouteShowsAndReplacesTheCounterpartsAndRefusesABadOneByPointer() {
    try (ReferenceServer vt = ReferenceServer.builder().admin(true).build().start()) {
      Http http = new Http(vt);
      Http.Res none = http.get("/__admin/counterparts", null);
      assertThat(none.json().get("counterparts")).isEmpty();
      Http.Res put = http.put("/__admin/counterparts", null, Map.of("seed", 3, "counterparts", List.of(
          Map.of("role", "CPAM", "answer", "PRADO_NON_ADHESION", "motif", "REFUS_PATIENT", "after", "PT1H"))));
      assertThat(put.status()).isEqualTo(200);
      assertThat(put.json().at("/counterparts/0/motif").asText()).isEqualTo("REFUS_PATIENT");
      assertThat(vt.counterparts().seed()).isEqualTo(3);

      Http.Res bad = http.put("/__admin/counterparts", null, Map.of("counterparts", List.of(
          Map.of("unit", "CPAM-691", "answer", "PRADO_ADHESION", "after", "P-1D"))));
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.json().at("/violations/0/path").asText()).isEqualTo("/counterparts/0/after");
      assertThat(bad.body()).doesNotContain("P-1D");
      assertThat(vt.counterparts().seed()).as("nothing of a refused body is kept").isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{\"counterparts\": [{\"unit\": \"X\", \"answer\": \"MAYBE\"}]}|/counterparts/0/answer",
      "{\"counterparts\": [{\"unit\": \"X\", \"answer\": \"REFUSED\", \"motif\": \"NOPE\"}]}|/counterparts/0/motif",
      "{\"counterparts\": [{\"unit\": \"X\", \"answer\": \"RANDOM\"}]}|/counterparts/0/weights",
      "{\"counterparts\": [{\"unit\": \"X\", \"answer\": \"RANDOM\", \"weights\": {\"ACCEPTED\": 0}}]}"
          + "|/counterparts/0/weights/ACCEPTED",
      "{\"counterparts\": [{\"unit\": \"X\", \"role\": \"CPAM\", \"answer\": \"NEVER\"}]}|/counterparts/0",
      "{\"counterparts\": [{\"unit\": \"X\", \"answer\": \"NEVER\", \"colour\": \"red\"}]}|/counterparts/0/colour",
      "{\"counterparts\": [{\"role\": \"BOSS\", \"answer\": \"NEVER\"}]}|/counterparts/0/role",
      "{\"seed\": \"x\", \"counterparts\": []}|/seed",
      "[1, 2]|/"})
  void aBadCounterpartsFileIsRefusedNamingTheFileAndThePointer(String json, String pointer) throws Exception {
    Path file = Files.writeString(dir.resolve("world.json"), json);
    assertThatThrownBy(() -> Counterparts.read(file)).isInstanceOfSatisfying(InvalidFileException.class, e -> {
      assertThat(e.file()).isEqualTo("world.json");
      assertThat(e.location()).isEqualTo(pointer);
    });
  }

  @Test
  void aYamlFileReadsAsItsJsonTwin() throws Exception {
    Path yaml = Files.writeString(dir.resolve("world.yaml"), """
        seed: 7
        except: [SMR-POLY-75]
        counterparts:
          - role: CPAM
            answer: PRADO_ADHESION
            after: PT2H
          - module: SANITAIRE
            answer: RANDOM
            weights: {ACCEPTED: 1, REFUSED: 2}
        """);
    Counterparts c = Counterparts.read(yaml);
    assertThat(c.seed()).isEqualTo(7);
    assertThat(c.except()).containsExactly(UnitId.of("SMR-POLY-75"));
    assertThat(Counterparts.parse(c.toJson(), "again")).isEqualTo(c);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "counterparts: [\n  - {role: CPAM\n");
    assertThatThrownBy(() -> Counterparts.read(bad)).isInstanceOf(InvalidFileException.class)
        .hasMessageStartingWith("bad.yaml: line ");
  }

  @Test
  void thePublishedSchemaAcceptsWhatTheServerWritesAndRefusesWhatItRefuses() throws Exception {
    Http.Res served;
    try (ReferenceServer vt = ReferenceServer.builder().build().start()) {
      served = new Http(vt).get("/__admin/counterparts/schema", null);
    }
    assertThat(served.status()).as("served without the control API: it is documentation").isEqualTo(200);
    com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
        com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(com.networknt.schema.SchemaLocation.of(
            "urn:vtsdk:counterparts"), served.json());
    Counterparts every = Counterparts.auto()
        .with(Counterpart.unit(UnitId.of("MDPH-69"), Behaviour.notify(Duration.ofDays(1), UnitId.of("IME-69"))))
        .with(Counterpart.unit(UnitId.of("IME-69"), Behaviour.statuses("40", "41")))
        .with(Counterpart.all(Behaviour.never())).except(java.util.Set.of(UnitId.of("SMR-POLY-75")));
    assertThat(schema.validate(every.toJson())).isEmpty();
    JsonNode bad = JsonHttp.JSON.readTree("{\"counterparts\": [{\"unit\": \"X\", \"role\": \"CPAM\", "
        + "\"answer\": \"NEVER\", \"colour\": 1}]}");
    assertThat(schema.validate(bad)).isNotEmpty();
  }

  private static String status(Http http, String request, String token) {
    return http.get("/v1/requests/" + request, token).json().get("status").asText();
  }
}
