package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.api.PreflightReport;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link RequestService}: preflight, send, the lifecycle of each module, who may act, and VT's own closing. */
public class RequestServiceTest extends CoreTestBase {

  @Test
  void aRefusedSendLeavesNothingNotEvenAnId() {
    Dossier d = create(requester, prado());
    VtCoreException e = refused(VtCoreException.Kind.INVALID,
        () -> send(requester, d.id(), CPAM, UnitId.of("NOWHERE")));
    assertThat(e.violations()).extracting(v -> v.path() + " " + v.code())
        .containsExactly("/units/1 routing.unit.unknown");
    assertThat(core.dossiers().get(requester, d.id()).status()).isEqualTo(DossierStatus.DRAFT);
    assertThat(core.requests().list(requester, null, null, null, 10).items()).isEmpty();
    assertThat(create(requester, prado()).id().value()).isEqualTo("D-2");
  }

  @Test
  void preflightSaysWhatSendWouldRefuseWithoutSending() {
    Dossier d = create(requester, sanitaire());
    PreflightReport report = core.requests().preflight(requester, d.id(), List.of(SMR1, SMR1, CPAM),
        Locale.ENGLISH);
    assertThat(report.accepted()).isFalse();
    assertThat(report.violations()).extracting(v -> v.path() + " " + v.code()).contains(
        "/units/1 routing.unit.duplicate", "/units/2 routing.module");
    assertThat(core.requests().list(requester, null, null, null, 10).items()).isEmpty();
    refused(VtCoreException.Kind.INVALID, () -> core.requests().send(requester, d.id(), List.of(), o()));
  }

  @Test
  void aUnitWithALiveRequestCannotBeSentTheDossierAgain() {
    Dossier d = create(requester, sanitaire());
    send(requester, d.id(), SMR1);
    VtCoreException e = refused(VtCoreException.Kind.CONFLICT, () -> send(requester, d.id(), SMR1));
    assertThat(e.violations()).extracting(Violation::code).contains("routing.unit.already");
  }

