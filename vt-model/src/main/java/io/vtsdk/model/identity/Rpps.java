package io.vtsdk.model.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An RPPS number (Répertoire partagé des professionnels de santé): 11 digits, the last being a Luhn key over the
 * whole number.
 *
 * <p>Source and status of the rule: the ANS publishes RPPS numbers as 11 digits; the Luhn key is the check commonly
 * applied by software that reads them (and holds for the published test numbers, which start with 8). It is not a rule
 * the ANS states in a public text we could cite, hence {@link CheckMode}: {@code STRICT} checks the key,
 * {@code LENIENT} only the format. See {@code docs/identifiers.md}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Rpps(@JsonValue String value) implements Identifier {
  static final String TYPE = "RPPS";

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Rpps {
    Objects.requireNonNull(value, "value");
    value = Checks.stripSpaces(value);
  }

  public static Rpps parse(CharSequence raw) {
    return parse(raw, CheckMode.STRICT);
  }

  public static Rpps parse(CharSequence raw, CheckMode mode) {
    return new Rpps(Identifiers.requireValid(TYPE, Checks.requireNotBlank(TYPE, raw), s -> check(s, mode), 11));
  }

  public static boolean isValid(CharSequence raw) {
    return isValid(raw, CheckMode.STRICT);
  }

  public static boolean isValid(CharSequence raw, CheckMode mode) {
    String s = Checks.stripSpaces(raw);
    return s != null && check(s, mode).isEmpty();
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
    Optional<IdentifierProblem> format = Identifiers.digits(s, 11);
    if (format.isPresent() || mode == CheckMode.LENIENT) {
      return format;
    }
    return Luhn.isValid(s) ? Optional.empty() : Optional.of(IdentifierProblem.KEY);
  }
}
