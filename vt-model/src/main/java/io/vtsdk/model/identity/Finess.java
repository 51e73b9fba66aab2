package io.vtsdk.model.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.internal.Checks;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A FINESS number (Fichier national des établissements sanitaires et sociaux), géographique (ET) or juridique (EJ).
 *
 * <p>Nine characters: the département code on two characters ({@code 01}–{@code 95}, {@code 2A}, {@code 2B}, or
 * {@code 97}/{@code 98} for overseas), six digits, and a key digit. Source and status of the key rule: the FINESS
 * nomenclature documents the number as département + sequence + "clé"; the Luhn check over the nine digits is the
 * check commonly applied by software reading FINESS numbers (it holds for published numbers such as AP-HP's
 * {@code 750712184}). We found no public text giving the key for Corsican numbers, so numbers starting with 2A/2B are
 * checked for format only. {@link CheckMode#LENIENT} skips the key for every number. See {@code docs/identifiers.md}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Finess(@JsonValue String value) implements Identifier {
  static final String TYPE = "FINESS";

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Finess {
    Objects.requireNonNull(value, "value");
    value = Checks.stripSpaces(value).toUpperCase(Locale.ROOT);
  }

  public static Finess parse(CharSequence raw) {
    return parse(raw, CheckMode.STRICT);
  }

  public static Finess parse(CharSequence raw, CheckMode mode) {
    String s = Checks.requireNotBlank(TYPE, raw).toUpperCase(Locale.ROOT);
    return new Finess(Identifiers.requireValid(TYPE, s, v -> check(v, mode), 9));
  }

  /**
   * The FINESS of these eight digits with the key the Luhn check gives: how synthetic numbers are made (fixtures, demo
   * data). Corsican numbers (2A/2B) have no key this library knows: build them with {@link #parse(CharSequence,
   * CheckMode)}.
   *
   * @throws IllegalArgumentException when {@code firstEight} is not eight digits (it is not repeated)
   * @since 0.3
   */
  public static Finess withKey(String firstEight) {
    if (firstEight == null || firstEight.length() != 8 || !Checks.allDigits(firstEight, 0, 8)) {
      throw new IllegalArgumentException("a FINESS key is computed over eight digits");
    }
    return parse(firstEight + Luhn.key(firstEight));
  }

  public static boolean isValid(CharSequence raw) {
    return isValid(raw, CheckMode.STRICT);
  }

  public static boolean isValid(CharSequence raw, CheckMode mode) {
    String s = Checks.stripSpaces(raw);
    return s != null && check(s.toUpperCase(Locale.ROOT), mode).isEmpty();
  }

  /** The département code (first two characters). */
  public String departementPrefix() {
    return value.length() >= 2 ? value.substring(0, 2) : value;
  }

  @Override
  public Optional<IdentifierProblem> problem(CheckMode mode) {
    return check(value, mode);
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  static Optional<IdentifierProblem> check(String s, CheckMode mode) {
    if (s.isEmpty()) {
      return Optional.of(IdentifierProblem.BLANK);
    }
    if (s.length() != 9) {
      return Optional.of(IdentifierProblem.LENGTH);
    }
    boolean corsica = s.charAt(0) == '2' && (s.charAt(1) == 'A' || s.charAt(1) == 'B');
    if (!(corsica || Checks.allDigits(s, 0, 2)) || !Checks.allDigits(s, 2, 9) || s.startsWith("00")) {
      return Optional.of(IdentifierProblem.CHARACTERS);
    }
    if (mode == CheckMode.LENIENT || corsica) {
      return Optional.empty();
    }
    return Luhn.isValid(s) ? Optional.empty() : Optional.of(IdentifierProblem.KEY);
  }
}
