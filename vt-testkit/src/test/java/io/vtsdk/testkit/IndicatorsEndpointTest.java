package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import org.junit.jupiter.api.Test;

class IndicatorsEndpointTest {

  @Test
  void requestAndWaitingListIndicatorsOverTheServersData() {
    try (ReferenceServer vt = ReferenceServer.builder().demoDossiers(true).build().start()) {
      Http http = new Http(vt);
      // the ward sent 5 requests in the demo: SMR x2 (one read and accepted), CPAM (answered), PCO, HNP
      JsonNode ward = http.get("/v1/indicators/requests", vt.demoToken(Role.REQUESTER)).json();
      assertThat(ward.get("requests").asInt()).isEqualTo(5);
      // an answered request was read (answered ⊂ read, seed 002): the accepted SMR one and the CPAM's
      assertThat(ward.at("/readRate/numerator").asInt()).isEqualTo(2);
      assertThat(ward.at("/responseRate/numerator").asInt()).isEqualTo(2);
      assertThat(ward.at("/responseRate/percent").decimalValue()).isEqualByComparingTo("40.0");
      JsonNode sanitaireOnly = http.get("/v1/indicators/requests?module=SANITAIRE", vt.demoToken(Role.REQUESTER))
          .json();
      assertThat(sanitaireOnly.get("requests").asInt()).isEqualTo(2);

      String ime = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
      Http.Res reported = HandicapEndToEndTest.reportOnTheFirstNotification(http, ime, "42");
      assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
      JsonNode rows = http.get("/v1/indicators/waiting-lists", ime).json().get("items");
      JsonNode imeRow = null;
      for (JsonNode row : rows) {
        if ("183".equals(row.path("esmsCategory").asText()) && "69".equals(row.path("departement").asText())) {
          imeRow = row;
        }
      }
      assertThat(imeRow).as(rows.toString()).isNotNull();
      assertThat(imeRow.get("waiting").asInt()).isEqualTo(1);
      assertThat(imeRow.at("/waitingToPlaces/denominator").asInt()).isEqualTo(48);
    }
  }
}
