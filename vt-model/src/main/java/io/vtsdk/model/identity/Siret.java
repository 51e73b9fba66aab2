package io.vtsdk.model.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A SIRET: the 9-digit SIREN of the legal entity, a 4-digit NIC and a Luhn key over the 14 digits.
 *
 * <p>Exception: the establishments of La Poste (SIREN {@value Siren#LA_POSTE}) are too many for the Luhn key; for them
 * the sum of the 14 digits must be a multiple of 5 (INSEE rule, kept as INSEE publishes it).
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Siret(@JsonValue String value) implements Identifier {
  static final String TYPE = "SIRET";

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Siret {
    Objects.requireNonNull(value, "value");
    value = Checks.stripSpaces(value);
  }

  public static Siret parse(CharSequence raw) {
    return new Siret(Identifiers.requireValid(TYPE, Checks.requireNotBlank(TYPE, raw), Siret::check, 14));
  }

  public static boolean isValid(CharSequence raw) {
    String s = Checks.stripSpaces(raw);
    return s != null && check(s).isEmpty();
  }

  /** The SIREN part (first 9 digits). */
  public Siren siren() {
    return new Siren(value.length() >= 9 ? value.substring(0, 9) : value);
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
    Optional<IdentifierProblem> format = Identifiers.digits(s, 14);
    if (format.isPresent()) {
      return format;
    }
    boolean ok = s.startsWith(Siren.LA_POSTE) ? Checks.digitSum(s) % 5 == 0 : Checks.luhnValid(s);
    return ok ? Optional.empty() : Optional.of(IdentifierProblem.KEY);
  }
}
