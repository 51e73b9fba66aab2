package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.core.spi.RecordedAgreement;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.core.spi.StoredEvent;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy's rows, one decision at a time, without a store. */
class AccessPolicyTest {
  private static final UnitId WARD = UnitId.of("U-WARD");
  private static final UnitId SMR = UnitId.of("SMR-1");
  private static final UnitId IME = UnitId.of("IME-69");
  private final AccessPolicy policy = AccessPolicy.standard();

  private static StoredDossier dossier(Dossier d, String createdBy) {
    return new StoredDossier(d, 1, createdBy);
  }

  private static AdmissionRequest request(VtModule module, UnitId unit, RequestStatus status) {
    return new AdmissionRequest(RequestId.of("R-1"), DossierId.of("D-1"), module, unit, status, Fixtures.NOW, null,
        null, null, List.of(), 1);
  }

  private static final StoredDossier SANITAIRE = dossier(Fixtures.sanitaire().toBuilder()
      .requester(new Requester(WARD, null)).build(), "10003606315");
  private static final StoredDossier HANDICAP = dossier(Fixtures.handicap().toBuilder()
      .requester(new Requester(UnitId.of("MDPH-69"), null)).build(), "");

  @ParameterizedTest(name = "{0} of {1} is on the requesting side: {3}")
  @CsvSource({
    "REQUESTER, U-WARD, 10003606315, true",
    "REQUESTER, U-WARD, another-rpps, true",
    "MDPH, U-WARD, '', true",
    "USAGER, U-WARD, 10003606315, true",
    "USAGER, U-WARD, another-account, false",
    "USAGER, U-WARD, '', false",
    "REQUESTER, U-OTHER, 10003606315, false",
    "RECEIVER, U-WARD, '', false",
  })
  void theRequestingSide(Role role, String unit, String actor, boolean expected) {
    assertThat(policy.isRequesterSide(new Principal(role, UnitId.of(unit), actor), SANITAIRE)).isEqualTo(expected);
  }

  @Test
  void theReceivingRolesAreTheModulesReceiverRoles() {
    assertThat(List.of(Role.values())).filteredOn(AccessPolicy::isReceivingRole)
        .containsExactlyInAnyOrder(Role.RECEIVER, Role.CPAM, Role.ESMS);
  }

  @Test
  void aReceiverReadsTheDossierUntilItsRequestIsCancelled() {
    Principal smr = new Principal(Role.RECEIVER, SMR, "");
    assertThat(policy.canReadDossier(smr, SANITAIRE, List.of(request(VtModule.SANITAIRE, SMR, RequestStatus.SENT))))
        .isTrue();
    assertThat(policy.canReadDossier(smr, SANITAIRE,
        List.of(request(VtModule.SANITAIRE, SMR, RequestStatus.CANCELLED)))).isFalse();
    assertThat(policy.canReadDossier(new Principal(Role.CPAM, SMR, ""), SANITAIRE,
        List.of(request(VtModule.SANITAIRE, SMR, RequestStatus.SENT)))).as("another role at that unit").isFalse();
    assertThat(policy.canEditDossier(smr, SANITAIRE)).isFalse();
  }

  @Test
  void anEsmsReadsEvaluationDocumentsOnlyAfterItsAgreement() {
    Principal ime = new Principal(Role.ESMS, IME, "");
    List<AdmissionRequest> notified = List.of(request(CoreTestBase.HANDICAP_MODULE, IME, RequestStatus.NOTIFICATION_SENT));
    assertThat(policy.canReadDossier(ime, HANDICAP, notified)).isTrue();
    assertThat(policy.canReadAttachment(ime, HANDICAP, notified, List.of())).isFalse();
    RecordedAgreement agreed = new RecordedAgreement("C-1", RequestId.of("R-1"), "1690000018", Fixtures.TODAY,
        "069-2026-000042", Fixtures.NOW);
    assertThat(policy.canReadAttachment(ime, HANDICAP, notified, List.of(agreed))).isTrue();
    Principal smr = new Principal(Role.RECEIVER, SMR, "");
    assertThat(policy.canReadAttachment(smr, SANITAIRE, List.of(request(VtModule.SANITAIRE, SMR,
        RequestStatus.SENT)), List.of())).as("outside the SDO flows: whoever reads the dossier").isTrue();
  }

