package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FixtureService}: a test server's control of the data, each operation one transaction. */
public class FixtureServiceTest extends CoreTestBase {

  private static FixtureService.Fixture fixture(String id, Dossier d, List<io.vtsdk.model.UnitId> sendTo,
      List<FixtureService.Step> steps) {
    return new FixtureService.Fixture(d.withId(DossierId.of(id)), sendTo, steps);
  }

  @Test
  void fixturesLoadThroughTheApisChecksKeepingTheirIdsAndSteps() {
    List<Dossier> loaded = core.fixtures().load(List.of(fixture("S-DEMO", sanitaire(), List.of(SMR1, SMR2),
        List.of(new FixtureService.Step(0, Action.ACCEPT, Role.RECEIVER, ResponseKind.ACCEPTED)))), Locale.FRENCH,
        false);
    assertThat(loaded).singleElement().satisfies(d -> {
      assertThat(d.id().value()).isEqualTo("S-DEMO");
      assertThat(d.status()).isEqualTo(DossierStatus.SENT);
    });
    assertThat(core.requests().list(smr1, null, null, null, 10).items()).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RequestStatus.ACCEPTED));
  }

  @Test
  void oneBadFixtureLoadsNothingAndItsRefusalNamesIt() {
    VtCoreException e = refused(VtCoreException.Kind.INVALID, () -> core.fixtures().load(List.of(
        fixture("OK-1", sanitaire(), List.of(), List.of()),
        fixture("D-7", sanitaire(), List.of(), List.of())), Locale.ENGLISH, false));
    assertThat(e.getMessage()).startsWith("dossiers[1] (D-7): ");
    assertThat(e.violations()).extracting(v -> v.code()).containsExactly("id.reserved");
    assertThat(core.dossiers().list(requester, null, null, null, 10).items()).isEmpty();
    refused(VtCoreException.Kind.CONFLICT, () -> core.fixtures().load(List.of(
        fixture("TWICE", sanitaire(), List.of(), List.of()), fixture("TWICE", sanitaire(), List.of(), List.of())),
        Locale.ENGLISH, false));
  }

  @Test
  void aResetReplacesEverythingButTheSettingsAndResetIfNewRunsOnce() {
    create(requester, prado());
    String secret = core.fixtures().setting("secret", () -> "s-1");
    assertThat(core.fixtures().setting("secret", () -> "s-2")).isEqualTo(secret);
    core.fixtures().reset(directory());
    assertThat(core.dossiers().list(requester, null, null, null, 10).items()).isEmpty();
    assertThat(core.fixtures().setting("secret")).contains("s-1");
    assertThat(core.fixtures().resetIfNew("initialised", directory(), List.of(fixture("F-1", prado(), List.of(),
        List.of())), Map.of(), Locale.FRENCH)).isTrue();
    create(requester, prado());
    assertThat(core.fixtures().resetIfNew("initialised", directory(), List.of(), Map.of(), Locale.FRENCH))
        .isFalse();
    assertThat(core.dossiers().list(requester, null, null, null, 10).items()).hasSize(2);
  }

  @Test
  void theFingerprintFollowsTheDataAndNotTheStoresHistory() {
    String empty = core.fixtures().fingerprint("clock").sha256();
    Dossier d = create(requester, sanitaire());
    FixtureService.Fingerprint one = core.fixtures().fingerprint("clock");
    assertThat(one.sha256()).isNotEqualTo(empty);
    assertThat(one.counts()).containsEntry("dossiers", 1).containsEntry("events", 1);
    assertThat(core.fixtures().fingerprint("another clock").sha256()).isNotEqualTo(one.sha256());
    VtCore twin = newCore(store());
    twin.fixtures().reset(directory());
    twin.dossiers().create(requester, sanitaire(), o());
    assertThat(twin.fixtures().fingerprint("clock")).isEqualTo(one);
    assertThat(d.id().value()).isEqualTo("D-1");
  }

  @Test
  void timeMovedKeepsTheSettingAndSweepsInOneOperation() {
    Dossier d = create(requester, sanitaire());
    send(requester, d.id(), SMR1);
    clock.advance(Duration.ofDays(31));
    assertThat(core.fixtures().timeMoved(Map.of("testkit.clock", "+31d"))).isEqualTo(1);
    assertThat(core.fixtures().setting("testkit.clock")).contains("+31d");
    assertThat(core.requests().list(requester, null, RequestStatus.ARCHIVED, null, 10).items()).hasSize(1);
  }
}
