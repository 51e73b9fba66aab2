package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.api.PreflightReport;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facade: its services share one context, and what needs no store works without one. */
public class VtCoreTest extends CoreTestBase {

  @Test
  void everyModuleHasADescriptor() {
    for (VtModule m : VtModule.values()) {
      assertThat(VtModules.of(m).module()).isEqualTo(m);
    }
    assertThat(VtModules.of(VtModule.PRADO).receiverRole()).isEqualTo(Role.CPAM);
    assertThat(VtModules.of(HANDICAP_MODULE).receiverRole()).isEqualTo(Role.ESMS);
  }

  @Test
  void theServicesShareOneStoreOneClockAndOnePolicy() {
    var d = create(requester, sanitaire());
    assertThat(core.dossiers().get(requester, d.id()).createdAt()).isEqualTo(core.now());
    assertThat(core.requests().preflight(requester, d.id(), List.of(SMR1), Locale.FRENCH).accepted()).isTrue();
    boolean stored = core.store().read(tx -> tx.dossier(d.id()).isPresent());
    assertThat(stored).isTrue();
    assertThat(core.directory().unit(SMR1).name()).isEqualTo("SMR SMR-1");
    refused(VtCoreException.Kind.NOT_FOUND, () -> core.directory().unit(io.vtsdk.model.UnitId.of("NOWHERE")));
    assertThat(core.directory().search(new DirectoryService.UnitSearch(HANDICAP_MODULE, null, null, "69", null,
        "183"))).extracting(Unit::id).containsExactly(IME);
  }

  @Test
  void preflightInProcessNeedsNoStore() {
    Unit ward = core.directory().unit(WARD);
    Unit cpamUnit = core.directory().unit(CPAM);
    PreflightReport ok = Preflight.standard().check(prado(), ward, List.of(cpamUnit), Set.of("691"),
        Fixtures.TODAY, Locale.ENGLISH);
    assertThat(ok.accepted()).isTrue();
    Unit noConvention = Unit.builder(WARD, "Cardiologie").modules(Set.of(VtModule.PRADO)).build();
    PreflightReport refused = Preflight.standard().check(prado(), noConvention, List.of(cpamUnit), Set.of("691"),
        Fixtures.TODAY, Locale.ENGLISH);
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.violations()).extracting(v -> v.code()).contains("eligibility.prado.convention");
    assertThat(refused.violations()).allSatisfy(v -> assertThat(v.path()).isEqualTo("/units/0"));
  }

  @Test
  void aSecretKeptInTheStoreIsSharedByEveryCoreOfIt() {
    var shared = store();
    VtCore a = VtCore.builder().store(shared).secretSetting("cursor-secret").build();
    VtCore b = VtCore.builder().store(shared).secretSetting("cursor-secret").build();
    a.fixtures().reset(directory());
    a.dossiers().create(requester, prado(), o());
    String cursor = a.events().page(requester, null, 10).nextCursor();
    assertThat(b.events().page(requester, cursor, 10).items()).isEmpty();
    assertThat(a.fixtures().setting("cursor-secret")).isPresent();
  }

  @Test
  void aWorkflowCanBeDefinedAsData() {
    io.vtsdk.model.workflow.Workflow w = io.vtsdk.model.workflow.Workflow.define(VtModule.SANITAIRE,
        RequestStatus.SENT, Set.of(Role.REQUESTER), List.of(new io.vtsdk.model.workflow.Transition(RequestStatus.SENT,
            io.vtsdk.model.workflow.Action.READ, Set.of(Role.RECEIVER), RequestStatus.READ)));
    assertThat(w.apply(RequestStatus.SENT, io.vtsdk.model.workflow.Action.READ, Role.RECEIVER))
        .isEqualTo(RequestStatus.READ);
    assertThatThrownBy(() -> w.apply(RequestStatus.SENT, io.vtsdk.model.workflow.Action.READ, Role.CPAM))
        .isInstanceOf(io.vtsdk.model.workflow.IllegalTransitionException.class);
  }
}
