package io.vtsdk.model.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** A {@link io.vtsdk.model.Coding} whose code belongs to the nomenclature {@link #value()} and whose system names it. Code {@code code.unknown}. */
@API(status = API.Status.STABLE, since = "0.1")
@Documented
// its validator is Hibernate Validator's to instantiate (the package is opened to it), not API
@SuppressWarnings("exports")
@Constraint(validatedBy = io.vtsdk.model.validation.internal.NosCodeValidator.class)
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NosCode {
  String message() default "{vt.code.unknown}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The nomenclature the code must belong to. */
  io.vtsdk.model.nos.NosTable value();
}
