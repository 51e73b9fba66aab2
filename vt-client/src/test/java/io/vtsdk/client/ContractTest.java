package io.vtsdk.client;

import io.vtsdk.api.Health;
import io.vtsdk.api.Page;
import io.vtsdk.api.Event;
import io.vtsdk.api.Eligibility;
import io.vtsdk.api.ValidationResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.RequestingServiceSection;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.PradoNonAdhesionMotif;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation of the client against the embedded reference server, from the caller's point of view. */
class ContractTest extends ClientTestBase {

  @Test
  void pradoFromCreationToAdhesion() {
    Dossier created = requester.dossiers().create(dossier(VtModule.PRADO));
    assertThat(created.id().value()).startsWith("D-");
    assertThat(created.version()).isEqualTo(1);
    assertThat(requester.dossiers().get(created.id())).isEqualTo(created);

    ValidationResult valid = requester.dossiers().validate(created.id(), Stage.SUBMISSION);
    assertThat(valid.valid()).as(valid.violations().toString()).isTrue();
    Eligibility eligibility = requester.dossiers().eligibility(created.id());
    assertThat(eligibility.result()).isEqualTo(Eligibility.Result.ELIGIBLE);
    assertThat(eligibility.ruleSetVersion()).isNotBlank();
    assertThat(eligibility.trace()).isNotEmpty();
    assertThat(eligibility.trace().get(0).ruleId()).isNotBlank();
    assertThat(eligibility.trace().get(0).outcome()).isNotNull();

    List<Unit> cpams = requester.directory().search(UnitQuery.all().module(VtModule.PRADO));
    assertThat(cpams).extracting(u -> u.id().value()).contains("CPAM-691");
    assertThat(requester.directory().get(UnitId.of("CPAM-691")).name()).contains("CPAM du Rhône");

    List<AdmissionRequest> sent = requester.dossiers().send(created.id(), List.of(UnitId.of("CPAM-691")));
    assertThat(sent).singleElement().extracting(AdmissionRequest::status).isEqualTo(RequestStatus.SENT);

    VtClient cpam = client(vt.demoToken(Role.CPAM));
    Page<AdmissionRequest> inbox = cpam.requests().list(RequestQuery.all().status(RequestStatus.SENT), null);
    assertThat(inbox.items()).extracting(AdmissionRequest::id).containsExactly(sent.get(0).id());
    AdmissionRequest request = inbox.items().get(0);
    assertThat(cpam.requests().availableActions(request.id()).actions())
        .contains(Action.DECLARE_ELIGIBLE_ADMINISTRATIVELY, Action.RECORD_ADHESION, Action.RECORD_NON_ADHESION);
    assertThat(cpam.requests().read(request.id()).readAt()).isEqualTo(NOW);
    cpam.requests().respond(request.id(),
        Response.of(ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, "Dossier complet", null));
    AdmissionRequest adhesion = cpam.requests().respond(request.id(),
        Response.of(ResponseKind.PRADO_ADHESION, null, null, null));
    assertThat(adhesion.status()).isEqualTo(RequestStatus.ADHESION);

    assertThat(requester.requests().get(request.id()).responses()).hasSize(2);
    Page<Event> feed = requester.events().page(null, 100);
    assertThat(feed.items()).extracting(Event::type).containsExactly("dossier.created", "request.sent",
        "request.read", "request.declare_eligible_administratively", "request.record_adhesion");
    assertThat(feed.items().get(1).requestId()).isEqualTo(request.id());
  }

  @Test
  void updateSendsTheVersionItReadAndAStaleOneIsAConcurrentModification() {
    Dossier v1 = requester.dossiers().create(dossier(VtModule.SANITAIRE));
    RequestingServiceSection service = v1.requestingService();
    Dossier v2 = requester.dossiers().update(v1.toBuilder().requestingService(new RequestingServiceSection(
        service.info(), "Cardiologie B", service.contactPhone(), service.contactEmail())).build());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.requestingService().serviceName()).isEqualTo("Cardiologie B");
    JournalEntry put = vt.journal().get(vt.journal().size() - 1);
    assertThat(put.method()).isEqualTo("PUT");

