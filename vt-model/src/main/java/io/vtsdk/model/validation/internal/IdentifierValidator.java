package io.vtsdk.model.validation.internal;

import io.vtsdk.model.identity.Identifier;
import io.vtsdk.model.identity.IdentifierProblem;
import io.vtsdk.model.validation.ValidIdentifier;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Optional;

/** Checks any {@link Identifier}; reports {@code <type>.<problem>}. Not API. */
public final class IdentifierValidator implements ConstraintValidator<ValidIdentifier, Identifier> {
  @Override
  public boolean isValid(Identifier value, ConstraintValidatorContext ctx) {
    if (value == null) {
      return true;
    }
    Optional<IdentifierProblem> problem = value.problem(Rules.options(ctx).checkMode());
    if (problem.isEmpty()) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    ctx.buildConstraintViolationWithTemplate(
            "{vt." + value.typeName().toLowerCase(Locale.ROOT) + "." + problem.get().code() + "}")
        .addConstraintViolation();
    return false;
  }
}
