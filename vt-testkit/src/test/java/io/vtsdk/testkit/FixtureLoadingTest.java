package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.fixtures.VtFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading fixtures through the Java handle and {@code POST /__admin/fixtures}: ids kept, all or nothing. */
class FixtureLoadingTest extends ApiTestBase {
  VtFixtures fx;

  @BeforeEach
  void fixtures() {
    fx = VtFixtures.seeded(11, java.time.LocalDate.ofInstant(vt.now(), java.time.ZoneOffset.UTC));
  }

  @Test
  void loadedDossiersKeepTheirIdsAndAreVisibleToTheirRequester() {
    List<Dossier> stored = vt.load(fx.dossier(VtModule.SANITAIRE).build(), fx.dossier(VtModule.PRADO).build());
    assertThat(stored).extracting(d -> d.id().value()).containsExactly("FX-1", "FX-2");
    assertThat(stored).allSatisfy(d -> assertThat(d.version()).isEqualTo(1));
    Http.Res got = http.get("/v1/dossiers/FX-2", requester);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(http.get("/v1/events?after=0", requester).json().get("items").findValuesAsText("type"))
        .containsExactly("dossier.created", "dossier.created");
    // the server's own ids go on from D-1, whatever was loaded
    assertThat(http.post("/v1/dossiers", requester, fx.dossier(VtModule.TND).build()).json().get("id").asText())
        .isEqualTo("D-1");
  }

  @Test
  void loadAndSendCreatesTheRequestsForTheReceiver() {
    Dossier sent = vt.loadAndSend(fx.dossier(VtModule.SANITAIRE).build(), UnitId.of("SMR-CARDIO-69"));
    assertThat(sent.status().name()).isEqualTo("SENT");
    String smr = vt.tokens().issue(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"), null);
    assertThat(http.get("/v1/requests?dossier=FX-1", smr).json().get("items").findValuesAsText("status"))
        .containsExactly("SENT");
  }

  @Test
  void anInvalidFixtureRejectsTheWholeBatchNamingDossierAndRule() {
    Dossier good = fx.dossier(VtModule.SANITAIRE).build();
    Dossier bad = fx.dossier(VtModule.SANITAIRE).build().toBuilder().medical(null).build();
    assertThatThrownBy(() -> vt.loadAndSend(bad, UnitId.of("SMR-CARDIO-69")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dossiers[0] (FX-2)").hasMessageContaining("/medical required");
    assertThatThrownBy(() -> vt.load(good, good)).hasMessageContaining("already exists");
    assertThatThrownBy(() -> vt.load(io.vtsdk.model.json.VtJson.fromJson(
        io.vtsdk.model.json.VtJson.toJson(good).replace("\"FX-1\"", "\"D-9\""), Dossier.class)))
        .hasMessageContaining("server's own");
    assertThatThrownBy(() -> vt.loadAndSend(good, UnitId.of("NOWHERE"))).hasMessageContaining("routing.unit.unknown");
    assertThat(http.get("/v1/dossiers", requester).json().get("items")).isEmpty();
  }

  @Test
  void adminRouteLoadsAndSendsAllOrNothing() {
    Dossier a = fx.dossier(VtModule.SANITAIRE).build();
    Dossier b = fx.dossier(VtModule.PRADO).build();
    Http.Res r = http.post("/__admin/fixtures", null, Map.of("dossiers", List.of(a, b),
        "sendTo", Map.of(b.id().value(), List.of("CPAM-691"))));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().get("items").findValuesAsText("status")).containsExactly("DRAFT", "SENT");
    assertThat(http.get("/v1/requests?dossier=" + b.id().value(), vt.demoToken(Role.CPAM)).json().get("items"))
        .hasSize(1);

    Dossier c = fx.dossier(VtModule.GRAND_AGE).build();
    Http.Res rejected = http.post("/__admin/fixtures", null, Map.of("dossiers", List.of(c, a)));
    assertThat(rejected.status()).isEqualTo(409);
    assertThat(rejected.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(http.get("/v1/dossiers/" + c.id().value(), requester).status()).as("nothing half-written")
        .isEqualTo(404);
    assertThat(http.post("/__admin/fixtures", null, "{\"dossiers\":[{\"module\":\"PRADO\"}]}").status())
        .isEqualTo(422);
    assertThat(http.post("/__admin/fixtures", null, "{\"dossiers\":[{\"id\":\"X\",\"module\":\"HOTEL\"}]}").status())
        .isEqualTo(400);
  }
}