  @Test
  void anIneligiblePradoDossierIsRefusedNamingTheRules() {
    Dossier noConvention = create(otherWard, prado().toBuilder()
        .requester(new io.vtsdk.model.dossier.Requester(OTHER_WARD, null)).build());
    VtCoreException e = refused(VtCoreException.Kind.INVALID, () -> send(otherWard, noConvention.id(), CPAM));
    assertThat(e.code()).isIn("ineligible", "validation-failed");
    assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.path()).startsWith("/"));
  }

  @Test
  void theReceiverActsInItsModulesRoleOnly() {
    Dossier d = create(requester, prado());
    AdmissionRequest r = send(requester, d.id(), CPAM).get(0);
    assertThat(request(cpam, r.id()).status()).isEqualTo(RequestStatus.SENT);
    Principal receiverRoleAtTheCpam = new Principal(Role.RECEIVER, CPAM, "");
    refused(VtCoreException.Kind.NOT_FOUND, () -> request(receiverRoleAtTheCpam, r.id()));
    assertThat(core.requests().read(cpam, r.id(), o()).value().readAt()).isEqualTo(Fixtures.NOW);
    refused(VtCoreException.Kind.NOT_FOUND, () -> request(smr1, r.id()));
  }

  @Test
  void oneAcceptsTheRequesterConfirmsAndVtClosesTheOthers() {
    Dossier d = create(requester, sanitaire());
    List<AdmissionRequest> sent = send(requester, d.id(), SMR1, SMR2, SMR3);
    core.requests().read(smr2, sent.get(1).id(), o());
    AdmissionRequest accepted = core.requests().respond(smr1, sent.get(0).id(),
        new Response(ResponseKind.ACCEPTED, null, null, null, null, null), o()).value();
    assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(accepted.readAt()).as("an answer is a reading").isEqualTo(Fixtures.NOW);
    assertThat(core.requests().availableActions(requester, accepted.id()).actions())
        .contains(Action.CONFIRM_ADMISSION, Action.CANCEL);
    assertThat(core.requests().availableActions(smr1, accepted.id()).actions()).doesNotContain(
        Action.CONFIRM_ADMISSION);
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.requests().availableActions(smr2, accepted.id()));
    clock.advance(Duration.ofHours(2));
    core.requests().confirmAdmission(requester, accepted.id(), o());
    assertThat(request(requester, sent.get(1).id()).status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(request(requester, sent.get(2).id()).status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(request(requester, sent.get(2).id()).closedAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofHours(2)));
    assertThat(core.dossiers().get(requester, d.id()).status()).isEqualTo(DossierStatus.ADMISSION_CONFIRMED);
  }

  @Test
  void illegalTransitionsAndOtherRolesActionsAreRefusedWithTheirDetails() {
    Dossier d = create(requester, sanitaire());
    AdmissionRequest r = send(requester, d.id(), SMR1).get(0);
    VtCoreException illegal = refused(VtCoreException.Kind.ILLEGAL_TRANSITION,
        () -> core.requests().confirmAdmission(requester, r.id(), o()));
    assertThat(illegal.details()).containsEntry("from", "SENT").containsEntry("action", "CONFIRM_ADMISSION");
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.requests().cancel(smr1, r.id(), o()));
    refused(VtCoreException.Kind.INVALID, () -> core.requests().respond(smr1, r.id(),
        new Response(ResponseKind.PRADO_ADHESION, null, null, null, null, null), o()));
    assertThat(request(requester, r.id()).status()).isEqualTo(RequestStatus.SENT);
  }

  @Test
  void cancellingEveryRequestCancelsTheDossierAndClosesItToTheUnits() {
    Dossier d = create(requester, sanitaire());
    List<AdmissionRequest> sent = send(requester, d.id(), SMR1, SMR2);
    core.requests().cancel(requester, sent.get(0).id(), o());
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.dossiers().get(smr1, d.id()));
    assertThat(core.dossiers().get(smr2, d.id()).status()).isEqualTo(DossierStatus.SENT);
    core.requests().cancel(requester, sent.get(1).id(), o());
    assertThat(core.dossiers().get(requester, d.id()).status()).isEqualTo(DossierStatus.CANCELLED);
  }

  @Test
  void anAnswerWithoutTheMotifItsKindRequiresIsRefusedAtItsPointer() {
    Dossier d = create(requester, prado());
    AdmissionRequest r = send(requester, d.id(), CPAM).get(0);
    VtCoreException e = refused(VtCoreException.Kind.INVALID, () -> core.requests().respond(cpam, r.id(),
        new Response(ResponseKind.PRADO_NON_ADHESION, null, null, null, null, null), o()));
    assertThat(e.violations()).extracting(Violation::path).containsExactly("/motif");
    assertThat(request(cpam, r.id()).responses()).isEmpty();
    AdmissionRequest eligible = core.requests().respond(cpam, r.id(), new Response(
        ResponseKind.PRADO_ELIGIBLE_ADMINISTRATIVELY, null, null, null, null, null), o()).value();
    assertThat(eligible.responses()).hasSize(1);
  }

  @Test
  void theListShowsEachSideItsOwnRequests() {
    Dossier d = create(requester, sanitaire());
    send(requester, d.id(), SMR1, SMR2);
    assertThat(core.requests().list(requester, d.id(), null, null, 10).items()).hasSize(2);
    assertThat(core.requests().list(smr1, null, null, null, 10).items()).extracting(AdmissionRequest::unit)
        .containsExactly(SMR1);
    assertThat(core.requests().list(smr1, null, RequestStatus.ACCEPTED, null, 10).items()).isEmpty();
    assertThat(core.requests().list(otherWard, null, null, null, 10).items()).isEmpty();
  }
}
