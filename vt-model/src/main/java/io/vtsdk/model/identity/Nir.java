package io.vtsdk.model.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.internal.Checks;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The NIR ("numéro de sécurité sociale", numéro d'inscription au répertoire) or a NIA of the same shape.
 *
 * <p>Fifteen characters: 13 for the number and a 2-digit key. The number is digits, except the département of birth
 * (positions 6–7) which may be {@code 2A} or {@code 2B} for Corsica. The key is {@code 97 − (n mod 97)} where
 * {@code n} is the 13-character number read as an integer once {@code 2A} is replaced by {@code 19} and {@code 2B} by
 * {@code 18}. Spaces are tolerated on input and removed. The first character must be 1, 2 (sex), 3, 4, 7 or 8
 * (provisional and NIA numbers).
 *
 * <pre>{@code
 * Nir nir = Nir.parse("2 84 12 2A 123 456 47"); // throws InvalidIdentifierException if wrong
 * boolean ok = Nir.isValid(input);
 * }</pre>
 *
 * <p>{@link #toString()} never prints the number: a NIR is personal data.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Nir(@JsonValue String value) implements Identifier {
  static final String TYPE = "NIR";

  /** Normalizes (spaces removed, upper case). Does not check: see {@link Identifier}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Nir {
    Objects.requireNonNull(value, "value");
    value = Checks.stripSpaces(value).toUpperCase(Locale.ROOT);
  }

  /** Parses and checks a NIR, tolerating spaces. */
  public static Nir parse(CharSequence raw) {
    String s = Checks.requireNotBlank(TYPE, raw).toUpperCase(Locale.ROOT);
    Optional<IdentifierProblem> problem = check(s);
    if (problem.isPresent()) {
      throw new InvalidIdentifierException(TYPE, problem.get(), detail(problem.get()));
    }
    return new Nir(s);
  }

  /** True when {@code raw} (spaces tolerated) is a well-formed NIR with the right key. */
  public static boolean isValid(CharSequence raw) {
    String s = Checks.stripSpaces(raw);
    return s != null && check(s.toUpperCase(Locale.ROOT)).isEmpty();
  }

  /**
   * The key of a 13-character NIR number (Corsica letters allowed), for building test data.
   *
   * @throws InvalidIdentifierException if {@code number} is not 13 well-formed characters
   */
  public static int key(CharSequence number) {
    String s = Checks.requireNotBlank(TYPE, number).toUpperCase(Locale.ROOT);
    if (s.length() != 13) {
      throw new InvalidIdentifierException(TYPE, IdentifierProblem.LENGTH, "the number without key has 13 characters");
    }
    if (!wellFormed(s)) {
      throw new InvalidIdentifierException(TYPE, IdentifierProblem.CHARACTERS, detail(IdentifierProblem.CHARACTERS));
    }
    return computeKey(s);
  }

  @Override
  public Optional<IdentifierProblem> problem(CheckMode mode) {
    return value.isEmpty() ? Optional.of(IdentifierProblem.BLANK) : check(value);
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  /** Redacted: {@code Nir[***************]}. */
  @Override
  public String toString() {
    return "Nir[" + "*".repeat(value.length()) + "]";
  }

  private static Optional<IdentifierProblem> check(String s) {
    if (s.isEmpty()) {
      return Optional.of(IdentifierProblem.BLANK);
    }
    if (s.length() != 15) {
      return Optional.of(IdentifierProblem.LENGTH);
    }
    if (!wellFormed(s) || !Checks.allDigits(s, 13, 15)) {
      return Optional.of(IdentifierProblem.CHARACTERS);
    }
    int key = (s.charAt(13) - '0') * 10 + (s.charAt(14) - '0');
    return key == computeKey(s) ? Optional.empty() : Optional.of(IdentifierProblem.KEY);
  }

  private static boolean wellFormed(String s) {
    char first = s.charAt(0);
    if ("123478".indexOf(first) < 0) {
      return false;
    }
    if (!Checks.allDigits(s, 0, 5) || !Checks.allDigits(s, 7, 13)) {
      return false;
    }
    char d1 = s.charAt(5);
    char d2 = s.charAt(6);
    boolean corsica = d1 == '2' && (d2 == 'A' || d2 == 'B');
    return corsica || Checks.allDigits(s, 5, 7);
  }

  /** 97 − (n mod 97) with 2A → 19 and 2B → 18; computed without BigInteger. */
  private static int computeKey(String s) {
    long n = 0;
    for (int i = 0; i < 13; i++) {
      int d;
      if (i == 5 && s.charAt(6) == 'A') {
        d = 1;
      } else if (i == 6 && s.charAt(6) == 'A') {
        d = 9;
      } else if (i == 5 && s.charAt(6) == 'B') {
        d = 1;
      } else if (i == 6 && s.charAt(6) == 'B') {
        d = 8;
      } else {
        d = s.charAt(i) - '0';
      }
      n = n * 10 + d;
    }
    return (int) (97 - (n % 97));
  }

  private static String detail(IdentifierProblem p) {
    switch (p) {
      case LENGTH:
        return "expected 15 characters (13 for the number and 2 for the key), spaces aside";
      case CHARACTERS:
        return "expected digits, starting with 1, 2, 3, 4, 7 or 8, with 2A or 2B allowed only as the département"
            + " of birth (positions 6-7)";
      case KEY:
        return "the key does not match 97 - (number mod 97); check for a typing error";
      default:
        return "a value is required";
    }
  }
}
