package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoConsent;
import io.vtsdk.fhir.sdo.SdoConsentMapper;
import io.vtsdk.fhir.sdo.SdoDocuments;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.fhir.validation.SdoValidator;
import io.vtsdk.model.Coding;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.workflow.Role;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDO server role under /fhir, driven by HAPI's own generic client as an ESMS would (flows 4 and 5). */
@VtServerTest
class FhirEndpointsTest {
  static final String DECISION = Fixtures.handicap().mdphDecision().idDecision();
  /** The decision's national id: the MDPH's, else the one the server issues ("SDO-" + idDecision). */
  static final String NAT_DECISION = Fixtures.handicap().mdphDecision().idNatDecision() != null
      ? Fixtures.handicap().mdphDecision().idNatDecision() : "SDO-" + DECISION;
  ReferenceServer vt;
  Http http;
  String mdph;
  IGenericClient ime;

  @BeforeEach
  void setUp(ReferenceServer server) {
    vt = server;
    http = new Http(server);
    vt.setClock(Fixtures.NOW);
    mdph = vt.tokens().issue(Role.MDPH, UnitId.of("MDPH-69"), null);
    ime = esms("IME-69");
    ime69Finess = http.get("/v1/units/IME-69", mdph).json().get("structure").asText();
  }

  IGenericClient esms(String unit) {
    IGenericClient c = VtFhir.context().newRestfulGenericClient(vt.baseUrl() + "/fhir");
    c.registerInterceptor(new BearerTokenAuthInterceptor(vt.tokens().issue(Role.ESMS, UnitId.of(unit), null)));
    return c;
  }

  String notify(String unit) {
    String id = http.post("/v1/dossiers", mdph, Fixtures.handicap().toBuilder()
        .requester(new Requester(UnitId.of("MDPH-69"), null)).build()).json().get("id").asText();
    Http.Res sent = http.post("/v1/dossiers/" + id + "/requests", mdph, Map.of("units", List.of(unit)));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.json().at("/items/0/id").asText();
  }

  String ime69Finess;

  EsmsStatus status(String code) {
    return new EsmsStatus("1" + ime69Finess, "IME Les Érables", Coding.of(NosTable.R357.url(), code), null,
        Fixtures.TODAY, null, null, null, null, DECISION, NAT_DECISION);
  }


  @Test
  void flow4AnEsmsPostsStatusesAsSdoTasksAndTheyAreTheRequestsStatuses() {
    String request = notify("IME-69");
    for (String code : List.of("40", "41", "42")) {
      MethodOutcome created = ime.create().resource(SdoTaskMapper.toTask(status(code), Fixtures.NOW)).execute();
      assertThat(created.getCreated()).isTrue();
      assertThat(created.getId().getIdPart()).startsWith("T-");
    }
    assertThat(http.get("/v1/requests/" + request, mdph).json().get("status").asText())
        .isEqualTo("WAITING_LIST_ANALYSIS");
    assertThat(http.get("/v1/requests/" + request + "/esms-statuses", mdph).json().get("items")
        .findValuesAsText("code")).containsExactly("40", "41", "42");
  }

