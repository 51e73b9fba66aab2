package io.vtsdk.model.identity;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown by the {@code parse} methods of identifier types when the input is not a valid identifier.
 *
 * <p>The message says which identifier, what is wrong and how to fix it. It never repeats the value itself: a NIR is
 * personal data and messages end up in logs.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class InvalidIdentifierException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String identifierType;
  private final IdentifierProblem problem;

  public InvalidIdentifierException(String identifierType, IdentifierProblem problem, String detail) {
    super(identifierType + " is invalid (" + problem.code() + "): " + detail);
    this.identifierType = Objects.requireNonNull(identifierType, "identifierType");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The identifier type, e.g. {@code "NIR"}, {@code "FINESS"}. */
  public String identifierType() {
    return identifierType;
  }

  /** What is wrong. */
  public IdentifierProblem problem() {
    return problem;
  }
}
