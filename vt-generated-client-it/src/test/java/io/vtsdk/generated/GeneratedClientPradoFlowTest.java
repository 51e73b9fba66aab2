package io.vtsdk.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.example.vt.ApiClient;
import org.example.vt.ApiException;
import org.example.vt.ApiResponse;
import org.example.vt.api.DossiersApi;
import org.example.vt.api.EventsApi;
import org.example.vt.api.RequestsApi;
import org.example.vt.model.AdmissionRequest;
import org.example.vt.model.AvailableActions;
import org.example.vt.model.Dossier;
import org.example.vt.model.DossierStatus;
import org.example.vt.model.Event;
import org.example.vt.model.EventPage;
import org.example.vt.model.RequestStatus;
import org.example.vt.model.ResponseKind;
import org.example.vt.model.SendRequest;
import org.example.vt.model.UnitResponse;
import org.example.vt.model.VtModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor who does not use vt-client generates a Java client from {@code /v1/openapi.json} (openapi-generator,
 * {@code java} / {@code native}, as in this module's pom) and runs a Prado flow with it: create, read with the ETag,
 * send to the CPAM, the CPAM answers with a kind from the available response kinds, the change feed. Every value is
 * read through the generated types: an untyped or wrongly typed schema fails here.
 */
class GeneratedClientPradoFlowTest {
  static ReferenceServer vt;

  @BeforeAll
  static void start() {
    vt = ReferenceServer.builder().build().start();
    vt.setClock(Fixtures.NOW);
  }

  @AfterAll
  static void stop() {
    vt.close();
  }

  /** The generated client of one role, with its bearer token, on the server's own {@code servers} URL. */
  static ApiClient as(Role role) {
    String token = vt.demoToken(role);
    ApiClient client = new ApiClient();
    client.updateBaseUri(vt.baseUrl().toString().replaceAll("/$", ""));
    client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
    return client;
  }

  @Test
  void pradoFromCreationToTheCpamsAnswer(@TempDir Path dir) throws Exception {
    ApiClient requester = as(Role.REQUESTER);
    DossiersApi dossiers = new DossiersApi(requester);
    // the vendor's EHR maps its stay to the generated model; here the fixture's JSON stands for that mapping
    Dossier draft = requester.getObjectMapper().readValue(VtJson.toJson(Fixtures.prado()), Dossier.class)
        .module(VtModule.PRADO);

    Dossier created = dossiers.createDossier(draft, null);
    assertThat(created.getId()).startsWith("D-");
    assertThat(created.getVersion()).isEqualTo(1L);
    assertThat(created.getStatus()).isEqualTo(DossierStatus.DRAFT);
    assertThat(created.getPatient().getBirthName()).isEqualTo(draft.getPatient().getBirthName());

    ApiResponse<Dossier> read = dossiers.getDossierWithHttpInfo(created.getId(), null);
    String etag = read.getHeaders().get("etag").get(0);
    assertThat(etag).isEqualTo("\"1\"");
    ApiException notModified = catchThrowableOfType(ApiException.class,
        () -> dossiers.getDossierWithHttpInfo(created.getId(), etag));
    assertThat(notModified == null ? 304 : notModified.getCode()).isEqualTo(304);

    Dossier updated = dossiers.updateDossier(created.getId(), etag, read.getData().desiredEntryDate(
        Fixtures.TODAY.plusDays(3)));
    assertThat(updated.getVersion()).isEqualTo(2L);

    List<AdmissionRequest> sent = dossiers.sendDossier(created.getId(), new SendRequest().addUnitsItem("CPAM-691"),
        null).getItems();
    assertThat(sent).singleElement().satisfies(r -> assertThat(r.getStatus()).isEqualTo(RequestStatus.SENT));

    RequestsApi cpam = new RequestsApi(as(Role.CPAM));
    String request = sent.get(0).getId();
    AvailableActions actions = cpam.availableActions(request);
    assertThat(actions.getResponseKinds()).contains(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY,
        ResponseKind.PRADO_ADHESION, ResponseKind.PRADO_NON_ADHESION);
    AdmissionRequest answered = cpam.respond(request,
        new UnitResponse().kind(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY).comment("Dossier complet"), null);
    assertThat(answered.getStatus()).isEqualTo(RequestStatus.ELIGIBLE_ADMINISTRATIVELY);

    ApiException refused = catchThrowableOfType(ApiException.class,
        () -> cpam.respond(request, new UnitResponse().kind(ResponseKind.ACCEPTED), null));
    assertThat(refused.getCode()).isIn(409, 422);
    assertThat(refused.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");

    EventPage events = new EventsApi(requester).events(null, 100);
    assertThat(events.getItems()).extracting(Event::getType).contains("dossier.created", "request.sent");
    assertThat(events.getItems()).filteredOn(e -> request.equals(e.getRequestId()))
        .extracting(Event::getStatus).contains(RequestStatus.ELIGIBLE_ADMINISTRATIVELY);
    assertThat(events.getNextCursor()).isNotBlank();
  }

  /**
   * Files, with the {@code okhttp-gson} library: the {@code native} one JSON-encodes a binary request body
   * (openapi-generator issue 17801, open), so a vendor uploading files generates this one. Gson reads the typed
   * members as their types ({@code version} a Long, not {@code 1.0}).
   */
  @Test
  void attachmentsUpAndDownWithTheOkHttpGsonClient(@TempDir Path dir) throws Exception {
    org.example.vtgson.ApiClient client = new org.example.vtgson.ApiClient()
        .setBasePath(vt.baseUrl().toString().replaceAll("/$", ""));
    client.setBearerToken(vt.demoToken(Role.REQUESTER));
    org.example.vtgson.api.DossiersApi dossiers = new org.example.vtgson.api.DossiersApi(client);
    org.example.vtgson.model.Dossier created = dossiers.createDossier(
        org.example.vtgson.JSON.deserialize(VtJson.toJson(Fixtures.prado()), org.example.vtgson.model.Dossier.class), null);
    assertThat(created.getVersion()).isEqualTo(1L);

    Path pdf = Files.writeString(dir.resolve("cr.pdf"), "%PDF-1.4 compte rendu");
    org.example.vtgson.api.AttachmentsApi attachments = new org.example.vtgson.api.AttachmentsApi(client);
    org.example.vtgson.model.Attachment attachment = attachments.uploadAttachment(created.getId(), "cr.pdf",
        pdf.toFile(), null, null);
    assertThat(attachment.getSha256()).hasSize(64);
    assertThat(attachment.getSize()).isEqualTo(Files.size(pdf));
    File back = attachments.downloadAttachment(attachment.getId());
    assertThat(Files.readString(back.toPath())).isEqualTo("%PDF-1.4 compte rendu");
    assertThat(dossiers.getDossier(created.getId(), null).getAttachments()).extracting(
        org.example.vtgson.model.Attachment::getId).containsExactly(attachment.getId());
  }
}
