package io.vtsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 40: the inputs a fuzzer found answered 500 are refused as bad input, naming the parameter or the pointer, never
 * the value; values are what their type says, texts carry no control, bidirectional or lone-surrogate character, only
 * JSON is read as JSON, attachment names cannot carry a path or a header.
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

  /** The fixture dossier's JSON text with one member's value replaced by raw JSON text {@code value}. */
  private static String dossierWith(String pointer, String value) {
    com.fasterxml.jackson.databind.node.ObjectNode d = Http.JSON.valueToTree(Fixtures.sanitaire());
    d.remove("id");
    int slash = pointer.lastIndexOf('/');
    ((com.fasterxml.jackson.databind.node.ObjectNode) d.at(pointer.substring(0, slash)))
        .put(pointer.substring(slash + 1), "@@VALUE@@");
    return d.toString().replace("\"@@VALUE@@\"", value); // raw: a lone surrogate escape stays one
  }

  @Test
  void valuesAreNotCoercedAndTextsRefuseControlBidiAndLoneSurrogates(ReferenceServer vt) {
    Http http = new Http(vt);
    vt.setClock(Fixtures.NOW);
    String owner = vt.demoToken(Role.REQUESTER);
    String[][] cases = {
        {"/medical/gir", "3.7", "json.invalid"},
        {"/medical/gir", "\"3\"", "json.invalid"},
        {"/medical/gir", "true", "json.invalid"},
        {"/patient/birthName", "12", "json.invalid"},
        {"/patient/birthName", "true", "json.invalid"},
        {"/patient/insurance/ame", "0", "json.invalid"},
        {"/patient/insurance/ame", "\"false\"", "json.invalid"},
        {"/patient/birthName", "\"MAR\\u0000TIN\"", "text.forbidden-character"},
        {"/patient/birthName", "\"MARTIN\\u202eNITRAM\"", "text.forbidden-character"},
        {"/patient/birthName", "\"MAR\\ud800TIN\"", "text.forbidden-character"},
        {"/patient/usedName", "\"A\\u0085B\"", "text.forbidden-character"},
        {"/patient/birthDate", "\"0000-01-01\"", "date.range"},
        {"/patient/birthDate", "\"+999999999-12-31\"", "date.range"},
    };
    for (String[] c : cases) {
      Http.Res r = http.post("/v1/dossiers", owner, dossierWith(c[0], c[1]));
      assertThat(r.status()).as("%s = %s: %s", c[0], c[1], r).isEqualTo(400);
      assertThat(r.json().at("/violations/0/path").asText()).as("%s = %s", c[0], c[1]).isEqualTo(c[0]);
      assertThat(r.json().at("/violations/0/code").asText()).as("%s = %s", c[0], c[1]).isEqualTo(c[2]);
      assertThat(r.body()).doesNotContain("MAR", "NITRAM", "3.7", "999999999");
    }
    // what stays allowed: an astral character (a valid surrogate pair), tabs and line feeds in free text
    assertThat(http.post("/v1/dossiers", owner, dossierWith("/medical/summary", "\"ligne 1\\nligne 2\\t\\ud83d\\ude00\""))
        .status()).isEqualTo(201);
  }

  @Test
  void onlyJsonIsReadAsJson(ReferenceServer vt) {
    vt.setClock(Fixtures.NOW);
    String owner = vt.demoToken(Role.REQUESTER);
    for (String type : new String[] {"application/merge-patch+json", "application/json-patch+json",
        "application/fhir+json", "text/plain"}) {
      Http.Res r = Http.send(java.net.http.HttpRequest.newBuilder(vt.url("/v1/dossiers"))
          .header("Authorization", "Bearer " + owner).header("Content-Type", type)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.text(Fixtures.sanitaire()))).build());
      assertThat(r.status()).as(type).isEqualTo(415);
    }
  }

  @Test
  void attachmentNamesAreCleanedOrRefusedAndDownloadsAreNotSniffed(ReferenceServer vt) {
    Http http = new Http(vt);
    vt.setClock(Fixtures.NOW);
    String owner = vt.demoToken(Role.REQUESTER);
    String id = http.post("/v1/dossiers", owner, Fixtures.sanitaire()).json().get("id").asText();
    for (String name : new String[] {"a%0D%0AX-Injected:%201.pdf", "nul%00.pdf", "%E2%80%AEfdp.exe", "..%2F..%2F",
        "%20"}) {
      Http.Res r = upload(vt, owner, id, name);
      assertThat(r.status()).as("%s: %s", name, r).isEqualTo(422);
      assertThat(r.json().at("/violations/0/path").asText()).isEqualTo("/fileName");
    }
    Http.Res stored = upload(vt, owner, id, "..%2F..%2Fetc%2Fpasswd");
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.json().get("fileName").asText()).isEqualTo("passwd");
    Http.Res html = upload(vt, owner, id, "%3Cscript%3Ealert(1)%3C%2Fscript%3E%C3%A9.html");
    assertThat(html.json().get("fileName").asText()).isEqualTo("script_é.html"); // the last segment, '>' replaced
    Http.Res download = http.get("/v1/attachments/" + html.json().get("id").asText(), owner);
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.header("Content-Disposition")).isEqualTo(
        "attachment; filename=\"script__.html\"; filename*=UTF-8''script_%C3%A9.html");
  }

  private static Http.Res upload(ReferenceServer vt, String token, String dossier, String encodedName) {
    return Http.send(java.net.http.HttpRequest.newBuilder(vt.url("/v1/dossiers/" + dossier + "/attachments?fileName="
            + encodedName)).header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("%PDF-1.4 test")).build());
  }
}