  @Test
  void flow5AnEsmsPollsTasksAfterAnInstantIncludingStatusesReportedThroughV1() {
    String request = notify("IME-69");
    ime.create().resource(SdoTaskMapper.toTask(status("40"), Fixtures.NOW)).execute();
    String imeToken = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
    assertThat(http.post("/v1/requests/" + request + "/esms-statuses", imeToken, status("41")).status())
        .isEqualTo(200);

    Bundle all = ime.search().forResource(Task.class)
        .where(new DateClientParam("_lastUpdated").after().day("2026-11-22")).returnBundle(Bundle.class).execute();
    assertThat(all.getEntry()).as("one Task per notified person, at its latest status").hasSize(1);
    Task current = (Task) all.getEntry().get(0).getResource();
    assertThat(SdoTaskMapper.fromTask(current).status().code()).isEqualTo("41");
    assertThat(current.getMeta().getVersionId()).as("two statuses, two versions").isEqualTo("2");
    assertThat(current.getIdElement().getIdPart()).isEqualTo("T-" + request);
    SdoValidator validator = SdoValidator.create();
    assertThat(validator.validate(all).errors()).isEmpty();

    Bundle later = ime.search().forResource(Task.class)
        .where(new DateClientParam("_lastUpdated").after().day("2026-11-24")).returnBundle(Bundle.class).execute();
    assertThat(later.getEntry()).isEmpty();

    Task read = ime.read().resource(Task.class).withId(current.getIdElement().getIdPart()).execute();
    assertThat(SdoTaskMapper.fromTask(read).status().code()).isEqualTo("41");
    Task first = ime.read().resource(Task.class).withIdAndVersion(current.getIdElement().getIdPart(), "1").execute();
    assertThat(SdoTaskMapper.fromTask(first).status().code()).isEqualTo("40");

    assertThat(esms("MAS-38").search().forResource(Task.class).returnBundle(Bundle.class).execute().getEntry())
        .as("another ESMS sees nothing of people it was not notified about").isEmpty();
    assertThatThrownBy(() -> esms("MAS-38").read().resource(Task.class).withId("T-" + request).execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void flow2AnEsmsRecordsThePersonsAgreementForTheDecision() {
    notify("IME-69");
    MethodOutcome created = ime.create().resource(SdoConsentMapper.toConsent(new SdoConsent("1" + ime69Finess,
        Fixtures.TODAY, NAT_DECISION))).execute();
    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().getIdPart()).isEqualTo("C-1");
    assertThatThrownBy(() -> ime.create().resource(SdoConsentMapper.toConsent(new SdoConsent("1" + ime69Finess,
        Fixtures.TODAY, "SDO-UNKNOWN"))).execute()).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> ime.create().resource(SdoConsentMapper.toConsent(new SdoConsent("1690000021",
        Fixtures.TODAY, NAT_DECISION))).execute()).isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(() -> esms("MAS-38").create().resource(SdoConsentMapper.toConsent(new SdoConsent(
        "1" + ime69Finess, Fixtures.TODAY, NAT_DECISION))).execute())
        .as("an ESMS not notified of the decision").isInstanceOfAny(ResourceNotFoundException.class,
            ForbiddenOperationException.class);
  }

