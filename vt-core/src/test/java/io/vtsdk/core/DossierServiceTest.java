package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.api.Page;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.rules.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DossierService}: create, update with its preconditions, list, validate, eligibility. */
public class DossierServiceTest extends CoreTestBase {

  @Test
  void aDraftGetsTheServersIdNumberVersionAndTheCallersUnit() {
    Dossier d = create(requester, prado().toBuilder().requester(null).build());
    assertThat(d.id().value()).isEqualTo("D-1");
    assertThat(d.number()).isEqualTo("VT-D-1");
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.status()).isEqualTo(DossierStatus.DRAFT);
    assertThat(d.requester().unit()).isEqualTo(WARD);
    assertThat(d.createdAt()).isEqualTo(Fixtures.NOW);
  }

  @Test
  void onlyASendingRoleOfItsOwnUnitCreates() {
    refused(VtCoreException.Kind.FORBIDDEN, () -> create(cpam, prado()));
    refused(VtCoreException.Kind.FORBIDDEN, () -> create(otherWard, prado()));
    assertThat(core.dossiers().list(requester, null, null, null, 10).items()).isEmpty();
  }

  @Test
  void aDraftMalformedAtDraftStageIsRefusedWithItsPointerAndNothingIsKept() {
    Dossier bad = prado().toBuilder().patient(prado().patient().toBuilder().address(
        new io.vtsdk.model.patient.Address("1 rue", "6", "Lyon", null)).build()).build();
    VtCoreException e = refused(VtCoreException.Kind.INVALID, () -> create(requester, bad));
    assertThat(e.violations()).extracting(Violation::path).contains("/patient/address/postalCode");
    assertThat(e.getMessage()).doesNotContain("Lyon");
    assertThat(create(requester, prado()).id().value()).as("no id was consumed").isEqualTo("D-1");
  }

  @Test
  void anUpdateNamesTheVersionItReadAndAStaleOneIsRefusedWithTheCurrentVersion() {
    Dossier d = create(requester, prado());
    Dossier v2 = core.dossiers().update(requester, d.id(), ExpectedVersion.of(1), d, o()).value();
    assertThat(v2.version()).isEqualTo(2);
    VtCoreException stale = refused(VtCoreException.Kind.STALE,
        () -> core.dossiers().update(requester, d.id(), ExpectedVersion.of(1), d, o()));
    assertThat(stale.details()).containsEntry("currentVersion", 2L);
    assertThat(core.dossiers().update(requester, d.id(), ExpectedVersion.any(), d, o()).value().version())
        .isEqualTo(3);
    assertThat(core.dossiers().update(requester, d.id(), ExpectedVersion.anyOf(List.of(1L, 3L)), d, o())
        .value().version()).isEqualTo(4);
    refused(VtCoreException.Kind.STALE,
        () -> core.dossiers().update(requester, d.id(), ExpectedVersion.anyOf(List.of()), d, o()));
  }

  @Test
  void concurrentUpdatesWithTheSameVersionMakeExactlyOneWinner() throws Exception {
    Dossier d = create(requester, prado());
    for (int round = 0; round < 5; round++) {
      long read = core.dossiers().get(requester, d.id()).version();
      assertThat(winners(8, VtCoreException.Kind.STALE,
          () -> core.dossiers().update(requester, d.id(), ExpectedVersion.of(read), d, o()))).as("round " + round)
          .isEqualTo(1);
    }
    assertThat(core.dossiers().get(requester, d.id()).version()).isEqualTo(6);
  }

  @Test
  void anUpdateNeverTakesASentDossierBelowWhatSubmissionRequires() {
    Dossier d = create(requester, prado());
    send(requester, d.id(), CPAM);
    Dossier sent = core.dossiers().get(requester, d.id());
    Dossier empty = Dossier.builder(d.id(), VtModule.PRADO).build();
    VtCoreException e = refused(VtCoreException.Kind.INVALID,
        () -> core.dossiers().update(requester, d.id(), ExpectedVersion.of(sent.version()), empty, o()));
    assertThat(e.violations()).extracting(Violation::path).contains("/patient", "/orientation");
    assertThat(core.dossiers().get(requester, d.id())).as("nothing changed").isEqualTo(sent);
    assertThat(core.dossiers().get(cpam, d.id()).patient()).as("the CPAM still sees the patient").isNotNull();
    // a complete change is taken
    Dossier changed = sent.toBuilder().desiredEntryDate(Fixtures.TODAY.plusDays(10)).build();
    assertThat(core.dossiers().update(requester, d.id(), ExpectedVersion.of(sent.version()), changed, o())
        .value().desiredEntryDate()).isEqualTo(Fixtures.TODAY.plusDays(10));
  }

  @Test
  void aDraftWithoutRequestsMayBeIncompleteButItsModuleCannotChange() {
    Dossier d = create(requester, prado());
    Dossier empty = Dossier.builder(d.id(), VtModule.PRADO).build();
    Dossier updated = core.dossiers().update(requester, d.id(), ExpectedVersion.of(1), empty, o()).value();
    assertThat(updated.patient()).isNull();
    assertThat(updated.requester().unit()).as("the requester stays the server's").isEqualTo(WARD);
    VtCoreException e = refused(VtCoreException.Kind.INVALID, () -> core.dossiers().update(requester, d.id(),
        ExpectedVersion.of(2), sanitaire(), o()));
    assertThat(e.violations()).extracting(Violation::path).containsExactly("/module");
  }

  @Test
  void onlyTheRequestingSideUpdatesAndOnlyWhileDraftOrSent() {
    Dossier d = create(requester, sanitaire());
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.dossiers().update(otherWard, d.id(), ExpectedVersion.any(), d,
        o()));
    var r = send(requester, d.id(), SMR1).get(0);
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.dossiers().update(smr1, d.id(), ExpectedVersion.any(), d,
        o()));
    refused(VtCoreException.Kind.FORBIDDEN, () -> core.dossiers().update(requester, d.id(), ExpectedVersion.any(),
        d.toBuilder().requester(new Requester(OTHER_WARD, null)).build(), o()));
    core.requests().cancel(requester, r.id(), o());
    assertThat(core.dossiers().get(requester, d.id()).status()).isEqualTo(DossierStatus.CANCELLED);
    refused(VtCoreException.Kind.CONFLICT, () -> core.dossiers().update(requester, d.id(), ExpectedVersion.any(),
        sanitaire(), o()));
  }

  @Test
  void theListPagesWithOpaqueCursorsAndFilters() {
    for (int i = 0; i < 5; i++) {
      create(requester, i % 2 == 0 ? prado() : sanitaire());
    }
    Page<Dossier> first = core.dossiers().list(requester, null, null, null, 2);
    assertThat(first.items()).extracting(d -> d.id().value()).containsExactly("D-1", "D-2");
    assertThat(first.nextCursor()).doesNotContainPattern("^[0-9]+$");
    Page<Dossier> second = core.dossiers().list(requester, null, null, first.nextCursor(), 10);
    assertThat(second.items()).extracting(d -> d.id().value()).containsExactly("D-3", "D-4", "D-5");
    assertThat(second.nextCursor()).isNull();
    assertThat(core.dossiers().list(requester, VtModule.PRADO, null, null, 10).items()).hasSize(3);
    assertThat(core.dossiers().list(otherWard, null, null, null, 10).items()).isEmpty();
    refused(VtCoreException.Kind.BAD_INPUT, () -> core.dossiers().list(requester, null, null, "forged", 10));
  }

  @Test
  void validationAndEligibilityReadTheStoredDossier() {
    Dossier d = create(requester, prado());
    assertThat(core.dossiers().validate(requester, d.id(), Stage.SUBMISSION, java.util.Locale.ENGLISH).isValid())
        .isTrue();
    Decision e = core.dossiers().eligibility(requester, d.id(), null, null, CPAM);
    assertThat(e).isInstanceOf(Decision.Eligible.class);
    Dossier noOrientation = create(requester, prado().toBuilder().orientation(null).build());
    VtCoreException none = refused(VtCoreException.Kind.INVALID,
        () -> core.dossiers().eligibility(requester, noOrientation.id(), null, null, null));
    assertThat(none.violations()).extracting(Violation::path).containsExactly("/target");
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.dossiers().eligibility(requester, d.id(), null, null,
        io.vtsdk.model.UnitId.of("NOWHERE")));
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.dossiers().validate(cpam, d.id(), Stage.DRAFT,
        java.util.Locale.FRENCH));
  }

  @Test
  void aUsagerAccountSeesOnlyTheDossiersItCreated() {
    Principal usager = new Principal(Role.USAGER, WARD, "account-1");
    Principal otherAccount = new Principal(Role.USAGER, WARD, "account-2");
    Dossier mine = create(usager, Fixtures.grandAge().toBuilder().requester(new Requester(WARD, null)).build());
    assertThat(core.dossiers().get(usager, mine.id())).isEqualTo(mine);
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.dossiers().get(otherAccount, mine.id()));
    assertThat(core.dossiers().get(requester, mine.id())).as("the unit's professionals see it").isEqualTo(mine);
  }
}
