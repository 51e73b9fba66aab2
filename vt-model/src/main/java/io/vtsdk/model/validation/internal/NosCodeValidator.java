package io.vtsdk.model.validation.internal;

import io.vtsdk.model.Coding;
import io.vtsdk.model.nos.Nomenclature;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.validation.NosCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks that a coding belongs to a nomenclature. Not API. */
public final class NosCodeValidator implements ConstraintValidator<NosCode, Coding> {
  private Nomenclature nomenclature;

  @Override
  public void initialize(NosCode annotation) {
    nomenclature = Nomenclatures.get(annotation.value());
  }

  @Override
  public boolean isValid(Coding value, ConstraintValidatorContext ctx) {
    if (value == null || nomenclature.contains(value)) {
      return true;
    }
    ctx.unwrap(HibernateConstraintValidatorContext.class)
        .addMessageParameter("table", nomenclature.table().name());
    return false;
  }
}
