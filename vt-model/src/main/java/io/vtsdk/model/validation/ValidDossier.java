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

/** Cross-field rules of a dossier checked at every stage: dates in order, consent by the legal representative for minors and protected adults, MDPH decision matching the orientation. */
@API(status = API.Status.STABLE, since = "0.1")
@Documented
// its validator is Hibernate Validator's to instantiate (the package is opened to it), not API
@SuppressWarnings("exports")
@Constraint(validatedBy = io.vtsdk.model.validation.internal.DossierRulesValidator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ValidDossier {
  String message() default "{vt.dossier.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
