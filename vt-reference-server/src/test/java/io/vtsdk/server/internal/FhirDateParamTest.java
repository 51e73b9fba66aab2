package io.vtsdk.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FHIR date search semantics for {@code _lastUpdated}, in Europe/Paris. */
class FhirDateParamTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    // gt on a day: after the whole day, in Paris (the ESMS polling with J-1 gets no duplicate)
    "gt2026-11-22, 2026-11-22T22:59:59Z, false",
    "gt2026-11-22, 2026-11-22T23:00:00Z, true",
    "gt2026-11-22, 2026-11-22T10:00:00Z, false",
    // summer time: Paris is UTC+2
    "gt2026-07-01, 2026-07-01T21:59:59Z, false",
    "gt2026-07-01, 2026-07-01T22:00:00Z, true",
    "eq2026-11-22, 2026-11-21T23:00:00Z, true",
    "2026-11-22, 2026-11-22T23:00:00Z, false",
    "ge2026-11, 2026-10-31T23:00:00Z, true",
    "lt2026, 2025-12-31T22:59:59Z, true",
    "lt2026, 2025-12-31T23:00:00Z, false",
    "le2026-11-22T10:00:00Z, 2026-11-22T10:00:00.500Z, true",
    "gt2026-11-22T10:00:00+01:00, 2026-11-22T09:00:01Z, true",
    "gt2026-11-22T10:00:00, 2026-11-22T09:00:00.999Z, false",
  })
  void prefixesAndPrecisionsBehaveAsFhirDefines(String param, String instant, boolean matches) {
    assertThat(FhirDateParam.parse("_lastUpdated", param).matches(Instant.parse(instant))).isEqualTo(matches);
  }

  /** For every precision, random instants: the prefixes agree with the range they define. */
  @Test
  void everyPrefixIsConsistentWithTheRange() {
    Random random = new Random(18);
    for (String value : List.of("2026", "2026-03", "2026-03-29", "2026-10-25", "2026-03-29T02:30:00",
        "2026-10-25T02:30:00+01:00")) {
      FhirDateParam eq = FhirDateParam.parse("p", value);
      for (int i = 0; i < 2_000; i++) {
        Instant t = ZonedDateTime.of(LocalDateTime.of(2025, 12, 1, 0, 0), FhirDateParam.PARIS).toInstant()
            .plusSeconds(random.nextInt(500 * 24 * 3600));
        boolean in = eq.matches(t);
        boolean before = t.isBefore(eq.start());
        boolean after = !t.isBefore(eq.end());
        assertThat(in).isEqualTo(!before && !after);
        assertThat(FhirDateParam.parse("p", "ne" + value).matches(t)).isEqualTo(!in);
        assertThat(FhirDateParam.parse("p", "gt" + value).matches(t)).isEqualTo(after);
        assertThat(FhirDateParam.parse("p", "sa" + value).matches(t)).isEqualTo(after);
        assertThat(FhirDateParam.parse("p", "lt" + value).matches(t)).isEqualTo(before);
        assertThat(FhirDateParam.parse("p", "eb" + value).matches(t)).isEqualTo(before);
        assertThat(FhirDateParam.parse("p", "ge" + value).matches(t)).isEqualTo(!before);
        assertThat(FhirDateParam.parse("p", "le" + value).matches(t)).isEqualTo(!after);
      }
    }
  }

  @Test
  void aDayInParisIsItsCalendarDayEvenWhenTheClockChanges() {
    FhirDateParam spring = FhirDateParam.parse("p", "2026-03-29");
    assertThat(java.time.Duration.between(spring.start(), spring.end()).toHours()).isEqualTo(23);
    FhirDateParam autumn = FhirDateParam.parse("p", "2026-10-25");
    assertThat(java.time.Duration.between(autumn.start(), autumn.end()).toHours()).isEqualTo(25);
  }

  @Test
  void unsupportedOrMalformedValuesAreRefusedWithoutEchoingThem() {
    for (String bad : List.of("ap2026-11-22", "gt22/11/2026", "gt2026-13", "", "gt")) {
      assertThatThrownBy(() -> FhirDateParam.parse("_lastUpdated", bad)).isInstanceOf(ApiException.class)
          .hasMessageStartingWith("_lastUpdated: ")
          .satisfies(e -> assertThat(bad.length() < 4 || !e.getMessage().contains(bad.substring(2))).isTrue());
    }
  }
}
