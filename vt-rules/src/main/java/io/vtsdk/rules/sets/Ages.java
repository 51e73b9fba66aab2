package io.vtsdk.rules.sets;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Age in whole years on a date, without allocating a Period. */
final class Ages {
  private Ages() {}

  static int on(LocalDate birthDate, LocalDate date) {
    return (int) ChronoUnit.YEARS.between(birthDate, date);
  }
}
