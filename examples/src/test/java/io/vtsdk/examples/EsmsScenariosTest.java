package io.vtsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.scenarios.Report;
import io.vtsdk.server.scenarios.Session;
import io.vtsdk.testkit.junit.VtScenarios;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 39: the ESMS example (vt-client and HAPI's FHIR client) passes the ESMS scenarios; an ESMS that forgets its
 * cursor at the restart fails exactly feed-follow; one that sends a code outside TRE_R357 fails exactly sdo-status.
 */
class EsmsScenariosTest {
  private ReferenceServer vt;

  @BeforeEach
  void start() {
    vt = ReferenceServer.builder().build().start();
    vt.setClock(Instant.parse("2026-11-23T08:00:00Z"));
  }

  @AfterEach
  void stop() {
    vt.close();
  }

  /** Runs {@code scenario} with the example; at the step {@code restart} the software starts again over {@code db}. */
  private Report run(String scenario, BiConsumer<VtScenarios.Step, EsmsUnderTest> extra, boolean keepDatabase) {
    Session session = VtScenarios.start(vt, scenario);
    EsmsUnderTest.Database[] db = {new EsmsUnderTest.Database()};
    for (var s = session.begin(); s.isPresent(); s = session.begin()) {
      if (s.get().id().equals("restart") && !keepDatabase) {
        db[0] = new EsmsUnderTest.Database(); // the software lost what it stored: it reads the feed from zero
      }
      EsmsUnderTest software = new EsmsUnderTest(vt.baseUrl(), session.token(), db[0]); // started for each step
      VtScenarios.Step step = new VtScenarios.Step(s.get(), session.token(), vt);
      extra.accept(step, software);
      software.handle(s.get());
      session.end();
    }
    return session.finish();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"esms-sdo", "esms-waiting-list"})
  void theEsmsExamplePassesEveryEsmsScenario(String scenario) {
    EsmsUnderTest.Database db = new EsmsUnderTest.Database();
    Report report = VtScenarios.run(vt, scenario, s -> new EsmsUnderTest(vt.baseUrl(), s.token(), db)
        .handle(s.step()));
    assertThat(report.passed()).isTrue();
    assertThat(report.checks()).extracting(Report.Verdict::check).contains("sdo-status", "contract");
    assertThat(report.steps()).allMatch(io.vtsdk.server.scenarios.Check.StepResult::reached);
  }

  @Test
  void anEsmsThatReadsTheFeedFromZeroAfterItsRestartFailsExactlyFeedFollow() {
    Report r = run("esms-waiting-list", (s, software) -> { }, false);
    assertThat(r.failedChecks()).containsExactly("feed-follow");
    assertThat(r.checks().stream().filter(v -> !v.passed()).findFirst().orElseThrow().evidence()).singleElement()
        .asString().contains("read from the start again");
  }

  @Test
  void anEsmsSendingACodeOutsideTheNomenclatureFailsExactlySdoStatus() {
    Report r = run("esms-sdo", (s, software) -> {
      if (s.step().id().equals("notification")) {
        software.sync();
        var bogus = java.util.Map.entry(software.notifications().keySet().iterator().next(),
            software.notifications().values().iterator().next());
        try { // "99" is no code of TRE_R357: VT refuses it (422), the check names it
          software.report(bogus, "99", null);
        } catch (io.vtsdk.client.VtApiException expected) {
          assertThat(expected.problem().status()).isEqualTo(422);
        }
      }
    }, true);
    assertThat(r.failedChecks()).containsExactly("sdo-status");
    assertThat(r.toJson().toString()).contains("the status is not a code of J252");
  }
}
