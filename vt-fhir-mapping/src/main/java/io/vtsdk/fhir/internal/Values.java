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

  /** An enum constant by name; an unknown name is a {@link FhirMappingException} listing the allowed ones. */
  public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String element) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new FhirMappingException(element, "unknown code; expected one of "
          + Arrays.toString(type.getEnumConstants()));
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
