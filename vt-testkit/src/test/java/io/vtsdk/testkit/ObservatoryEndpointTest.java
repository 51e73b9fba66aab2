package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The observatory's differentiated access (seed 003): who reads which TUV and which Handicap indicators, over the
 * core's data, and how bad input is refused.
 */
@io.vtsdk.testkit.junit.VtServerTest(disclosureThreshold = 1) // one dossier: every row shown
class ObservatoryEndpointTest extends ApiTestBase {
  static final String PARIS = "750712184";

  String finess(String unit) {
    return http.get("/v1/units/" + unit, requester).json().get("structure").asText();
  }

  /** One Prado dossier of the cardiology ward (69) with adhesion at the CPAM 691; OMV adhesions for 69, 38, 75. */
  void pradoData() {
    String id = http.post("/v1/dossiers", requester, Fixtures.prado()).json().get("id").asText();
    String request = http.post("/v1/dossiers/" + id + "/requests", requester, Map.of("units", List.of("CPAM-691")))
        .json().at("/items/0/id").asText();
    String cpam = vt.demoToken(Role.CPAM);
    http.post("/v1/requests/" + request + "/read", cpam, null);
    Http.Res adhesion = http.post("/v1/requests/" + request + "/responses", cpam,
        Response.of(ResponseKind.PRADO_ADHESION, null, null, null));
    assertThat(adhesion.status()).as(adhesion.toString()).isEqualTo(200);
    String day = LocalDate.ofInstant(Fixtures.NOW, ZoneId.of("Europe/Paris")).toString();
    String csv = String.join("\n", "finessGeographique,region,volet,closedOn,cpam",
        finess("U-CARDIO-HCL") + ",ARA,INSUFFISANCE_CARDIAQUE," + day + ",691",
        finess("U-CARDIO-HCL") + ",ARA,INSUFFISANCE_CARDIAQUE," + day + ",691",
        finess("U-NEURO-CHU38") + ",ARA,AVC," + day + ",381",
        PARIS + ",IDF,AVC," + day + ",751",
        finess("U-CARDIO-HCL") + ",ARA,AVC,,691");
    Http.Res imported = http.post("/__admin/observatory/omv", null, Map.of("csv", csv));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    assertThat(imported.json().get("imported").asInt()).isEqualTo(5);
  }

