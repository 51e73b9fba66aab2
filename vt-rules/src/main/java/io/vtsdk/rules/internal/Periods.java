package io.vtsdk.rules.internal;

import java.time.LocalDate;

/** Inclusive date periods whose ends may be open (null). Not API. */
public final class Periods {
  private Periods() {}

  /** True when {@code date} is within [from, to], a null bound being open. */
  public static boolean contains(LocalDate from, LocalDate to, LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }

  /** Throws when both bounds are given and {@code to} is before {@code from}. */
  public static void requireOrdered(String what, LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(what + ": effectiveTo " + to + " is before effectiveFrom " + from);
    }
  }

  /** "2020-01-01..2025-03-31", with "…" for an open end. */
  public static String format(LocalDate from, LocalDate to) {
    return (from == null ? "…" : from.toString()) + ".." + (to == null ? "…" : to.toString());
  }
}
