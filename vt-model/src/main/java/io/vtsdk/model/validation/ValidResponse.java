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

/** A response's motif is from its kind's list (required when the kind takes one, absent otherwise); "autre" needs a précision. */
@API(status = API.Status.STABLE, since = "0.1")
@Documented
// its validator is Hibernate Validator's to instantiate (the package is opened to it), not API
@SuppressWarnings("exports")
@Constraint(validatedBy = io.vtsdk.model.validation.internal.ResponseRulesValidator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ValidResponse {
  String message() default "{vt.response.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
