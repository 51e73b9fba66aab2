package io.vtsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtsdk.core.spi.Store;
import io.vtsdk.model.Coding;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the core's service tests share: a core on {@link #newStore()} (in memory here; vt-store-jdbc runs the same tests
 * on SQLite, H2 and PostgreSQL by overriding it), a test clock it moves by hand, a directory with a unit of each kind
 * and the principals acting for them. No HTTP.
 */
public abstract class CoreTestBase {
  protected static final UnitId WARD = UnitId.of("U-WARD");
  protected static final UnitId OTHER_WARD = UnitId.of("U-OTHER");
  protected static final UnitId CPAM = UnitId.of("CPAM-691");
  protected static final UnitId SMR1 = UnitId.of("SMR-1");
  protected static final UnitId SMR2 = UnitId.of("SMR-2");
  protected static final UnitId SMR3 = UnitId.of("SMR-3");
  protected static final UnitId MDPH = UnitId.of("MDPH-69");
  protected static final UnitId IME = UnitId.of("IME-69");
  protected static final UnitId SESSAD = UnitId.of("SESSAD-69");
  /** The module of MDPH notifications (named through its fixture: no test names a module it does not build). */
  protected static final VtModule HANDICAP_MODULE = Fixtures.handicap().module();
  protected static final Finess IME_FINESS = Finess.parse(Fixtures.withLuhn("69000001"));
  protected static final Finess SESSAD_FINESS = Finess.parse(Fixtures.withLuhn("69000002"));
  protected static final Finess WARD_FINESS = Finess.parse(Fixtures.withLuhn("69000003"));

  protected final Principal requester = new Principal(Role.REQUESTER, WARD, "10003606315");
  protected final Principal otherWard = new Principal(Role.REQUESTER, OTHER_WARD, "10003606315");
  protected final Principal cpam = new Principal(Role.CPAM, CPAM, "");
  protected final Principal smr1 = new Principal(Role.RECEIVER, SMR1, "");
  protected final Principal smr2 = new Principal(Role.RECEIVER, SMR2, "");
  protected final Principal smr3 = new Principal(Role.RECEIVER, SMR3, "");
  protected final Principal mdph = new Principal(Role.MDPH, MDPH, "");
  protected final Principal ime = new Principal(Role.ESMS, IME, "");
  protected final Principal sessad = new Principal(Role.ESMS, SESSAD, "");

  protected TestClock clock;
  protected VtCore core;
  private final List<Store> stores = new ArrayList<>();

  /** The store each core of a test runs on; vt-store-jdbc overrides it. */
  protected Store newStore() {
    return new InMemoryStore();
  }

  /** A new store, closed after the test. */
  protected final Store store() {
    Store s = newStore();
    stores.add(s);
    return s;
  }

  @BeforeEach
  void startCore() {
    clock = new TestClock(Fixtures.NOW);
    core = newCore(store());
    core.fixtures().reset(directory());
  }

  @AfterEach
  void closeStores() {
    stores.forEach(Store::close);
  }

  /** A core on {@code store}, on this test's clock, archiving after 30 days. */
  protected VtCore newCore(Store store) {
    return VtCore.builder().store(store).clock(clock).archiveAfter(Duration.ofDays(30))
        .disclosureThreshold(1).build(); // a few dossiers: every observatory row shown (11: DisclosureTest)
  }

  /** A ward (Prado conventions for every volet), a CPAM, three SMRs, an MDPH and two ESMS, all in the Rhône. */
  protected static List<Unit> directory() {
    Departement rhone = Departement.of("69");
    Coding ime = Nomenclatures.get(NosTable.J254).coding("183").orElseThrow();
    Coding sessad = Nomenclatures.get(NosTable.J254).coding("182").orElseThrow();
    List<Unit> units = new ArrayList<>();
    units.add(Unit.builder(WARD, "Cardiologie").structure(WARD_FINESS).departement(rhone)
        .modules(Set.of(VtModule.PRADO, VtModule.SANITAIRE)).pradoVolets(Set.of(PradoVolet.values())).build());
    units.add(Unit.builder(OTHER_WARD, "Neurologie").departement(rhone).modules(Set.of(VtModule.SANITAIRE)).build());
    units.add(Unit.builder(CPAM, "691 - CPAM du Rhône").departement(rhone).modules(Set.of(VtModule.PRADO))
        .targetKinds(Set.of(TargetKind.PRADO)).cpamCode("691").build());
    for (UnitId smr : List.of(SMR1, SMR2, SMR3)) {
      units.add(Unit.builder(smr, "SMR " + smr.value()).departement(rhone).modules(Set.of(VtModule.SANITAIRE))
          .targetKinds(Set.of(TargetKind.SMR)).smrMentions(Set.of(SmrMention.CARDIO_VASCULAIRE)).capacity(20)
          .build());
    }
    units.add(Unit.builder(MDPH, "MDPH du Rhône").departement(rhone).modules(Set.of(HANDICAP_MODULE)).build());
    units.add(Unit.builder(IME, "IME Les Érables").structure(IME_FINESS).departement(rhone)
        .modules(Set.of(HANDICAP_MODULE)).targetKinds(Set.of(TargetKind.ESMS)).esmsCategory(ime).capacity(48)
        .rorId("ROR-IME-69").build());
    units.add(Unit.builder(SESSAD, "SESSAD Villeurbanne").structure(SESSAD_FINESS).departement(rhone)
        .modules(Set.of(HANDICAP_MODULE)).targetKinds(Set.of(TargetKind.ESMS)).esmsCategory(sessad)
        .capacity(35).rorId("ROR-SESSAD-69").build());
    return units;
  }

