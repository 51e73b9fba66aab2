package io.vtsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.testkit.ReferenceServer;
import io.vtsdk.testkit.VtServerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
  void smrOrientationConfirmsOneAndClosesTheOthers(ReferenceServer vt) {
    Map<String, RequestStatus> statuses = SmrOrientation.run(vt, out);
    assertThat(statuses.values()).containsExactlyInAnyOrder(RequestStatus.ADMISSION_CONFIRMED, RequestStatus.CLOSED,
        RequestStatus.CLOSED);
    assertThat(printed()).contains("1. orientation aid: SMR CARDIO_VASCULAIRE");
  }
}