  @Test
  void flows1And3TheDecisionThenTheEvaluationOnceThePersonAgreed() throws Exception {
    String request = notify("IME-69");
    String dossier = http.get("/v1/requests/" + request, mdph).json().get("dossierId").asText();
    byte[] pdf = uploadEvaluation(dossier);

    Bundle decisions = ime.search().forResource(DocumentReference.class)
        .where(DocumentReference.TYPE.exactly().systemAndCode(SdoDocuments.LOINC, SdoDocuments.DECISION))
        .returnBundle(Bundle.class).execute();
    assertThat(decisions.getEntry()).hasSize(1);
    DocumentReference decision = ime.read().resource(DocumentReference.class)
        .withId(decisions.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute();
    assertThat(SdoDocuments.idNatDecision(decision)).isEqualTo(NAT_DECISION);
    assertThat(new String(decision.getContentFirstRep().getAttachment().getData(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("\"decision\"", DECISION);
    assertThat(SdoValidator.create().validate(decision).errors()).isEmpty();

    var evaluations = ime.search().forResource(DocumentReference.class)
        .where(DocumentReference.TYPE.exactly().systemAndCode(SdoDocuments.LOINC, SdoDocuments.EVALUATION))
        .and(DocumentReference.IDENTIFIER.exactly().code(NAT_DECISION)).returnBundle(Bundle.class);
    assertThat(evaluations.execute().getEntry()).as("no evaluation before the agreement").isEmpty();
    ime.create().resource(SdoConsentMapper.toConsent(new SdoConsent("1" + ime69Finess, Fixtures.TODAY,
        NAT_DECISION))).execute();
    Bundle after = evaluations.execute();
    assertThat(after.getEntry()).hasSize(1);
    assertThat(((DocumentReference) after.getEntryFirstRep().getResource()).getContentFirstRep().getAttachment()
        .getData()).isEqualTo(pdf);

    assertThat(esms("MAS-38").search().forResource(DocumentReference.class)
        .where(DocumentReference.TYPE.exactly().code(SdoDocuments.DECISION)).returnBundle(Bundle.class).execute()
        .getEntry()).as("another ESMS sees no decision it was not notified of").isEmpty();
  }

  /** The MDPH attaches an evaluation (a PDF) to the dossier through /v1; returns its bytes. */
  byte[] uploadEvaluation(String dossier) {
    byte[] pdf = "%PDF-1.7 évaluation".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Http.Res uploaded = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(vt.baseUrl()
        + "/v1/dossiers/" + dossier + "/attachments?fileName=evaluation.pdf"))
        .header("Authorization", "Bearer " + mdph).header("Content-Type", "application/pdf")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return pdf;
  }

  /** Flow 1: a decision the MDPH changes after notifying it is last updated then, so the ESMS's poll sees it again. */
  @Test
  void anUpdatedDecisionResurfacesInTheLastUpdatedPoll() {
    String request = notify("IME-69");
    String since = "gt" + Fixtures.NOW.toString();
    String poll = "/fhir/DocumentReference?type=" + SdoDocuments.DECISION + "&_lastUpdated=" + since;
    String imeToken = vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
    assertThat(http.get(poll, imeToken).json().path("entry")).isEmpty();
    String dossier = http.get("/v1/requests/" + request, mdph).json().get("dossierId").asText();
    Http.Res current = http.get("/v1/dossiers/" + dossier, mdph);
    vt.setClock(Fixtures.NOW.plusSeconds(3600));
    Http.Res updated = http.put("/v1/dossiers/" + dossier, mdph, current.json(), "If-Match",
        current.header("ETag"));
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    JsonNode again = http.get(poll, imeToken).json().path("entry");
    assertThat(again).hasSize(1);
    assertThat(java.time.OffsetDateTime.parse(again.get(0).at("/resource/meta/lastUpdated").asText()).toInstant())
        .isEqualTo(Fixtures.NOW.plusSeconds(3600));
  }

  /** An ESMS's whole day with VT, flows 1 to 5 in order, with HAPI's generic client only. */
  @Test
  void flows1To5EndToEnd() {
    String request = notify("IME-69");
    byte[] pdf = uploadEvaluation(http.get("/v1/requests/" + request, mdph).json().get("dossierId").asText());
    // 1: which decisions were notified to us since yesterday?
    Bundle ids = ime.search().forResource(DocumentReference.class)
        .where(DocumentReference.TYPE.exactly().systemAndCode(SdoDocuments.LOINC, SdoDocuments.DECISION))
        .and(new DateClientParam("_lastUpdated").after().day("2026-11-22")).elementsSubset("id")
        .returnBundle(Bundle.class).execute();
    assertThat(ids.getEntry()).hasSize(1);
    DocumentReference decision = ime.read().resource(DocumentReference.class)
        .withId(ids.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute();
    String natDecision = SdoDocuments.idNatDecision(decision);
    // 2: the person agrees
    ime.create().resource(SdoConsentMapper.toConsent(new SdoConsent("1" + ime69Finess, Fixtures.TODAY,
        natDecision))).execute();
    // 3: the evaluation
    Bundle evaluation = ime.search().forResource(DocumentReference.class)
        .where(DocumentReference.TYPE.exactly().systemAndCode(SdoDocuments.LOINC, SdoDocuments.EVALUATION))
        .and(DocumentReference.IDENTIFIER.exactly().code(natDecision)).returnBundle(Bundle.class).execute();
    assertThat(((DocumentReference) evaluation.getEntryFirstRep().getResource()).getContentFirstRep()
        .getAttachment().getData()).isEqualTo(pdf);
    // 4: our statuses: the first a create, the later ones updates of that Task
    MethodOutcome first = ime.create().resource(SdoTaskMapper.toTask(status("40"), Fixtures.NOW)).execute();
    for (String code : List.of("41", "42", "72")) {
      Task next = SdoTaskMapper.toTask(status(code), Fixtures.NOW);
      next.setId(first.getId().getIdPart());
      ime.update().resource(next).execute();
    }
    // 5: the statuses about the people we follow: our Task, at its latest version
    Bundle tasks = ime.search().forResource(Task.class)
        .where(new DateClientParam("_lastUpdated").after().day("2026-11-22")).returnBundle(Bundle.class).execute();
    assertThat(tasks.getEntry()).extracting(e -> SdoTaskMapper.fromTask((Task) e.getResource()).status().code())
        .containsExactly("72");
    assertThat(tasks.getEntryFirstRep().getResource().getMeta().getVersionId()).isEqualTo("4");
    assertThat(http.get("/v1/requests/" + request, mdph).json().get("status").asText())
        .isEqualTo("WAITING_LIST_ADMISSIBLE");
  }

  @Test
  void errorsAreOperationOutcomes() {
    notify("IME-69");
    EsmsStatus unknownDecision = new EsmsStatus("1" + ime69Finess, "IME", Coding.of(NosTable.R357.url(), "40"),
        null, Fixtures.TODAY, null, null, null, null, "MDPH69-0000-0000", "SDO-X");
    assertThatThrownBy(() -> ime.create().resource(SdoTaskMapper.toTask(unknownDecision, Fixtures.NOW)).execute())
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(((ResourceNotFoundException) e).getOperationOutcome()).isInstanceOf(
            OperationOutcome.class));

    Task noName = SdoTaskMapper.toTask(status("40"), Fixtures.NOW);
    noName.getInput().removeIf(i -> "nomESMS".equals(i.getType().getText()));
    assertThatThrownBy(() -> ime.create().resource(noName).execute()).isInstanceOf(UnprocessableEntityException.class)
        .satisfies(e -> assertThat(VtFhir.toJson(((UnprocessableEntityException) e).getOperationOutcome()))
            .as("the element and the rule the profile refuses, as vt fhir validate reports them")
            .contains("nomESMS").contains("Validation_VAL_Profile_Minimum"));

    Task jump = SdoTaskMapper.toTask(status("48"), Fixtures.NOW);
    assertThatThrownBy(() -> ime.create().resource(jump).execute())
        .hasMessageContaining("cannot follow it");

    Task otherStructure = SdoTaskMapper.toTask(new EsmsStatus("1690000021", "X", Coding.of(NosTable.R357.url(),
        "40"), null, Fixtures.TODAY, null, null, null, null, DECISION, "SDO-X"), Fixtures.NOW);
    assertThatThrownBy(() -> ime.create().resource(otherStructure).execute())
        .isInstanceOf(ForbiddenOperationException.class);

    IGenericClient asMdph = VtFhir.context().newRestfulGenericClient(vt.baseUrl() + "/fhir");
    asMdph.registerInterceptor(new BearerTokenAuthInterceptor(mdph));
    assertThatThrownBy(() -> asMdph.search().forResource(Task.class).returnBundle(Bundle.class).execute())
        .isInstanceOf(ForbiddenOperationException.class);

    Http.Res raw = http.get("/fhir/Task?_lastUpdated=ap2026-11-22", vt.tokens().issue(Role.ESMS,
        UnitId.of("IME-69"), null));
    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.header("Content-Type")).isEqualTo("application/fhir+json");
    assertThat(raw.json().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(raw.json().at("/issue/0/code").asText()).isEqualTo("invalid");
  }

  // ------------------------------------------------------------------------------------------ FHIR by the book

  String esmsToken() {
    return vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null);
  }

  Http.Res postTask(String json) {
    return Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(vt.baseUrl() + "/fhir/Task"))
        .header("Authorization", "Bearer " + esmsToken()).header("Content-Type", "application/fhir+json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
  }

  @Test
  void theCapabilityStatementIsValidR4AndListsWhatIsServed() {
    Http.Res r = http.get("/fhir/metadata", null);
    org.hl7.fhir.r4.model.CapabilityStatement cs = VtFhir.parse(r.body(),
        org.hl7.fhir.r4.model.CapabilityStatement.class);
    assertThat(SdoValidator.create(false).validate(cs).errors()).as("base R4, cpb-14 included").isEmpty();
    assertThat(cs.getImplementation().getUrl()).isEqualTo(vt.baseUrl().toString().replaceAll("/$", "") + "/fhir");
    assertThat(cs.getRestFirstRep().getResource()).extracting(r2 -> r2.getType())
        .containsExactly("Task", "DocumentReference", "Consent");
    assertThat(cs.getRestFirstRep().getResource().get(0).getSearchParam()).extracting(p -> p.getName())
        .contains("_lastUpdated", "_elements");
  }

  @Test
  void aCreatedTaskHasAnAbsoluteLocationWithItsVersion() {
    notify("IME-69");
    Http.Res r = postTask(VtFhir.toJson(SdoTaskMapper.toTask(status("40"), Fixtures.NOW)));
    assertThat(r.status()).isEqualTo(201);
    String id = VtFhir.parse(r.body(), Task.class).getIdElement().getIdPart();
    assertThat(r.header("Location")).isEqualTo(vt.baseUrl().toString().replaceAll("/$", "") + "/fhir/Task/" + id
        + "/_history/1");
    assertThat(r.header("ETag")).isEqualTo("W/\"1\"");
  }

  @Test
  void unparseableIs400AndAProfileRefusalIs422AsVtFhirValidateSaysIt() {
    notify("IME-69");
    Http.Res broken = postTask("{\"resourceType\":\"Task\",");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("resourceType").asText()).isEqualTo("OperationOutcome");
    Task noLastUpdated = SdoTaskMapper.toTask(status("40"), Fixtures.NOW);
    noLastUpdated.getMeta().setLastUpdated(null);
    String json = VtFhir.toJson(noLastUpdated);
    assertThat(SdoValidator.create().validate(json).errors()).as("vt fhir validate refuses it").isNotEmpty();
    Http.Res refused = postTask(json);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Task.meta.lastUpdated");
    assertThat(http.get("/fhir/Task", esmsToken()).json().path("total").asInt()).as("nothing stored").isZero();
  }

  @Test
  void searchesHaveSelfLinksIgnoreUnknownParametersAndPageWithCount() {
    String imeToken = esmsToken();
    for (int i = 0; i < 3; i++) {
      String request = notify("IME-69");
      assertThat(http.post("/v1/requests/" + request + "/esms-statuses", imeToken, status("40")).status())
          .isEqualTo(200);
    }
    String base = vt.baseUrl().toString().replaceAll("/$", "") + "/fhir/";
    Http.Res page = http.get("/fhir/Task?_lastUpdated=gt2026-11-01&foo=bar&_count=2", esmsToken());
    assertThat(page.status()).isEqualTo(200);
    Bundle b = VtFhir.parse(page.body(), Bundle.class);
    assertThat(b.getTotal()).isEqualTo(3);
    assertThat(b.getEntry()).hasSize(2);
    assertThat(b.getLink("self").getUrl()).as("what was applied, foo ignored")
        .isEqualTo(base + "Task?_lastUpdated=gt2026-11-01&_count=2");
    Bundle next = VtFhir.parse(http.get(b.getLink("next").getUrl().substring(base.length() - "/fhir/".length()),
        esmsToken()).body(), Bundle.class);
    assertThat(next.getEntry()).hasSize(1);
    assertThat(next.getLink("next")).isNull();
    assertThat(SdoValidator.create().validate(b).errors()).as("still the SDO searchset profile").isEmpty();
    Http.Res strict = http.get("/fhir/Task?foo=bar", esmsToken(), "Prefer", "handling=strict");
    assertThat(strict.status()).isEqualTo(400);
    assertThat(strict.body()).contains("foo").doesNotContain("bar");
  }

  @Test
  void laterStatusesAreUpdatesOfTheTaskVersionAware() {
    String request = notify("IME-69");
    MethodOutcome created = ime.create().resource(SdoTaskMapper.toTask(status("40"), Fixtures.NOW)).execute();
    String id = created.getId().getIdPart();
    assertThat(created.getId().getVersionIdPart()).isEqualTo("1");

    Task next = SdoTaskMapper.toTask(status("41"), Fixtures.NOW.plusSeconds(60));
    next.setId(id);
    MethodOutcome updated = ime.update().resource(next).withId(id).execute();
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
    assertThat(http.get("/v1/requests/" + request, mdph).json().get("status").asText()).isEqualTo("CONTACT_MADE");

    Task stale = SdoTaskMapper.toTask(status("42"), Fixtures.NOW.plusSeconds(120));
    stale.setId(id);
    Http.Res conflict = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(vt.baseUrl()
        + "/fhir/Task/" + id)).header("Authorization", "Bearer " + esmsToken())
        .header("Content-Type", "application/fhir+json").header("If-Match", "W/\"1\"")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(VtFhir.toJson(stale))).build());
    assertThat(conflict.status()).as("If-Match names version 1, the Task is at 2").isEqualTo(412);
    assertThat(http.get("/v1/requests/" + request + "/esms-statuses", mdph).json().get("items")).hasSize(2);

    Task otherId = SdoTaskMapper.toTask(status("42"), Fixtures.NOW.plusSeconds(120));
    otherId.setId("T-R-999");
    Http.Res mismatch = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(vt.baseUrl()
        + "/fhir/Task/" + id)).header("Authorization", "Bearer " + esmsToken())
        .header("Content-Type", "application/fhir+json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(VtFhir.toJson(otherId))).build());
    assertThat(mismatch.status()).as("the body's id is not the URL's").isEqualTo(400);
    assertThatThrownBy(() -> esms("MAS-38").update().resource(stale).withId(id).execute())
        .as("only the notified ESMS updates its Task").isInstanceOf(ca.uhn.fhir.rest.server.exceptions
            .BaseServerResponseException.class);
    assertThat(http.get("/v1/requests/" + request + "/esms-statuses", mdph).json().get("items")).hasSize(2);
  }
}
