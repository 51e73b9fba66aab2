package io.vtsdk.client;

import io.vtsdk.model.Coding;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import io.vtsdk.server.fixtures.VtFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;

/** One reference server per class, reset before each test; clients of any role; valid dossiers. */
@VtServerTest
abstract class ClientTestBase {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
  /** One pool and dispatcher for all the clients of the tests, as an application would share them. */
  static final OkHttpClient HTTP = new OkHttpClient();
  static final UnitId MDPH = UnitId.of("MDPH-69");
  static final UnitId IME = UnitId.of("IME-69");

  ReferenceServer vt;
  VtFixtures fx;
  VtClient requester;

  @BeforeEach
  void connect(ReferenceServer server) {
    vt = server;
    vt.setClock(NOW);
    fx = VtFixtures.seeded(42, TODAY);
    requester = client(vt.demoToken(Role.REQUESTER));
  }

  VtClient.Builder builder(String token) {
    return VtClient.builder().baseUrl(vt.baseUrl()).tokenProvider(TokenProvider.of(token)).httpClient(HTTP)
        .appInfo("vt-client-tests/1");
  }

  VtClient client(String token) {
    return builder(token).build();
  }

  VtClient client(Role role, UnitId unit) {
    return client(vt.tokens().issue(role, unit, null));
  }

  Dossier dossier(VtModule module) {
    return fx.dossier(module).build();
  }

  /** A Handicap dossier from the MDPH of the Rhône orienting to an IME (the category of IME-69). */
  Dossier handicap() {
    return handicap(fx);
  }

  /** {@link #handicap()} from these fixtures. */
  static Dossier handicap(VtFixtures fx) {
    Coding ime = Nomenclatures.get(NosTable.J254).coding("183").orElseThrow();
    Dossier d = fx.dossier(VtModule.HANDICAP).build();
    MdphDecision m = d.mdphDecision();
    return d.toBuilder().requester(new Requester(MDPH, null)).orientation(Orientation.esms(ime))
        .mdphDecision(new MdphDecision(m.idDecision(), m.idNatDecision(), List.of(ime), m.modalities(),
            m.validFrom(), m.validTo()))
        .build();
  }

  /** idNat_Struct of IME-69 in the demo directory (its generated FINESS): the ESMS reports as its own structure. */
  static final String IME69_STRUCT = "1" + ReferenceServer.builder().build().core().directory()
      .unit(io.vtsdk.model.UnitId.of("IME-69")).structure().value();

  static EsmsStatus esmsStatus(String r357, String motif, String idDecision) {
    return new EsmsStatus(IME69_STRUCT, "IME Les Érables", Coding.of(NosTable.R357.url(), r357),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), TODAY, null, null, null, null, idDecision,
        null);
  }
}
