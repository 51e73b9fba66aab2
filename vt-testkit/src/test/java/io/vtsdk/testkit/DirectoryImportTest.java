package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.core.DirectoryService.ImportMode;
import io.vtsdk.fhir.frcore.DirectoryMapper;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Caisses;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.InvalidFileException;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.directory.DirectoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 38: the vendor's own directory — a ROR-shaped FHIR Bundle and a CSV, imported by the builder, the control
 * route and the Java handle; refusals name the file, where and the rule, and load nothing.
 */
class DirectoryImportTest {
  @TempDir
  Path dir;

  /** A ROR-shaped Bundle: an EG Organization (FINESS), a Location (postal code), an SMR HealthcareService. */
  static final String ROR_BUNDLE = """
      {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "https://ror.example/Organization/eg1", "resource": {"resourceType": "Organization", "id": "eg1",
          "identifier": [{"system": "https://finess.esante.gouv.fr", "value": "130000003"}],
          "name": "Clinique du Parc", "address": [{"postalCode": "13008"}]}},
        {"resource": {"resourceType": "Location", "id": "loc1", "address": {"postalCode": "13008"}}},
        {"resource": {"resourceType": "HealthcareService", "id": "hs1",
          "identifier": [{"system": "https://ror.example/offre", "value": "4200012345"}],
          "providedBy": {"reference": "Organization/eg1"}, "location": [{"reference": "Location/loc1"}],
          "name": "SMR polyvalent du Parc",
          "category": [{"coding": [{"system": "https://vtsdk.io/fhir/CodeSystem/module", "code": "SANITAIRE"}]}],
          "type": [{"coding": [{"system": "https://vtsdk.io/fhir/CodeSystem/target-kind", "code": "SMR"}]},
                   {"coding": [{"system": "https://mos.esante.gouv.fr/NOS/TRE_R227-ChampActivite/FHIR/TRE-R227-ChampActivite", "code": "02"}]}],
          "characteristic": [{"coding": [{"system": "https://mos.esante.gouv.fr/NOS/TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge", "code": "28"}]}],
          "extension": [
            {"url": "https://vtsdk.io/fhir/StructureDefinition/capacity", "valueInteger": 42},
            {"url": "https://vtsdk.io/fhir/StructureDefinition/smr-mention", "valueCode": "POLYVALENT"}]}}]}
      """;

  static final String CSV = """
      id,name,rorId,finess,departement,modules,targetKinds,capacity,smrMentions,cpamCode,coveredDepartements
      SMR-MARS-1,SMR Marseille Nord,4200099999,130000011,13,SANITAIRE,SMR,30,GERIATRIE|POLYVALENT,,
      MY-WARD,Cardiologie (notre hôpital),,130000029,13,SANITAIRE|PRADO,,,,,
      CPAM-592,CPAM de Roubaix-Tourcoing,,,59,PRADO,PRADO,,,592,59
      """;

  @Test
  void aRorBundleImportsFieldByFieldAndRoundTripsThroughTheApiAndTheFhirMapping() throws Exception {
    Path bundle = Files.writeString(dir.resolve("my-ror.json"), ROR_BUNDLE);
    try (ReferenceServer vt = ReferenceServer.builder().directory(bundle).build().start()) {
      Http http = new Http(vt);
      JsonNode unit = http.get("/v1/units/ROR-4200012345", vt.demoToken(Role.REQUESTER)).json();
      assertThat(unit.get("name").asText()).isEqualTo("SMR polyvalent du Parc");
      assertThat(unit.get("rorId").asText()).isEqualTo("4200012345");
      assertThat(unit.get("structure").asText()).isEqualTo("130000003");
      assertThat(unit.get("departement").asText()).isEqualTo("13");
      assertThat(unit.get("capacity").asInt()).isEqualTo(42);
      assertThat(unit.get("targetKinds").toString()).isEqualTo("[\"SMR\"]");
      assertThat(unit.get("smrMentions").toString()).isEqualTo("[\"POLYVALENT\"]");
      assertThat(unit.at("/modalities/0/code").asText()).isEqualTo("28");
      // /v1/units → the SDK's FHIR directory mapping → the same unit
      Unit read = VtJson.newMapper().treeToValue(unit, Unit.class);
      Unit back = DirectoryMapper.fromHealthcareService(DirectoryMapper.toHealthcareService(read));
      assertThat(back.toBuilder().smrMentions(read.smrMentions()).build()).isEqualTo(read);
      assertThat(http.get("/v1/units?departement=13&target=SMR", vt.demoToken(Role.REQUESTER)).json()
          .get("items").findValuesAsText("id")).containsExactly("ROR-4200012345");
    }
  }

