package io.vtsdk.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.testing.DossierArbitraries;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.PradoNonAdhesionMotif;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.RequestStatus;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VtJsonTest {
  static final JsonMapper JSON = VtJson.newMapper();

  static List<Dossier> everyModule() {
    return Fixtures.everyModule();
  }

  @ParameterizedTest
  @MethodSource("everyModule")
  void everyModulesDossierRoundTrips(Dossier d) throws Exception {
    String json = JSON.writeValueAsString(d);
    assertThat(JSON.readValue(json, Dossier.class)).isEqualTo(d);
  }

  @Provide
  Arbitrary<Dossier> dossiers() {
    return DossierArbitraries.dossiers();
  }

  @Property(tries = 500)
  void generatedDossiersRoundTripLosslessly(@ForAll("dossiers") Dossier d) throws Exception {
    String json = JSON.writeValueAsString(d);
    Dossier back = JSON.readValue(json, Dossier.class);
    assertThat(back).isEqualTo(d);
    assertThat(JSON.writeValueAsString(back)).isEqualTo(json);
  }

  @Test
  void wireFormatUsesIsoDatesCamelCaseStringsForIdsAndOmitsNulls() throws Exception {
    JsonNode n = JSON.readTree(JSON.writeValueAsString(Fixtures.prado()));
    assertThat(n.at("/patient/birthDate").asText()).isEqualTo("1948-05-02");
    assertThat(n.at("/createdAt").asText()).isEqualTo("2026-11-23T10:15:30Z");
    assertThat(n.at("/id").asText()).isEqualTo("P1");
    assertThat(n.at("/patient/ins/number").isTextual()).isTrue();
    assertThat(n.at("/patient/ins/authority").asText()).isEqualTo("1.2.250.1.213.1.4.8");
    assertThat(n.at("/orientation/pradoVolet").asText()).isEqualTo("INSUFFISANCE_CARDIAQUE");
    assertThat(n.at("/patient/address/departement").asText()).isEqualTo("69");
    assertThat(n.has("consent")).isFalse(); // null omitted
    assertThat(n.has("attachments")).isFalse(); // empty omitted
    assertThat(n.at("/patient").has("protectedAdult")).isFalse(); // helpers are not properties
    assertThat(n.at("/medical/info").has("validated")).isFalse();
  }

  @Test
  void unknownPropertiesAreTolerated() {
    String json = VtJson.toJson(Fixtures.sanitaire()).replaceFirst("\\{", "{\"addedByANewerServer\":{\"x\":1},");
    assertThat(VtJson.fromJson(json, Dossier.class)).isEqualTo(Fixtures.sanitaire());
  }

  @Test
  void badJsonNamesThePathButNotTheValue() {
    String json = VtJson.toJson(Fixtures.sanitaire()).replace("\"sex\":\"F\"", "\"sex\":\"SECRET-VALUE\"");
    assertThatThrownBy(() -> VtJson.fromJson(json, Dossier.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/patient/sex");
    assertThatThrownBy(() -> VtJson.fromJson("{\"id\":\"X\"}", Dossier.class))
        .hasMessageContaining("invalid Dossier JSON");
    assertThatThrownBy(() -> VtJson.fromJson("{} trailing", Dossier.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestsResponsesAndEsmsStatusesRoundTrip() throws Exception {
    Response r = Response.of(ResponseKind.PRADO_NON_ADHESION, PradoNonAdhesionMotif.AUTRE, "Parti en vacances",
        Fixtures.NOW);
    AdmissionRequest req = new AdmissionRequest(io.vtsdk.model.RequestId.of("R1"),
        io.vtsdk.model.DossierId.of("P1"), io.vtsdk.model.VtModule.PRADO, io.vtsdk.model.UnitId.of("CPAM-691"),
        RequestStatus.NON_ADHESION, Fixtures.NOW, Fixtures.NOW, Fixtures.NOW, null, List.of(r), 3);
    assertThat(JSON.readValue(JSON.writeValueAsString(req), AdmissionRequest.class)).isEqualTo(req);
    EsmsStatus s = io.vtsdk.model.validation.ResponseAndStatusValidationTestAccess.status();
    assertThat(JSON.readValue(JSON.writeValueAsString(s), EsmsStatus.class)).isEqualTo(s);
  }
}
