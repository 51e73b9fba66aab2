package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.core.spi.ReportedStatus;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.RequestStatus;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HandicapService}: the SDO flows of a notification, in process. */
public class HandicapServiceTest extends CoreTestBase {

  @Test
  void theEsmsReportsStatusesAlongItsWorkflowAndEachIsAVersionOfItsTask() {
    AdmissionRequest n = notify(IME);
    HandicapService.StatusReport contact = core.handicap().reportStatus(ime, n.id(), status("40", null), o())
        .value();
    assertThat(contact.request().status()).isEqualTo(RequestStatus.NOTIFICATION_READ);
    assertThat(contact.versions()).hasSize(1);
    assertThat(contact.versions().get(0).status().esmsName()).as("completed as the SI-SDO does")
        .isEqualTo("IME Les Érables");
    assertThat(contact.versions().get(0).status().idNatDecision()).isEqualTo(
        handicap().mdphDecision().nationalId());
    HandicapService.StatusReport analysis = core.handicap().reportStatusForDecision(ime, status("42", null), o())
        .value();
    assertThat(analysis.request().id()).isEqualTo(n.id());
    assertThat(analysis.versions()).hasSize(2);
    assertThat(core.handicap().history(ime, n.id())).hasSize(2);
    assertThat(core.handicap().statuses(mdph, n.id())).extracting(s -> s.status().code())
        .containsExactly("40", "42");
  }

