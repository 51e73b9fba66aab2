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
 * <p>La Poste (SIREN {@value Siren#LA_POSTE}) has more establishments than the Luhn key leaves NICs for, so INSEE
 * gives an <em>alternative</em> for its SIRETs: one is also valid when the sum of its 14 digits is a multiple of 5.
 * The alternative widens the rule, it does not replace it: a La Poste SIRET whose Luhn key is right stays valid (e.g.
 * the head office, 356 000 000 00048). Source: INSEE, "SIRET — règles de contrôle" (clé de Luhn, exception La Poste).
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
    boolean ok = Luhn.isValid(s) || s.startsWith(Siren.LA_POSTE) && Checks.digitSum(s) % 5 == 0;
    return ok ? Optional.empty() : Optional.of(IdentifierProblem.KEY);
  }
}
