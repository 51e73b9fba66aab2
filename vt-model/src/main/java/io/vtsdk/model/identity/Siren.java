package io.vtsdk.model.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A SIREN (9 digits, Luhn key), the INSEE identifier of a legal entity. Source: INSEE, répertoire Sirene.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Siren(@JsonValue String value) implements Identifier {
  static final String TYPE = "SIREN";
  /** The SIREN of La Poste, whose establishments' SIRETs follow another key rule. */
  public static final String LA_POSTE = "356000000";

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Siren {
    Objects.requireNonNull(value, "value");
    value = Checks.stripSpaces(value);
  }

  public static Siren parse(CharSequence raw) {
    return new Siren(Identifiers.requireValid(TYPE, Checks.requireNotBlank(TYPE, raw), Siren::check, 9));
  }

  public static boolean isValid(CharSequence raw) {
    String s = Checks.stripSpaces(raw);
    return s != null && check(s).isEmpty();
  }

  @Override
  public Optional<IdentifierProblem> problem(CheckMode mode) {
    return check(value);
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  static Optional<IdentifierProblem> check(String s) {
    return Identifiers.digits(s, 9).or(() -> Luhn.isValid(s) ? Optional.empty() : Optional.of(IdentifierProblem.KEY));
  }
}