  // ---------------------------------------------------------------------------------------------- dossiers

  protected static Dossier prado() {
    return Fixtures.prado().toBuilder().requester(new Requester(WARD, null)).build();
  }

  protected static Dossier sanitaire() {
    return Fixtures.sanitaire().toBuilder().requester(new Requester(WARD, null)).attachments(List.of()).build();
  }

  /** A Handicap dossier of the MDPH, whose decision allows both the IME's and the SESSAD's categories. */
  protected static Dossier handicap() {
    Dossier d = Fixtures.handicap();
    io.vtsdk.model.handicap.MdphDecision m = d.mdphDecision();
    return d.toBuilder().requester(new Requester(MDPH, null)).mdphDecision(new io.vtsdk.model.handicap.MdphDecision(
        m.idDecision(), m.idNatDecision(), List.of(m.categories().get(0),
            Nomenclatures.get(NosTable.J254).coding("182").orElseThrow()), m.modalities(), m.validFrom(),
        m.validTo())).build();
  }

  protected static WriteOptions o() {
    return WriteOptions.DEFAULT;
  }

  protected static WriteOptions key(String key, String request) {
    return WriteOptions.of(Locale.FRENCH).idempotencyKey(IdempotencyKey.of(key,
        request.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  protected Dossier create(Principal p, Dossier d) {
    return core.dossiers().create(p, d, o()).value();
  }

  protected List<AdmissionRequest> send(Principal p, DossierId id, UnitId... units) {
    return core.requests().send(p, id, List.of(units), o()).value();
  }

  /** A Handicap dossier created by the MDPH and notified to {@code esms}; returns the notification. */
  protected AdmissionRequest notify(UnitId esms) {
    return send(mdph, create(mdph, handicap()).id(), esms).get(0);
  }

  /** A TRE_R357 status of the IME about the fixture's decision. */
  protected static EsmsStatus status(String code, String motif) {
    return status(IME_FINESS, code, motif);
  }

  protected static EsmsStatus status(Finess structure, String code, String motif) {
    return new EsmsStatus("1" + structure.value(), null, Coding.of(NosTable.R357.url(), code),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), Fixtures.TODAY, null, null, null, null,
        handicap().mdphDecision().idDecision(), null);
  }

  protected AdmissionRequest request(Principal p, RequestId id) {
    return core.requests().get(p, id);
  }

  /** The refusal {@code call} throws, checked to be of {@code kind}. */
  protected static VtCoreException refused(VtCoreException.Kind kind, ThrowableAssert.ThrowingCallable call) {
    VtCoreException e = catchThrowableOfType(VtCoreException.class, call);
    assertThat(e).as("a refusal of kind " + kind).isNotNull();
    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
    return e;
  }

  /**
   * Runs {@code attempt} on {@code writers} threads released at once and counts those that returned true; an attempt
   * that loses throws a {@link VtCoreException} of {@code loser}'s kind (anything else fails the test).
   */
  protected static int winners(int writers, VtCoreException.Kind loser, java.util.concurrent.Callable<?> attempt)
      throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        results.add(pool.submit(() -> {
          go.await();
          try {
            attempt.call();
            return true;
          } catch (VtCoreException e) {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(loser);
            return false;
          }
        }));
      }
      go.countDown();
      int won = 0;
      for (java.util.concurrent.Future<Boolean> f : results) {
        won += f.get() ? 1 : 0;
      }
      return won;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A clock the test moves. */
  protected static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