    VtApiException.ConcurrentModification stale = (VtApiException.ConcurrentModification) catchVt(
        () -> requester.dossiers().update(v1));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.code()).isEqualTo(VtErrorCode.PRECONDITION_FAILED);
    assertThat(stale.currentVersion()).isEqualTo(2);
    assertThat(stale.requestId()).isNotBlank();
    assertThat(stale.correlationId()).isNotBlank();
    assertThat(requester.dossiers().get(v1.id())).isEqualTo(v2);

    assertThatThrownBy(() -> requester.dossiers().update(dossier(VtModule.SANITAIRE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version >= 1");
  }

  @Test
  void smrSentToThreeOneAcceptsTheRequesterConfirmsAndTheOthersClose() {
    Dossier d = requester.dossiers().create(dossier(VtModule.SANITAIRE));
    List<AdmissionRequest> sent = requester.dossiers().send(d.id(),
        List.of(UnitId.of("SMR-CARDIO-69"), UnitId.of("SMR-GERIA-01"), UnitId.of("SMR-POLY-75")));
    assertThat(sent).hasSize(3);
    AdmissionRequest first = sent.stream().filter(r -> r.unit().value().equals("SMR-CARDIO-69")).findFirst()
        .orElseThrow();

    VtApiException.Conflict early = (VtApiException.Conflict) catchVt(
        () -> requester.requests().confirmAdmission(first.id()));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.code()).isEqualTo(VtErrorCode.ILLEGAL_TRANSITION);
    assertThat(early.from()).isEqualTo("SENT");
    assertThat(early.action()).isEqualTo("CONFIRM_ADMISSION");
    assertThat(early.role()).isEqualTo("REQUESTER");

    VtClient smr = client(Role.RECEIVER, UnitId.of("SMR-CARDIO-69"));
    assertThat(smr.requests().respond(first.id(), new Response(ResponseKind.ACCEPTED, null, null, null, null,
        TODAY.plusDays(7))).status()).isEqualTo(RequestStatus.ACCEPTED);
    VtException byReceiver = catchVt(() -> smr.requests().confirmAdmission(first.id()));
    assertThat(byReceiver).isInstanceOf(VtApiException.Forbidden.class);
    assertThat(byReceiver.status()).isEqualTo(403);

    assertThat(requester.requests().confirmAdmission(first.id()).status())
        .isEqualTo(RequestStatus.ADMISSION_CONFIRMED);
    assertThat(requester.requests().listAll(RequestQuery.all().dossier(d.id())).stream()
        .map(AdmissionRequest::status)).containsExactlyInAnyOrder(RequestStatus.ADMISSION_CONFIRMED,
        RequestStatus.CLOSED, RequestStatus.CLOSED);
    assertThat(requester.dossiers().get(d.id()).status()).isEqualTo(DossierStatus.ADMISSION_CONFIRMED);
  }

  @Test
  void aRequesterCancelsARequest() {
    Dossier d = requester.dossiers().create(dossier(VtModule.SANITAIRE));
    AdmissionRequest r = requester.dossiers().send(d.id(), List.of(UnitId.of("SMR-CARDIO-69"))).get(0);
    assertThat(requester.requests().cancel(r.id()).status()).isEqualTo(RequestStatus.CANCELLED);
    VtException again = catchVt(() -> requester.requests().cancel(r.id()));
    assertThat(again).isInstanceOf(VtApiException.Conflict.class);
  }

  @Test
  void handicapNotificationStatusesAndWaitingList() {
    VtClient mdph = client(Role.MDPH, MDPH);
    VtClient ime = client(Role.ESMS, IME);
    Dossier d = mdph.dossiers().create(handicap());
    AdmissionRequest notification = mdph.dossiers().send(d.id(), List.of(IME)).get(0);
    assertThat(notification.status()).isEqualTo(RequestStatus.NOTIFICATION_SENT);
    String decision = d.mdphDecision().idDecision();
    for (String code : List.of("40", "41", "42", "72")) {
      ime.requests().reportEsmsStatus(notification.id(), esmsStatus(code, null, decision));
    }
    assertThat(ime.requests().waitingList(null)).extracting(AdmissionRequest::status)
        .containsExactly(RequestStatus.WAITING_LIST_ADMISSIBLE);
    assertThat(ime.requests().waitingList(IME)).hasSize(1);

    VtApiException.Validation unpaired = (VtApiException.Validation) catchVt(
        () -> ime.requests().reportEsmsStatus(notification.id(), esmsStatus("45", "84", decision)));
    assertThat(unpaired.status()).isEqualTo(422);
    assertThat(unpaired.violations()).extracting(v -> v.code()).contains("esms.motifNotPaired");

    List<EsmsStatus> statuses = mdph.requests().esmsStatuses(notification.id());
    assertThat(statuses).extracting(s -> s.status().code()).containsExactly("40", "41", "42", "72");
    VtException otherUnit = catchVt(() -> client(Role.ESMS, UnitId.of("MAS-38")).requests()
        .waitingList(IME));
    assertThat(otherUnit).isInstanceOf(VtApiException.Forbidden.class);
  }

  @Test
  void attachmentsAreUploadedFromBytesAndFilesAndDownloadedWithTheirHashChecked(@TempDir Path dir)
      throws Exception {
    Dossier d = requester.dossiers().create(dossier(VtModule.SANITAIRE));
    byte[] pdf = pdf(300_000);
    Attachment fromBytes = requester.attachments().upload(d.id(), "compte-rendu.pdf", "application/pdf", pdf);
    assertThat(fromBytes.size()).isEqualTo(pdf.length);
    Path file = Files.write(dir.resolve("ordonnance.pdf"), pdf(70_000));
    Attachment fromFile = requester.attachments().upload(d.id(), "ordonnance.pdf", "application/pdf", file);
    assertThat(fromFile.sha256()).isNotEqualTo(fromBytes.sha256());
    assertThat(requester.dossiers().get(d.id()).attachments()).extracting(Attachment::id)
        .contains(fromBytes.id(), fromFile.id());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(requester.attachments().download(fromBytes.id(), out)).isEqualTo(pdf.length);
    assertThat(out.toByteArray()).isEqualTo(pdf);

    VtException missing = catchVt(() -> requester.attachments().download(AttachmentId.of("A-404"),
        new ByteArrayOutputStream()));
    assertThat(missing).isInstanceOf(VtApiException.NotFound.class);
    VtException notPdf = catchVt(() -> requester.attachments().upload(d.id(), "x.exe",
        "application/x-msdownload", new byte[] {1, 2, 3}));
    assertThat(notPdf).isInstanceOf(VtApiException.class);
    assertThat(notPdf.status()).isEqualTo(422);
    assertThat(requester.dossiers().get(d.id()).attachments()).hasSize(2 + d.attachments().size());
  }

  @Test
  void listAllFetchesPagesOnDemand() {
    List<VtModule> modules = List.of(VtModule.SANITAIRE, VtModule.PRADO, VtModule.GRAND_AGE, VtModule.TND);
    for (int i = 0; i < 7; i++) {
      requester.dossiers().create(dossier(modules.get(i % modules.size())));
    }
    int before = vt.journal().size();
    Paged<Dossier> all = requester.dossiers().listAll(DossierQuery.all().pageSize(3));
    assertThat(vt.journal()).hasSize(before); // lazy: nothing fetched yet
    assertThat(all.stream().limit(4).count()).isEqualTo(4);
    assertThat(vt.journal()).hasSize(before + 2);
    List<Dossier> everything = all.stream().toList();
    assertThat(everything).hasSize(7).extracting(Dossier::id).doesNotHaveDuplicates();
    assertThat(requester.dossiers().listAll(DossierQuery.all().module(VtModule.PRADO)).stream()).hasSize(2);
    Page<Dossier> page = requester.dossiers().list(DossierQuery.all().pageSize(5), null);
    assertThat(page.items()).hasSize(5);
    assertThat(page.hasNext()).isTrue();
    assertThat(requester.dossiers().list(DossierQuery.all().pageSize(5), page.nextCursor()).hasNext()).isFalse();
  }

  @Test
  void indicatorsAndHealth() {
    Dossier d = requester.dossiers().create(dossier(VtModule.SANITAIRE));
    requester.dossiers().send(d.id(), List.of(UnitId.of("SMR-CARDIO-69")));
    assertThat(requester.indicators().requests(VtModule.SANITAIRE).requests()).isEqualTo(1);
    assertThat(requester.indicators().requests(VtModule.SANITAIRE).readRate().denominator()).isEqualTo(1);
    assertThat(client(Role.ESMS, IME).indicators().waitingLists()).allSatisfy(row -> assertThat(row.departement()).isNotBlank());
    Health health = requester.health();
    assertThat(health.isUp()).isTrue();
  }

  @Test
  void errorsAreTypedWithStatusCodeAndIds() {
    VtException notFound = catchVt(() -> requester.dossiers().get(DossierId.of("D-999999")));
    assertThat(notFound).isInstanceOf(VtApiException.NotFound.class);
    assertThat(notFound.code()).isEqualTo(VtErrorCode.NOT_FOUND);
    assertThat(((VtApiException) notFound).problem().type()).isEqualTo("https://vtsdk.io/problems/not-found");

    Dossier d = requester.dossiers().create(dossier(VtModule.PRADO));
    AdmissionRequest r = requester.dossiers().send(d.id(), List.of(UnitId.of("CPAM-691"))).get(0);
    VtClient cpam = client(vt.demoToken(Role.CPAM));
    VtApiException.Validation noMotif = (VtApiException.Validation) catchVt(() -> cpam.requests().respond(r.id(),
        Response.of(ResponseKind.PRADO_NON_ADHESION, null, null, null)));
    assertThat(noMotif.violations()).extracting(v -> v.code()).containsExactly("response.motifRequired");
    assertThat(noMotif.violations().get(0).message()).isNotBlank();
    assertThat(cpam.requests().get(r.id()).status()).isEqualTo(RequestStatus.SENT); // nothing half-written
    assertThat(cpam.requests().respond(r.id(), Response.of(ResponseKind.PRADO_NON_ADHESION,
        PradoNonAdhesionMotif.REFUS_PATIENT, null, null)).status()).isEqualTo(RequestStatus.NON_ADHESION);

    VtException english = catchVt(() -> requester.dossiers().get(DossierId.of("D-999999"),
        RequestOptions.builder().language(Locale.ENGLISH).build()));
    assertThat(((VtApiException) english).problem().title()).isEqualTo("Not found");
    assertThat(((VtApiException) notFound).problem().title()).isEqualTo("Ressource introuvable");

    VtException forged = catchVt(() -> client("not-a-token").dossiers().get(d.id()));
    assertThat(forged).isInstanceOf(VtApiException.Unauthorized.class);
    assertThat(forged.getMessage()).doesNotContain("not-a-token");
    VtException otherUnit = catchVt(() -> client(Role.RECEIVER, UnitId.of("SMR-POLY-75")).dossiers().get(d.id()));
    assertThat(otherUnit.status()).isIn(403, 404);
  }

  @Test
  void aRefusedTokenIsInvalidatedAndRetriedOnceWithAFreshOne() {
    String good = vt.demoToken(Role.REQUESTER);
    int[] invalidated = {0};
    String[] current = {"expired-token"};
    TokenProvider rotating = new TokenProvider() {
      @Override
      public String token() {
        return current[0];
      }

      @Override
      public void invalidate(String token) {
        invalidated[0]++;
        current[0] = good;
      }
    };
    VtClient c = VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(rotating).httpClient(HTTP).build();
    Dossier d = c.dossiers().create(dossier(VtModule.TND));
    assertThat(invalidated[0]).isEqualTo(1);
    assertThat(vt.journal()).extracting(JournalEntry::status).containsExactly(401, 201);

    current[0] = "still-wrong";
    TokenProvider neverGood = new TokenProvider() {
      @Override
      public String token() {
        return "still-wrong";
      }
    };
    VtClient bad = c.newBuilder().tokenProvider(neverGood).build();
    assertThat(catchVt(() -> bad.dossiers().get(d.id()))).isInstanceOf(VtApiException.Unauthorized.class);
  }

  @Test
  void userAgentCorrelationIdAndIdempotencyKeyAreSent() {
    String key = "my-key-0001";
    Dossier d = dossier(VtModule.GRAND_AGE);
    Dossier first = requester.dossiers().create(d, RequestOptions.builder().idempotencyKey(key)
        .correlationId("corr-42").build());
    Dossier replay = requester.dossiers().create(d, RequestOptions.builder().idempotencyKey(key).build());
    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(requester.dossiers().listAll(DossierQuery.all()).stream()).hasSize(1);
    JournalEntry entry = vt.journal().get(0);
    assertThat(entry.correlationId()).isEqualTo("corr-42");
    assertThat(entry.idempotencyKey()).isEqualTo(key);
    VtException reused = catchVt(() -> requester.dossiers().create(dossier(VtModule.GRAND_AGE),
        RequestOptions.builder().idempotencyKey(key).build()));
    assertThat(reused.code()).isEqualTo(VtErrorCode.IDEMPOTENCY_KEY_REUSED);
  }

  static VtException catchVt(Runnable call) {
    try {
      call.run();
    } catch (VtException e) {
      return e;
    }
    throw new AssertionError("expected a VtException");
  }

  static byte[] pdf(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    System.arraycopy("%PDF-1.7".getBytes(), 0, b, 0, 8);
    return b;
  }
}
