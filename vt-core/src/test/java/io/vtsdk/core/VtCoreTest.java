package io.vtsdk.core;

import io.vtsdk.api.Event;
import io.vtsdk.api.Page;
import io.vtsdk.api.PreflightReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.module.VtModules;
import io.vtsdk.core.spi.Store;
import io.vtsdk.model.Fixtures;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core in process: no HTTP, an in-memory store, a fixed clock. vt-store-jdbc runs the same tests on its databases
 * (it overrides {@link #newStore()}).
 */
public class VtCoreTest {
  static final UnitId WARD = UnitId.of("U-WARD");
  static final UnitId CPAM = UnitId.of("CPAM-691");
  static final UnitId SMR = UnitId.of("SMR-1");
  final Principal requester = new Principal(Role.REQUESTER, WARD, "10003606315");
  final Principal cpam = new Principal(Role.CPAM, CPAM, "");
  final Principal smr = new Principal(Role.RECEIVER, SMR, "");
  VtCore core;
  private final List<Store> stores = new java.util.ArrayList<>();

  /** The store each core of a test runs on. */
  protected Store newStore() {
    return new InMemoryStore();
  }

  private Store store() {
    Store s = newStore();
    stores.add(s);
    return s;
  }

  @org.junit.jupiter.api.AfterEach
  void closeStores() {
    stores.forEach(Store::close);
  }

  @BeforeEach
  void setUp() {
    core = VtCore.builder().store(store()).clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).archiveAfter(Duration.ofDays(30))
        .build();
    core.reset(List.of(
        Unit.builder(WARD, "Cardiologie").modules(Set.of(VtModule.PRADO, VtModule.SANITAIRE))
            .pradoVolets(Set.of(PradoVolet.values())).build(),
        Unit.builder(CPAM, "691 - CPAM du Rhône").modules(Set.of(VtModule.PRADO)).targetKinds(Set.of(TargetKind.PRADO))
            .cpamCode("691").build(),
        Unit.builder(SMR, "SMR").modules(Set.of(VtModule.SANITAIRE))
            .targetKinds(Set.of(Fixtures.sanitaire().orientation().target())).build()));
  }

  private Dossier prado() {
    return Fixtures.prado().toBuilder().requester(new Requester(WARD, null)).build();
  }

  @Test
  void everyModuleHasADescriptor() {
    for (VtModule m : VtModule.values()) {
      assertThat(VtModules.of(m).module()).isEqualTo(m);
    }
    assertThat(VtModules.of(VtModule.PRADO).receiverRole()).isEqualTo(Role.CPAM);
    assertThat(VtModules.of(VtModule.HANDICAP).receiverRole()).isEqualTo(Role.ESMS);
  }

  @Test
  void aRefusedWriteLeavesNothingNotEvenAnId() {
    Dossier d = core.createDossier(requester, prado(), Locale.FRENCH);
    assertThat(d.id().value()).isEqualTo("D-1");
    assertThatThrownBy(() -> core.send(requester, d.id(), List.of(CPAM, UnitId.of("NOWHERE")), Locale.FRENCH))
        .isInstanceOf(VtCoreException.class)
        .satisfies(e -> assertThat(((VtCoreException) e).violations()).extracting(v -> v.path() + " " + v.code())
            .containsExactly("/units/1 routing.unit.unknown"));
    assertThat(core.dossier(requester, d.id()).status().name()).isEqualTo("DRAFT");
    assertThat(core.requests(requester, null, null, null, 10).items()).isEmpty();
    assertThat(core.createDossier(requester, prado(), Locale.FRENCH).id().value()).isEqualTo("D-2");
  }

  @Test
  void sendCreatesRequestsAndTheReceiverActsInItsModulesRoleOnly() {
    Dossier d = core.createDossier(requester, prado(), Locale.FRENCH);
    assertThat(core.preflight(requester, d.id(), List.of(CPAM), Locale.FRENCH).accepted()).isTrue();
    AdmissionRequest r = core.send(requester, d.id(), List.of(CPAM), Locale.FRENCH).get(0);
    assertThat(core.request(cpam, r.id()).status()).isEqualTo(RequestStatus.SENT);
    Principal receiverRoleAtTheCpam = new Principal(Role.RECEIVER, CPAM, "");
    assertThatThrownBy(() -> core.request(receiverRoleAtTheCpam, r.id())).isInstanceOf(VtCoreException.class)
        .extracting(e -> ((VtCoreException) e).kind()).isEqualTo(VtCoreException.Kind.NOT_FOUND);
    assertThat(core.read(cpam, r.id()).readAt()).isEqualTo(Fixtures.NOW);
  }

  @Test
  void cursorsAreOpaqueAndForgedOnesAreRefused() {
    for (int i = 0; i < 3; i++) {
      core.createDossier(requester, prado(), Locale.FRENCH);
    }
    Page<Event> first = core.events(requester, null, 2);
    assertThat(first.items()).hasSize(2);
    assertThat(first.nextCursor()).doesNotContainPattern("^[0-9]+$");
    assertThat(core.events(requester, first.nextCursor(), 10).items()).hasSize(1);
    assertThat(core.events(smr, null, 10).items()).isEmpty();
    assertThatThrownBy(() -> core.events(requester, "AAAAAAAAAAAAAAAAAAAAAA", 10))
        .hasMessageContaining("not a cursor this server issued");
    VtCore other = VtCore.builder().store(store()).build();
    assertThatThrownBy(() -> other.events(requester, first.nextCursor(), 10)).isInstanceOf(VtCoreException.class);
  }

  @Test
  void preflightInProcessNeedsNoStore() {
    Unit ward = core.unit(WARD);
    Unit cpamUnit = core.unit(CPAM);
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
  void archivingIsDrivenByTheClock() {
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(Fixtures.NOW);
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return now.get();
      }
    };
    VtCore c = VtCore.builder().store(store()).clock(clock).build();
    c.reset(core.searchUnits(new VtCore.UnitQuery(null, null, null, null, null, null)));
    Dossier d = c.createDossier(requester, Fixtures.sanitaire().toBuilder().requester(new Requester(WARD, null))
        .build(), Locale.FRENCH);
    AdmissionRequest r = c.send(requester, d.id(), List.of(SMR), Locale.FRENCH).get(0);
    now.set(Fixtures.NOW.plus(Duration.ofDays(31)));
    assertThat(c.sweep()).isEqualTo(1);
    assertThat(c.request(requester, r.id()).status()).isEqualTo(RequestStatus.ARCHIVED);
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
