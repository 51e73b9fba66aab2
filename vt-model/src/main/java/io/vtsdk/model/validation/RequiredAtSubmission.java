package io.vtsdk.model.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** The element may be missing in a draft but is required at {@link Stage#SUBMISSION}. Code {@code required}. */
@API(status = API.Status.STABLE, since = "0.1")
@Documented
@NotNull
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface RequiredAtSubmission {
  String message() default "{vt.required}";

  Class<?>[] groups() default {SubmissionGroup.class};

  Class<? extends Payload>[] payload() default {};
}