  @Test
  void theMedicalSectionIsFilledByADoctorOrACardHolderAndValidatedByItsAuthorOnly() {
    Principal demo = new Principal(Role.REQUESTER, WARD, "any");
    assertThat(policy.mayFillMedicalSection(demo)).as("a demo token stands for the dossier's professional").isTrue();
    Principal nurseECps = new Principal(Role.REQUESTER, WARD, "1000987654",
        new Principal.Authentication(Profession.INFIRMIER, false, "eidas1"));
    Principal nurseCard = new Principal(Role.REQUESTER, WARD, "1000987654",
        new Principal.Authentication(Profession.INFIRMIER, true, "eidas1"));
    assertThat(policy.mayFillMedicalSection(nurseECps)).isFalse();
    assertThat(policy.mayFillMedicalSection(nurseCard)).isTrue();
    var author = Fixtures.doctor();
    Principal theAuthor = new Principal(Role.REQUESTER, WARD, author.rpps().value(),
        new Principal.Authentication(Profession.MEDECIN, false, "eidas1"));
    Principal anotherDoctor = new Principal(Role.REQUESTER, WARD, "10000000000",
        new Principal.Authentication(Profession.MEDECIN, false, "eidas1"));
    assertThat(policy.mayValidateMedicalSection(theAuthor, author)).isTrue();
    assertThat(policy.mayValidateMedicalSection(anotherDoctor, author)).isFalse();
    assertThat(policy.mayValidateMedicalSection(nurseCard, author)).isFalse();
  }

  @Test
  void eventsFollowWhatTheyAreAbout() {
    StoredEvent sent = new StoredEvent(1, Fixtures.NOW, "request.sent", VtModule.SANITAIRE, DossierId.of("D-1"),
        RequestId.of("R-1"), Action.SEND, Role.REQUESTER, RequestStatus.SENT, 1, WARD, SMR, "account-1");
    assertThat(policy.canSeeEvent(new Principal(Role.REQUESTER, WARD, "x"), sent)).isTrue();
    assertThat(policy.canSeeEvent(new Principal(Role.USAGER, WARD, "account-1"), sent)).isTrue();
    assertThat(policy.canSeeEvent(new Principal(Role.USAGER, WARD, "account-2"), sent)).isFalse();
    assertThat(policy.canSeeEvent(new Principal(Role.RECEIVER, SMR, ""), sent)).isTrue();
    assertThat(policy.canSeeEvent(new Principal(Role.ESMS, SMR, ""), sent)).isFalse();
  }

  @Test
  void theObservatoryIsScopedByRole() {
    Unit ward = Unit.builder(WARD, "Cardiologie").structure(CoreTestBase.WARD_FINESS)
        .departement(Departement.of("69")).modules(java.util.Set.of(VtModule.PRADO)).build();
    Unit grades = Unit.builder(UnitId.of("GRADES"), "GRADeS").departement(Departement.of("69")).build();
    assertThat(policy.observatoryScope(new Principal(Role.REQUESTER, WARD, ""), ward,
        AccessPolicy.ObservatoryView.TUV)).isEqualTo(new AccessPolicy.ObservatoryScope(
            AccessPolicy.ObservatoryScope.Kind.ESTABLISHMENT, CoreTestBase.WARD_FINESS.value()));
    assertThat(policy.observatoryScope(new Principal(Role.OBSERVER, grades.id(), ""), grades,
        AccessPolicy.ObservatoryView.HANDICAP).kind()).isEqualTo(AccessPolicy.ObservatoryScope.Kind.REGION);
    assertThat(policy.observatoryScope(new Principal(Role.RECEIVER, WARD, ""), ward,
        AccessPolicy.ObservatoryView.TUV)).isNull();
    assertThat(policy.observatoryScope(new Principal(Role.REQUESTER, WARD, ""), ward,
        AccessPolicy.ObservatoryView.HANDICAP)).isNull();
    assertThat(policy.canUseSdoFlows(new Principal(Role.MDPH, WARD, ""))).isFalse();
    assertThat(policy.canReadWaitingList(new Principal(Role.ESMS, IME, ""), IME)).isTrue();
    assertThat(policy.canReadWaitingList(new Principal(Role.ESMS, IME, ""), SMR)).isFalse();
  }
}
