package io.vtsdk.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.internal.Checks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OtherIdentifiersTest {

  // ---- FINESS

  @Test
  void finessOfApHpIsValid() {
    assertThat(Finess.isValid("750712184")).isTrue();
    assertThat(Finess.parse("75 071 218 4").value()).isEqualTo("750712184");
    assertThat(Finess.parse("750712184").departementPrefix()).isEqualTo("75");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void finessSingleDigitChangeFailsTheKeyInStrictModeOnly(int pos) {
    String ok = "750712184";
    char c = ok.charAt(pos) == '9' ? '0' : (char) (ok.charAt(pos) + 1);
    String changed = ok.substring(0, pos) + c + ok.substring(pos + 1);
    assertThat(Finess.isValid(changed)).isFalse();
    if (!changed.startsWith("00")) {
      assertThat(Finess.isValid(changed, CheckMode.LENIENT)).isTrue();
    }
  }

  @Test
  void corsicanFinessIsCheckedForFormatOnly() {
    assertThat(Finess.isValid("2A0000011")).isTrue();
    assertThat(Finess.isValid("2b0000012")).isTrue();
    assertThat(Finess.parse("2b0000012").value()).isEqualTo("2B0000012");
    assertThat(Finess.isValid("2C0000011")).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"75071218, LENGTH", "75071218X, CHARACTERS", "000712184, CHARACTERS", "750712185, KEY", "'', BLANK"})
  void finessParseNamesTheProblem(String input, IdentifierProblem problem) {
    assertThatThrownBy(() -> Finess.parse(input))
        .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }

  // ---- SIRET / SIREN

  @Test
  void siretWithLuhnKeyIsValid() {
    String siret = Fixtures.withLuhn("7328293200007");
    assertThat(Siret.isValid(siret)).isTrue();
    assertThat(Siret.parse(siret).siren().value()).isEqualTo("732829320");
    assertThat(Siren.isValid("732829320")).isTrue();
  }

  @Test
  void laPosteSiretAcceptsTheDigitSumAlternativeBesidesLuhn() {
    // A La Poste NIC whose digit sum is a multiple of 5 but which fails Luhn, one that passes Luhn only, one neither.
    String sumOk = null;
    String luhnOnly = null;
    for (int nic = 0; nic < 100_000 && (sumOk == null || luhnOnly == null); nic++) {
      String s = Siren.LA_POSTE + String.format("%05d", nic);
      boolean sum = Checks.digitSum(s) % 5 == 0;
      boolean luhn = io.vtsdk.model.identity.Luhn.isValid(s);
      if (sum && !luhn && sumOk == null) {
        sumOk = s;
      }
      if (luhn && !sum && luhnOnly == null) {
        luhnOnly = s;
      }
    }
    assertThat(Siret.isValid(sumOk)).as(sumOk).isTrue();
    assertThat(Siret.isValid(luhnOnly)).as("Luhn stays valid for La Poste: " + luhnOnly).isTrue();
    assertThat(Siret.isValid("35600000000048")).as("La Poste head office").isTrue();
    assertThat(Siret.isValid(Siren.LA_POSTE + "00002")).as("neither rule").isFalse();
    // Outside La Poste the digit-sum alternative does not apply: sum 30, Luhn wrong.
    assertThat(Checks.digitSum("73282932000072") % 5).isZero();
    assertThat(Siret.isValid("73282932000072")).isFalse();
    assertThat(Siren.isValid(Siren.LA_POSTE)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"7328293200007, LENGTH", "7328293200007A, CHARACTERS", "73282932000075, KEY"})
  void siretParseNamesTheProblem(String input, IdentifierProblem problem) {
    assertThatThrownBy(() -> Siret.parse(input))
        .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.identifierType()).isEqualTo("SIRET");
        });
  }

  // ---- RPPS

  @Test
  void rppsWithLuhnKey() {
    String rpps = Fixtures.withLuhn("1000360631");
    assertThat(Rpps.isValid(rpps)).isTrue();
    String wrongKey = rpps.substring(0, 10) + ((rpps.charAt(10) - '0' + 1) % 10);
    assertThat(Rpps.isValid(wrongKey)).isFalse();
    assertThat(Rpps.isValid(wrongKey, CheckMode.LENIENT)).isTrue();
    assertThatThrownBy(() -> Rpps.parse("1234")).hasMessageContaining("expected 11 characters");
  }

  // ---- INS

  @Test
  void insCarriesTheAuthorityOidAndRedacts() {
    Ins ins = new Ins(Fixtures.nir("2480569123456"), InsAuthority.NIR_TEST);
    assertThat(ins.authority().oid()).isEqualTo("1.2.250.1.213.1.4.10");
    assertThat(ins.authority().isTest()).isTrue();
    assertThat(InsAuthority.fromOid("1.2.250.1.213.1.4.9")).isEqualTo(InsAuthority.NIA);
    assertThat(InsAuthority.fromOid("1.2.250.1.213.1.4.11")).as("FR Core: INS-NIR-DEMO").isEqualTo(InsAuthority.NIR_DEMO);
    assertThat(InsAuthority.NIR_DEMO.isTest()).isTrue();
    assertThat(InsAuthority.NIA.isTest()).isFalse();
    assertThat(ins.toString()).doesNotContain("2480569");
    assertThatThrownBy(() -> InsAuthority.fromOid("1.2.3")).hasMessageContaining("unknown INS OID");
  }

  @Test
  void eachIdentityStatusHasItsOwnFrCoreCode() {
    assertThat(java.util.Arrays.stream(IdentityStatus.values()).map(IdentityStatus::code))
        .containsExactly("PROV", "RECUP", "VALI", "QUAL");
    for (IdentityStatus s : IdentityStatus.values()) {
      assertThat(IdentityStatus.fromCode(s.code())).contains(s);
    }
    assertThat(IdentityStatus.fromCode("VIDE")).isEmpty();
    assertThat(IdentityStatus.RECUPEREE.reliabilityCode()).as("v2 table 0445 has no RECUP").isEqualTo("PROV");
  }

  @Test
  void departementCodesAreNormalized() {
    assertThat(Departement.of(" 2a ").code()).isEqualTo("2A");
  }
}
