package io.vtsdk.fhir.internal;

import io.vtsdk.fhir.FhirMappingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/** Conversions shared by the mappers. Not API. */
public final class Values {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private Values() {}

  /** A model coding as FHIR. */
  public static org.hl7.fhir.r4.model.Coding toFhir(io.vtsdk.model.Coding c) {
    return new org.hl7.fhir.r4.model.Coding(c.system(), c.code(), c.display());
  }

  /** A FHIR coding as the model's. */
  public static io.vtsdk.model.Coding fromFhir(org.hl7.fhir.r4.model.Coding c) {
    return new io.vtsdk.model.Coding(c.getSystem(), c.getCode(), c.getDisplay());
  }

  /** A CodeableConcept of one coding. */
  public static org.hl7.fhir.r4.model.CodeableConcept concept(io.vtsdk.model.Coding c) {
    return new org.hl7.fhir.r4.model.CodeableConcept().addCoding(toFhir(c));
  }

  /** The code of the first coding of {@code system} in {@code cc}, or null. */
  public static String code(org.hl7.fhir.r4.model.CodeableConcept cc, String system) {
    return cc.getCoding().stream().filter(c -> system.equals(c.getSystem()))
        .map(org.hl7.fhir.r4.model.Coding::getCode).findFirst().orElse(null);
  }

  /** An enum constant by name; an unknown name is a {@link FhirMappingException} listing the allowed ones. */
  public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String element) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new FhirMappingException(element, "unknown code; expected one of "
          + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A code of an open vocabulary ({@code VtModule::valueOf}…); refused naming the element and the known codes. */
  public static <T> T code(java.util.function.Function<String, T> valueOf, Object[] known, String value,
      String element) {
    try {
      return valueOf.apply(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new FhirMappingException(element, "unknown code; expected one of " + Arrays.toString(known));
    }
  }

  public static DateType date(LocalDate d) {
    return new DateType(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
  }

  /** An instant as a UTC dateTime with millisecond precision (lossless for {@code Instant}s of milliseconds). */
  public static DateTimeType dateTime(Instant i) {
    return new DateTimeType(Date.from(i), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI, UTC);
  }
}
