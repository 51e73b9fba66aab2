package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 40 (first part): the inputs a fuzzer found answered 500 are refused as bad input, naming the parameter or the
 * pointer, never the value.
 */
@VtServerTest
class GarbageInputTest {

  @Test
  void anEmptyStageOrUnitParameterIsA400NamingIt(ReferenceServer vt) {
    Http http = new Http(vt);
    vt.setClock(Fixtures.NOW);
    String owner = vt.tokens().issue(Role.REQUESTER, UnitId.of("U-CARDIO-HCL"), null);
    String id = http.post("/v1/dossiers", owner, Fixtures.sanitaire()).json().get("id").asText();
    for (String stage : new String[] {"", "%20"}) {
      Http.Res r = http.post("/v1/dossiers/" + id + "/validate?stage=" + stage, owner, "{}");
      assertThat(r.status()).as("stage=%s", stage).isEqualTo(400);
      assertThat(r.body()).contains("'stage'");
    }
    String ime = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
    Http.Res blank = http.get("/v1/waiting-lists?unit=", ime);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("'unit'");
    assertThat(http.get("/v1/waiting-lists?unit=%20", ime).status()).isEqualTo(400);
  }

  @Test
  void aFhirResourceWithGarbageProfilesIsRefusedNot500(ReferenceServer vt) {
    Http http = new Http(vt);
    String ime = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
    for (String type : new String[] {"Task", "Consent"}) {
      for (String profiles : new String[] {"[\"x\"]", "[1.5]", "[null]", "[\"\"]"}) {
        String body = "{\"resourceType\":\"" + type + "\",\"meta\":{\"profile\":" + profiles + "}}";
        Http.Res r = http.post("/fhir/" + type, ime, body, "Content-Type", "application/fhir+json");
        assertThat(r.status()).as("%s with meta.profile %s: %s", type, profiles, r).isBetween(400, 499);
      }
    }
  }
}
