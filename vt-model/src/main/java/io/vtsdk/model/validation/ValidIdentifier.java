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

/** A NIR, FINESS, SIRET, SIREN or RPPS with the right format and key. Codes {@code <type>.<problem>}, e.g. {@code nir.key}, {@code finess.length}. */
@API(status = API.Status.STABLE, since = "0.1")
@Documented
// its validator is Hibernate Validator's to instantiate (the package is opened to it), not API
@SuppressWarnings("exports")
@Constraint(validatedBy = io.vtsdk.model.validation.internal.IdentifierValidator.class)
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ValidIdentifier {
  String message() default "{vt.identifier.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
