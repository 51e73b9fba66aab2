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

/** Cross-field rules of a patient: an identity status that needs an INS has one; a protected adult has a legal representative. */
@API(status = API.Status.STABLE, since = "0.1")
@Documented
// its validator is Hibernate Validator's to instantiate (the package is opened to it), not API
@SuppressWarnings("exports")
@Constraint(validatedBy = io.vtsdk.model.validation.internal.PatientRulesValidator.class)
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ValidPatient {
  String message() default "{vt.patient.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
