package io.vtsdk.model.identity;

import java.util.Optional;
import java.util.function.Function;

/** Package helpers shared by the identifier types. */
final class Identifiers {
  private Identifiers() {}

  /** BLANK, LENGTH or CHARACTERS for a value that must be exactly {@code length} digits. */
  static Optional<IdentifierProblem> digits(String s, int length) {
    if (s.isEmpty()) {
      return Optional.of(IdentifierProblem.BLANK);
    }
    if (s.length() != length) {
      return Optional.of(IdentifierProblem.LENGTH);
    }
    return io.vtsdk.model.internal.Checks.allDigits(s, 0, length)
        ? Optional.empty()
        : Optional.of(IdentifierProblem.CHARACTERS);
  }

  static String requireValid(
      String type, String s, Function<String, Optional<IdentifierProblem>> check, int length) {
    Optional<IdentifierProblem> problem = check.apply(s);
    if (problem.isPresent()) {
      throw new InvalidIdentifierException(type, problem.get(), detail(problem.get(), length));
    }
    return s;
  }

  private static String detail(IdentifierProblem p, int length) {
    switch (p) {
      case LENGTH:
        return "expected " + length + " characters, spaces aside";
      case CHARACTERS:
        return "expected digits only";
      case KEY:
        return "the check key does not match; check for a typing error";
      default:
        return "a value is required";
    }
  }
}