  /**
   * The texts a browser draws: the {@code <text>} elements in the SVG namespace (with this server's XML libraries on
   * the class path, an element written out of it would not be drawn).
   */
  static java.util.Set<String> svgTexts(String svg) {
    try {
      javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setNamespaceAware(true);
      org.w3c.dom.NodeList texts = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
          svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
      java.util.Set<String> out = new java.util.HashSet<>();
      for (int i = 0; i < texts.getLength(); i++) {
        out.add(texts.item(i).getTextContent().trim());
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  Map<String, JsonNode> rows(String path, String token) {
    Http.Res r = http.get(path, token);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    Map<String, JsonNode> out = new HashMap<>();
    r.json().get("items").forEach(row -> out.put(row.get("group").asText() + " " + row.path("period").asText(row
        .path("indicator").asText()), row));
    return out;
  }

  @Test
  void theTuvOfOnesEstablishmentCpamOrRegion() {
    pradoData();
    String cardio = finess("U-CARDIO-HCL");
    String neuro = finess("U-NEURO-CHU38");
    String month = LocalDate.ofInstant(Fixtures.NOW, ZoneId.of("Europe/Paris")).toString().substring(0, 7);

    // the ward: its establishment only (its dossier over its OMV adhesions)
    Map<String, JsonNode> ward = rows("/v1/observatory/tuv?group=establishment", requester);
    assertThat(ward.keySet()).containsExactly(cardio + " " + month);
    assertThat(ward.get(cardio + " " + month).at("/tuv/numerator").asInt()).isEqualTo(1);
    assertThat(ward.get(cardio + " " + month).at("/tuv/denominator").asInt()).isEqualTo(2);
    assertThat(ward.get(cardio + " " + month).at("/tuv/percent").decimalValue()).isEqualByComparingTo("50.0");

    // the CPAM 691: its records; the CPAM 381: its own (an OMV adhesion, no VT dossier)
    assertThat(rows("/v1/observatory/tuv", vt.demoToken(Role.CPAM)).get("Total " + month).at("/tuv/denominator")
        .asInt()).isEqualTo(2);
    JsonNode isere = rows("/v1/observatory/tuv", vt.tokens().issue(Role.CPAM, UnitId.of("CPAM-381"), null))
        .get("Total " + month);
    assertThat(isere.at("/tuv/numerator").asInt()).isZero();
    assertThat(isere.at("/tuv/denominator").asInt()).isEqualTo(1);

    // the GRADeS of Auvergne-Rhône-Alpes: both establishments of its region, not Paris
    String grades = vt.demoToken(Role.OBSERVER);
    Map<String, JsonNode> region = rows("/v1/observatory/tuv?group=establishment&by=quarter", grades);
    assertThat(region.keySet()).hasSize(2).allMatch(k -> k.startsWith(cardio) || k.startsWith(neuro));
    assertThat(rows("/v1/observatory/tuv?group=region", grades).keySet()).allMatch(k -> k.startsWith(
        "Auvergne-Rhône-Alpes"));
    Http.Res chart = http.get("/v1/observatory/tuv/chart?group=establishment&lang=en", grades);
    assertThat(chart.status()).isEqualTo(200);
    assertThat(chart.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(chart.body()).doesNotContain(PARIS);
    assertThat(svgTexts(chart.body())).contains(cardio, neuro, "Period");

    // the others: refused, with who may read it
    for (Role role : List.of(Role.RECEIVER, Role.USAGER, Role.MDPH, Role.ESMS)) {
      Http.Res refused = http.get("/v1/observatory/tuv", vt.demoToken(role));
      assertThat(refused.status()).as(role.name()).isEqualTo(403);
      assertThat(refused.json().get("detail").asText()).contains("CPAMs (their own)");
      assertThat(http.get("/v1/observatory/tuv/chart", vt.demoToken(role)).status()).as(role.name())
          .isEqualTo(403);
    }
    assertThat(http.get("/v1/observatory/scopes", vt.demoToken(Role.RECEIVER)).json().size()).isZero();
    assertThat(http.get("/v1/observatory/scopes", grades).json().at("/tuv/value").asText()).isEqualTo("84");
  }

  @Test
  void badParametersAndABadExtractAreRefusedWithTheirRuleAndNothingStored() {
    String grades = vt.demoToken(Role.OBSERVER);
    Http.Res week = http.get("/v1/observatory/tuv?by=week", grades);
    assertThat(week.status()).isEqualTo(400);
    assertThat(week.json().get("detail").asText()).isEqualTo("query parameter 'by': expected one of month, rolling3, "
        + "year, quarter");
    Http.Res group = http.get("/v1/observatory/tuv/chart?group=%3Cscript%3E", grades);
    assertThat(group.status()).isEqualTo(400);
    assertThat(group.body()).contains("query parameter 'group'").doesNotContain("script");
    assertThat(http.get("/v1/observatory/handicap/chart?indicator=nope", grades).json().get("detail").asText())
        .startsWith("query parameter 'indicator': expected one of people, waiting-list");
    assertThat(http.get("/v1/observatory/handicap/chart?indicator=without-solution", grades).status())
        .isEqualTo(400);
    assertThat(http.get("/v1/observatory/tuv/chart?lang=de", grades).status()).isEqualTo(400);

    Http.Res bad = http.post("/__admin/observatory/omv", null, Map.of("csv",
        "finessGeographique,region,volet,closedOn\n690000013,ARA,AVC,2026-01-05\n690000013,ARA,SECRET,2026-01-05"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("detail").asText()).isEqualTo("csv:3:3: column volet: expected one of CHIRURGIE, "
        + "BPCO, INSUFFISANCE_CARDIAQUE, AVC, PERSONNES_AGEES, MATERNITE");
    assertThat(http.post("/__admin/observatory/omv", null, Map.of("rows", 1)).status()).isEqualTo(422);
    Http.Res good = http.post("/__admin/observatory/omv", null, Map.of("csv",
        "finessGeographique,region,volet,closedOn\n690000013,ARA,AVC,2026-01-05"));
    assertThat(good.json().get("total").asInt()).as("the refused extract stored nothing").isEqualTo(1);
  }
}
