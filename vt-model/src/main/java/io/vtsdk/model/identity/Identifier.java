package io.vtsdk.model.identity;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A French identifier carried as its normalized text (spaces removed, upper case).
 *
 * <p><b>Carrier, not proof.</b> Constructing an identifier only normalizes the text, so that data read from JSON or a
 * database is never lost and can be reported with every other violation at once by
 * {@link io.vtsdk.model.validation.DossierValidator}. Use the static {@code parse} method of each type when you need a
 * checked value: it throws {@link InvalidIdentifierException} naming the problem.
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Identifier permits Nir, Finess, Siret, Siren, Rpps {

  /** The normalized text. */
  String value();

  /** What is wrong with this value under {@code mode}, or empty when it is valid. */
  Optional<IdentifierProblem> problem(CheckMode mode);

  /** Short upper-case name of the identifier type, e.g. {@code NIR}, used in messages and violation codes. */
  String typeName();

  /** True when {@link #problem(CheckMode)} finds nothing in {@link CheckMode#STRICT} mode. */
  default boolean isValid() {
    return problem(CheckMode.STRICT).isEmpty();
  }
}