  @Test
  void aCsvImportsByTheControlRouteMergingOrReplacingAllOrNothing() {
    try (ReferenceServer vt = ReferenceServer.builder().admin(true).build().start()) {
      Http http = new Http(vt);
      int before = vt.core().directory().all().size();
      Http.Res merged = http.post("/__admin/directory", null, Map.of("mode", "MERGE", "csv", CSV));
      assertThat(merged.status()).isEqualTo(200);
      assertThat(merged.json().get("units").asInt()).isEqualTo(before + 3);
      Unit smr = vt.core().directory().unit(UnitId.of("SMR-MARS-1"));
      assertThat(smr.smrMentions()).hasSize(2);
      assertThat(smr.structure().value()).isEqualTo("130000011");
      // a patient of Roubaix now goes to its own caisse
      assertThat(vt.core().directory().unit(UnitId.of("CPAM-592")).cpamCode()).isEqualTo("592");
      // tokens for imported units: the control API's, and the console's sign-in list (in the unit's role)
      Http.Res token = http.post("/__admin/tokens", null, Map.of("role", "RECEIVER", "unit", "SMR-MARS-1"));
      assertThat(token.status()).isEqualTo(201);
      assertThat(http.get("/console/api/principals", null).json().findValuesAsText("unit")).contains("SMR-MARS-1",
          "MY-WARD", "CPAM-592");
      assertThat(vt.tokens().verify(vt.tokenFor(UnitId.of("MY-WARD"))).orElseThrow().role())
          .isEqualTo(Role.REQUESTER);

      // a bad line: nothing of the file is loaded, the refusal names the line and the column, not the value
      String bad = CSV + "SMR-MARS-2,Autre SMR,,130000012,13,SANITAIRE,SMR,,,,\n";
      Http.Res refused = http.post("/__admin/directory", null, Map.of("mode", "MERGE", "csv", bad));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body()).contains("line 5, column finess").doesNotContain("130000012");
      assertThat(vt.core().directory().find(UnitId.of("SMR-MARS-2"))).isEmpty();

      // a replace may drop unused units, never one that requests use (409 naming it); nothing changes then
      vt.loadAndSend(Fixtures.sanitaire(), UnitId.of("SMR-CARDIO-69"));
      Http.Res conflict = http.post("/__admin/directory", null, Map.of("mode", "REPLACE", "csv", CSV));
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.body()).contains("U-CARDIO-HCL, SMR-CARDIO-69");
      assertThat(vt.core().directory().all()).hasSize(before + 3);
    }
  }

  @Test
  void theJavaHandleReplacesTheDirectoryAndKeepsUnitsInUse(@TempDir Path d) throws Exception {
    Path csv = Files.writeString(d.resolve("units.csv"), CSV);
    try (ReferenceServer vt = ReferenceServer.builder().demoData(false).build().start()) {
      assertThat(vt.importDirectory(csv, ImportMode.REPLACE)).isEqualTo(3);
      assertThat(vt.importDirectory(csv, ImportMode.MERGE)).isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
      "id,name,modules\\nA B,x,SANITAIRE|line 2, column id|unit id",
      "id,name,modules\\nA,x,HOTEL|line 2, column modules|module",
      "id,name,modules,finess\\nA,x,SANITAIRE,130000012|line 2, column finess|check key",
      "id,name,modules,departement\\nA,x,SANITAIRE,20|line 2, column departement|département",
      "id,name,modules,targetKinds\\nA,x,SANITAIRE,EHPAD|line 2, column targetKinds|modules",
      "id,name,modules,targetKinds\\nA,x,PRADO,PRADO|line 2, column cpamCode|cpamCode",
      "id,name,modules,capacity\\nA,x,SANITAIRE,-3|line 2, column capacity|places",
      "id,name,modules\\nA,x,SANITAIRE\\nA,y,SANITAIRE|line 3, column id|same id",
      "id,name,modules,colour\\nA,x,SANITAIRE,red|line 1, column 4|unknown column",
      "id,name\\nA,x|line 1|modules",
      "id,name,modules\\nA,x|line 2|fields"})
  void aBadCsvIsRefusedNamingTheLineColumnAndRule(String csv, String where, String rule) {
    assertThatThrownBy(() -> DirectoryFiles.readCsv(csv.replace("\\n", "\n"), "units.csv")).isInstanceOfSatisfying(
        InvalidFileException.class, e -> {
          assertThat(e.file()).isEqualTo("units.csv");
          assertThat(e.location()).isEqualTo(where);
          assertThat(e.rule()).contains(rule);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"value\": \"4200012345\"|/entry/2/resource/identifier|\"value\": \"\"",
      "\"code\": \"SANITAIRE\"|/entry/2/resource/category|\"code\": \"HOTEL\"",
      "\"value\": \"130000003\"|/entry/2/resource/providedBy (its Organization's identifier/0)|\"value\": \"130000004\"",
      "\"reference\": \"Organization/eg1\"|/entry/2/resource/providedBy|\"reference\": \"Organization/nope\"",
      "\"valueInteger\": 42|/entry/2/resource/extension/0|\"valueBoolean\": true"})
  void aBadBundleIsRefusedNamingThePointer(String from, String pointer, String to) {
    String b = ROR_BUNDLE.replace(from, to);
    assertThat(b).isNotEqualTo(ROR_BUNDLE);
    assertThatThrownBy(() -> DirectoryFiles.readBundle(b.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "my-ror.json")).isInstanceOfSatisfying(InvalidFileException.class, e -> {
          assertThat(e.location()).isEqualTo(pointer);
          assertThat(e.getMessage()).doesNotContain("130000004").doesNotContain("HOTEL");
        });
  }

  @Test
  void aFileThatIsNotJsonOrNotABundleIsRefusedAtItsStart() {
    assertThatThrownBy(() -> DirectoryFiles.readBundle("{\"resourceType\": \"Patient\"}".getBytes(), "x.json"))
        .isInstanceOf(InvalidFileException.class).hasMessage("x.json: /resourceType: must be a FHIR Bundle with "
            + "entries");
    assertThatThrownBy(() -> DirectoryFiles.readBundle("{\"resourceType\": ".getBytes(), "x.json"))
        .isInstanceOf(InvalidFileException.class).hasMessageStartingWith("x.json: line 1");
    assertThatThrownBy(() -> ReferenceServer.builder().directory(dir.resolve("missing.csv")).build())
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("missing.csv: /: cannot be read");
  }

  @Test
  void everyCaisseIsInTheDirectoryOutOfTheBox() {
    try (ReferenceServer vt = ReferenceServer.builder().build()) {
      for (var c : Caisses.all()) {
        assertThat(vt.core().directory().unit(c.unitId()).cpamCode()).isEqualTo(c.code());
      }
      assertThat(Caisses.all()).hasSize(101);
      assertThat(Caisses.byCode("976").orElseThrow().kind()).isEqualTo(io.vtsdk.model.directory.Caisse.Kind.CSS);
      assertThat(List.of("2A", "2B")).allSatisfy(dep -> assertThat(Caisses.ofDepartement(
          io.vtsdk.model.identity.Departement.of(dep))).hasSize(1));
    }
  }
}
