package io.vtsdk.model.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RNIV: the four statuses from what was checked (INSi, a high-trust document), and the way from one to another. */
class IdentityStatusTest {

  @ParameterizedTest(name = "INSi {0}, document {1} -> {2}")
  @CsvSource({"false, false, PROVISOIRE", "true, false, RECUPEREE", "false, true, VALIDEE", "true, true, QUALIFIEE"})
  void theStatusFollowsWhatWasChecked(boolean insi, boolean document, IdentityStatus expected) {
    assertThat(IdentityStatus.of(insi, document)).isEqualTo(expected);
    assertThat(expected.needsIns()).as("récupérée and qualifiée exist only with an INS").isEqualTo(insi);
  }

  @Test
  void eachCheckMovesTheStatusOneWayOnlyAndBothLeadToQualified() {
    assertThat(IdentityStatus.PROVISOIRE.afterInsi()).isEqualTo(IdentityStatus.RECUPEREE);
    assertThat(IdentityStatus.PROVISOIRE.afterHighTrustDocument()).isEqualTo(IdentityStatus.VALIDEE);
    assertThat(IdentityStatus.RECUPEREE.afterHighTrustDocument()).isEqualTo(IdentityStatus.QUALIFIEE);
    assertThat(IdentityStatus.VALIDEE.afterInsi()).isEqualTo(IdentityStatus.QUALIFIEE);
    for (IdentityStatus s : IdentityStatus.values()) {
      assertThat(s.afterInsi().afterHighTrustDocument()).isEqualTo(IdentityStatus.QUALIFIEE);
      assertThat(s.afterHighTrustDocument().afterInsi()).isEqualTo(IdentityStatus.QUALIFIEE);
      assertThat(s.afterInsi().afterInsi()).as("idempotent").isEqualTo(s.afterInsi());
      assertThat(s.afterInsi().needsIns()).isTrue();
    }
    assertThat(IdentityStatus.QUALIFIEE.afterInsi()).isEqualTo(IdentityStatus.QUALIFIEE);
  }
}