  @Test
  void aStatusThatCannotFollowIsRefusedAndOneAboutAnotherStructureIsForbidden() {
    AdmissionRequest n = notify(IME);
    VtCoreException illegal = refused(VtCoreException.Kind.ILLEGAL_TRANSITION,
        () -> core.handicap().reportStatus(ime, n.id(), status("48", null), o()));
    assertThat(illegal.details()).containsEntry("from", "NOTIFICATION_SENT");
    VtCoreException other = refused(VtCoreException.Kind.FORBIDDEN,
        () -> core.handicap().reportStatus(ime, n.id(), status(SESSAD_FINESS, "40", null), o()));
    assertThat(other.violations()).extracting(Violation::path).containsExactly("/idNatStruct");
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.handicap().reportStatus(sessad, n.id(), status("40", null),
        o()));
    assertThat(core.handicap().history(ime, n.id())).isEmpty();
  }

  @Test
  void aTaskUpdateChecksTheVersionAndTheDecisionInItsOwnTransaction() {
    AdmissionRequest n = notify(IME);
    core.handicap().reportStatus(ime, n.id(), status("40", null), o());
    VtCoreException stale = refused(VtCoreException.Kind.STALE, () -> core.handicap().updateStatus(ime, n.id(),
        status("42", null), ExpectedVersion.of(2), o()));
    assertThat(stale.details()).containsEntry("currentVersion", 1L);
    EsmsStatus otherDecision = new EsmsStatus("1" + IME_FINESS.value(), null, status("42", null).status(), null,
        Fixtures.TODAY, null, null, null, null, "MDPH69-1999-0001", null);
    VtCoreException changed = refused(VtCoreException.Kind.INVALID, () -> core.handicap().updateStatus(ime, n.id(),
        otherDecision, ExpectedVersion.of(1), o()));
    assertThat(changed.violations()).extracting(Violation::code).containsExactly("sdo.task.decisionChanged");
    assertThat(core.handicap().updateStatus(ime, n.id(), status("42", null), ExpectedVersion.of(1), o()).value()
        .versions()).hasSize(2);
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.handicap().updateStatus(ime, notify(SESSAD).id(),
        status("42", null), null, o()));
  }

  @Test
  void concurrentTaskUpdatesWithOneVersionMakeExactlyOneWinner() throws Exception {
    AdmissionRequest n = notify(IME);
    core.handicap().reportStatus(ime, n.id(), status("40", null), o());
    for (int round = 0; round < 4; round++) {
      long version = core.handicap().history(ime, n.id()).size();
      // restating the current status is allowed: every writer would succeed without the precondition
      assertThat(winners(6, VtCoreException.Kind.STALE, () -> core.handicap().updateStatus(ime, n.id(),
          status("40", null), ExpectedVersion.of(version), o()))).as("round " + round).isEqualTo(1);
    }
    assertThat(core.handicap().history(ime, n.id())).hasSize(5);
  }

  @Test
  void theEvaluationDocumentsAreReadableOnlyOnceTheAgreementIsRecorded() {
    AdmissionRequest n = notify(IME);
    core.attachments().attach(mdph, n.dossierId(), "bilan.pdf", "application/pdf",
        new ByteArrayInputStream(new byte[] {7, 7}), null, o());
    HandicapService.Notification before = core.handicap().notifications(ime).get(0);
    assertThat(before.documents()).isEmpty();
    assertThat(before.nationalDecisionId()).isEqualTo(handicap().mdphDecision().nationalId());
    String nat = handicap().mdphDecision().nationalId();
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.handicap().recordAgreement(ime, "1" + SESSAD_FINESS.value(),
        Fixtures.TODAY, nat, o()));
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.handicap().recordAgreement(ime, "1" + IME_FINESS.value(),
        Fixtures.TODAY, "069-1999-000001", o()));
    core.handicap().recordAgreement(ime, "1" + IME_FINESS.value(), Fixtures.TODAY, nat, o());
    HandicapService.Notification after = core.handicap().notifications(ime).get(0);
    assertThat(after.documents()).singleElement().satisfies(doc -> assertThat(doc.content()).containsExactly(7, 7));
  }

  @Test
  void theStatusFeedShowsAnEsmsTheStatusesOfThePeopleItWasNotifiedAbout() {
    Dossier d = create(mdph, handicap());
    List<AdmissionRequest> both = send(mdph, d.id(), IME, SESSAD);
    core.handicap().reportStatus(sessad, both.get(1).id(), status(SESSAD_FINESS, "40", null), o());
    List<ReportedStatus> seenByIme = core.handicap().statusFeed(ime, null);
    assertThat(seenByIme).extracting(ReportedStatus::request).containsExactly(both.get(1).id());
    assertThat(core.handicap().statusFeed(ime, seenByIme.get(0).at())).isEmpty();
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.handicap().statusFeed(mdph, null));
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.handicap().updateStatus(ime, both.get(1).id(),
        status("42", null), null, o()));
  }

  @Test
  void statusesExistForNotificationsOnly() {
    Dossier d = create(requester, sanitaire());
    AdmissionRequest r = send(requester, d.id(), SMR1).get(0);
    VtCoreException e = refused(VtCoreException.Kind.INVALID,
        () -> core.handicap().reportStatus(smr1, r.id(), status("40", null), o()));
    assertThat(e.violations()).extracting(Violation::code).containsExactly("esms.module");
  }

  @Test
  void anExpiredDecisionEndsItsNotificationsAsTheSiSdoReportsIt() {
    AdmissionRequest n = notify(IME);
    AdmissionRequest atTheEsms = notify(SESSAD);
    core.handicap().reportStatus(sessad, atTheEsms.id(), status(SESSAD_FINESS, "42", null), o());
    core.handicap().reportStatus(sessad, atTheEsms.id(), status(SESSAD_FINESS, "71", null), o());
    core.handicap().reportStatus(sessad, atTheEsms.id(), status(SESSAD_FINESS, "43", null), o());
    clock.advance(Duration.between(Fixtures.NOW, handicap().mdphDecision().validTo().plusDays(1)
        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).minusSeconds(1));
    assertThat(core.sweep()).as("valid until the end of its last day").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(core.sweep()).isEqualTo(1);
    assertThat(request(mdph, n.id()).status()).isEqualTo(RequestStatus.NOTIFICATION_CANCELLED);
    assertThat(core.handicap().statuses(ime, n.id())).singleElement().satisfies(s -> {
      assertThat(s.status().code()).isEqualTo("49");
      assertThat(s.motif().code()).isEqualTo("174");
    });
    assertThat(request(mdph, atTheEsms.id()).status()).as("a person in trial stays")
        .isEqualTo(RequestStatus.TRIAL_IN_PROGRESS);
  }

  @Test
  void aWaitingListIsItsOwnUnitsOnly() {
    AdmissionRequest n = notify(IME);
    core.handicap().reportStatus(ime, n.id(), status("42", null), o());
    assertThat(core.handicap().waitingList(ime, null)).extracting(AdmissionRequest::id).containsExactly(n.id());
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.handicap().waitingList(sessad, IME));
    assertThat(core.handicap().waitingList(sessad, null)).isEmpty();
  }
}
