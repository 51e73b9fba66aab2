package io.vtsdk.model.validation.internal;

import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Helpers for class-level validators that report several violations on named properties. Not API. */
final class Rules {
  private Rules() {}

  /** Options from the validator's payload, or the defaults. */
  static ValidationOptions options(ConstraintValidatorContext ctx) {
    ValidationOptions o = ctx.unwrap(HibernateConstraintValidatorContext.class)
        .getConstraintValidatorPayload(ValidationOptions.class);
    return o == null ? ValidationOptions.DEFAULTS : o;
  }

  /** Adds a violation with {@code template} on the property path {@code a.b.c} (relative to the validated bean). */
  static void violation(ConstraintValidatorContext ctx, String template, String path) {
    var builder = ctx.buildConstraintViolationWithTemplate(template);
    String[] parts = path.split("\\.");
    var node = builder.addPropertyNode(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      node = node.addPropertyNode(parts[i]);
    }
    node.addConstraintViolation();
  }

  /** Same, with a message parameter. */
  static void violation(ConstraintValidatorContext ctx, String template, String path, String param, Object value) {
    ctx.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter(param, value);
    violation(ctx, template, path);
  }
}
