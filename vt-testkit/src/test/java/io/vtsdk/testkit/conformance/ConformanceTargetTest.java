package io.vtsdk.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.UnitId;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformanceTargetTest {
  static Map<String, String> complete() {
    Map<String, String> p = new HashMap<>();
    p.put("vt.conformance.baseUrl", "http://127.0.0.1:8080");
    p.put("vt.conformance.requesterUnit", "U-CARDIO-HCL");
    p.put("vt.conformance.requesterToken", "secret-requester");
    p.put("vt.conformance.receiverUnit", "SMR-CARDIO-69");
    p.put("vt.conformance.receiverToken", "secret-receiver");
    p.put("vt.conformance.cpamUnit", "CPAM-691");
    p.put("vt.conformance.cpamCode", "691");
    p.put("vt.conformance.cpamToken", "secret-cpam");
    p.put("vt.conformance.outsiderToken", "secret-outsider");
    return p;
  }

  @Test
  void readsEveryPropertyAndNeverPrintsTokens() {
    ConformanceTarget t = ConformanceTarget.from(complete()::get);
    assertThat(t.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(t.receiver().unit()).isEqualTo(UnitId.of("SMR-CARDIO-69"));
    assertThat(t.cpamCode()).isEqualTo("691");
    assertThat(t.toString()).contains("SMR-CARDIO-69").doesNotContain("secret");
    assertThat(t.requester().toString()).doesNotContain("secret");
  }

  @Test
  void namesTheMissingProperty() {
    Map<String, String> p = complete();
    p.remove("vt.conformance.cpamToken");
    assertThatThrownBy(() -> ConformanceTarget.from(p::get)).isInstanceOf(IllegalStateException.class)
        .hasMessage("system property vt.conformance.cpamToken is not set");
  }

  @Test
  void rejectsBadValuesByName() {
    assertThatThrownBy(() -> ConformanceTarget.builder(URI.create("ftp://x"))).hasMessageContaining("baseUrl");
    var b = ConformanceTarget.builder(URI.create("http://x"));
    assertThatThrownBy(() -> b.cpam(UnitId.of("C"), "6", "t")).hasMessageContaining("cpamCode");
    assertThatThrownBy(() -> b.receiver(UnitId.of("R"), " ")).hasMessageContaining("token of R");
    assertThatThrownBy(b::build).hasMessageContaining("requester is missing");
  }
}
