package io.vtsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.client.WatermarkStore;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.rules.Decision;
import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example runs to its end against the embedded reference server, and says what it did. */
@VtServerTest
class ExamplesTest {
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pradoFromTheEhrEndsWithTheAdhesionInTheChangeFeed(ReferenceServer vt) {
    List<String> events = PradoFromTheEhr.run(vt, out);
    assertThat(events).containsExactly("request.sent", "request.declare_eligible_administratively",
        "request.record_adhesion");
    assertThat(printed()).contains("2. valid at submission: true", "3. PRADO PRADO/INSUFFISANCE_CARDIAQUE: ELIGIBLE",
        "4. sent to 691 - CPAM du Rhône");
  }

  @Test
  void pscLoginAndSendSendsAsTheLoggedInDoctor(ReferenceServer vt) throws Exception {
    io.vtsdk.model.request.AdmissionRequest sent = PscLoginAndSend.run(vt, out);
    assertThat(sent.status()).isEqualTo(RequestStatus.SENT);
    assertThat(printed()).contains("3. logged in: 810003606315 (level eidas1)", "4. dossier ");
    assertThat(vt.journal()).filteredOn(j -> j.route().equals("/v1/dossiers/{id}/requests"))
        .extracting(j -> j.role() + " " + j.unit() + " " + j.status()).containsExactly("REQUESTER U-CARDIO-HCL 201");
  }

  @Test
  void smrOrientationConfirmsOneAndClosesTheOthers(ReferenceServer vt) {
    Map<String, RequestStatus> statuses = SmrOrientation.run(vt, out);
    assertThat(statuses.values()).containsExactlyInAnyOrder(RequestStatus.ADMISSION_CONFIRMED, RequestStatus.CLOSED,
        RequestStatus.CLOSED);
    assertThat(printed()).contains("1. orientation aid: SMR CARDIO_VASCULAIRE");
  }

  @Test
  void esmsSyncHandsEveryEventOnceAcrossTheCrash(ReferenceServer vt) {
    List<String> handled = EsmsSync.run(vt, out);
    List<String> all = new ArrayList<>();
    PradoFromTheEhr.client(vt, vt.tokens().issue(Role.ESMS, UnitId.of("IME-69"), null)).events()
        .sync(WatermarkStore.inMemory(),
        e -> all.add(e.type())).syncOnce();
    assertThat(handled).isEqualTo(all).hasSize(6);
    assertThat(printed()).contains("1. /v1: statuses 40, 41", "2. FHIR: statuses 42, 72; waiting list: "
        + "[WAITING_LIST_ADMISSIBLE]", "3. flow 5: [45 (version 5)]", "4. crashed on event");
  }

  @Test
  void researchCountsEveryRecordAndPrintsTheCommandLine(@TempDir Path dir) throws Exception {
    Map<Decision.Result, Long> inJava = ResearchEligibility.run(5_000, dir, out);
    assertThat(inJava.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5_000);
    assertThat(inJava.keySet()).contains(Decision.Result.ELIGIBLE, Decision.Result.INELIGIBLE);
    assertThat(Files.readAllLines(dir.resolve("cohort.csv"))).hasSize(5_001);
    assertThat(printed()).contains("2. on the command line: ./vt eligibility --input ", "3. vt-rules in Java: ");
  }

  @Test
  void theObservatoryExampleReadsTheExtractsAndDrawsThem(@TempDir Path dir) throws Exception {
    List<io.vtsdk.rules.indicators.Tuv.Row> rows = ObservatoryFromExtracts.run(2_000, dir, out);
    // three establishments over the four quarters of 2026, each establishment every quarter
    assertThat(rows).hasSize(12);
    assertThat(rows).allSatisfy(r -> assertThat(r.tuv().numerator()).isLessThanOrEqualTo(r.tuv().denominator()));
    assertThat(Files.readString(dir.resolve("tuv.svg"))).contains("690000013", "2026T4");
    assertThat(Files.readString(dir.resolve("observatory.html"))).contains("data:image/svg+xml;base64,");
    assertThat(printed()).contains("2. on the command line: ./vt indicators tuv --vt ", "open records not counted",
        "people, ");
  }

  @Test
  void preflightInProcessAcceptsTheStayAndRefusesItUnderAmeNamingTheRule() {
    List<io.vtsdk.api.PreflightReport> reports = PreflightInProcess.run(out);
    assertThat(reports.get(0).accepted()).isTrue();
    assertThat(reports.get(1).accepted()).isFalse();
    assertThat(reports.get(1).violations()).extracting(io.vtsdk.model.validation.Violation::code)
        .containsExactly("eligibility.prado.ame");
    assertThat(printed()).contains("1. Prado INSUFFISANCE_CARDIAQUE: accepted=true",
        "2. the same patient under AME: accepted=false", "/units/0 eligibility.prado.ame");
  }
}
