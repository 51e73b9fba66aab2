package io.vtsdk.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.testing.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NirTest {

  @Test
  void keyIs97MinusNumberMod97() {
    // 1 84 12 75 123 456 : n mod 97 computed independently with BigInteger-free arithmetic by hand below
    long n = 1841275123456L;
    int expected = (int) (97 - n % 97);
    assertThat(Nir.key("1841275123456")).isEqualTo(expected);
    assertThat(Nir.isValid("1841275123456" + String.format("%02d", expected))).isTrue();
  }

  @Test
  void spacesAreToleratedAndRemoved() {
    Nir nir = Fixtures.nir("2480569123456");
    String spaced = nir.value().substring(0, 1) + " " + nir.value().substring(1, 3) + " " + nir.value().substring(3, 5)
        + " " + nir.value().substring(5, 7) + " " + nir.value().substring(7, 10) + " " + nir.value().substring(10, 13)
        + " " + nir.value().substring(13);
    assertThat(Nir.parse(spaced)).isEqualTo(nir);
    assertThat(new Nir(spaced).value()).isEqualTo(nir.value());
  }

  @Test
  void corsicaUses19For2AAnd18For2B() {
    // Same number with 2A and with 19 in the département: the key must be the same.
    assertThat(Nir.key("184122A123456")).isEqualTo(Nir.key("1841219123456"));
    assertThat(Nir.key("184122B123456")).isEqualTo(Nir.key("1841218123456"));
    assertThat(Nir.key("184122A123456")).isNotEqualTo(Nir.key("184122B123456"));
    assertThat(Nir.isValid(Fixtures.nir("184122b123456").value())).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', BLANK",
    "'   ', BLANK",
    "18412751234, LENGTH",
    "1841275123456781, LENGTH",
    "5841275123456 00, CHARACTERS",
    "184127X123456 00, CHARACTERS",
    "1841223123456 0A, CHARACTERS",
    "1841275123456 00, KEY",
    "184122C123456 00, CHARACTERS",
  })
  void parseNamesTheProblem(String input, IdentifierProblem problem) {
    assertThatThrownBy(() -> Nir.parse(input))
        .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.identifierType()).isEqualTo("NIR");
        })
        .hasMessageStartingWith("NIR is invalid (" + problem.name().toLowerCase() + ")");
    assertThat(Nir.isValid(input)).isFalse();
  }

  @Test
  void nullIsNotValidAndParseSaysBlank() {
    assertThat(Nir.isValid(null)).isFalse();
    assertThatThrownBy(() -> Nir.parse(null)).isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("blank");
  }

  @Test
  void exceptionMessageNeverContainsTheNumber() {
    String bad = "1841275123456" + "00";
    assertThatThrownBy(() -> Nir.parse(bad)).message().doesNotContain("1841275123456");
  }

  @Test
  void toStringRedacts() {
    Nir nir = Fixtures.nir("2480569123456");
    assertThat(nir.toString()).doesNotContain("2480569").isEqualTo("Nir[***************]");
  }

  @Test
  void carrierKeepsAnInvalidValueForReporting() {
    Nir bad = new Nir("1841275123456 00");
    assertThat(bad.isValid()).isFalse();
    assertThat(bad.problem(CheckMode.STRICT)).contains(IdentifierProblem.KEY);
  }

  // ---- properties

  @Provide
  Arbitrary<String> validNirs() {
    Arbitrary<String> first = Arbitraries.of("1", "2", "3", "4", "7", "8");
    Arbitrary<String> yearMonth = Arbitraries.strings().numeric().ofLength(4);
    Arbitrary<String> dept = Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofLength(2), Arbitraries.of("2A", "2B"));
    Arbitrary<String> rest = Arbitraries.strings().numeric().ofLength(6);
    return Combinators.combine(first, yearMonth, dept, rest)
        .as((a, b, c, d) -> a + b + c + d)
        .map(n13 -> n13 + String.format("%02d", Nir.key(n13)));
  }

  @Property
  void generatedValidNirsAlwaysPass(@ForAll("validNirs") String nir) {
    assertThat(Nir.isValid(nir)).isTrue();
    assertThat(Nir.parse(nir).value()).isEqualTo(nir);
  }

  @Property
  void anySingleDigitChangeFails(
      @ForAll("validNirs") String nir,
      @ForAll("positions") int pos,
      @ForAll("digits") char replacement) {
    char original = nir.charAt(pos);
    Assume.that(Character.isDigit(original) && original != replacement); // digit-for-another-digit changes only
    String changed = nir.substring(0, pos) + replacement + nir.substring(pos + 1);
    assertThat(Nir.isValid(changed)).as("changed position %d", pos).isFalse();
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 14);
  }

  @Provide
  Arbitrary<Character> digits() {
    return Arbitraries.chars().range('0', '9');
  }
}
