package io.vtsdk.server.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR {@code date} search parameter (FHIR R4 §3.1.1.4.3 "date", §3.1.1.4.5 prefixes) applied to an instant, such
 * as {@code _lastUpdated}. The value is a range: a year, a month or a day covers all of it, a dateTime its second. A
 * value without an offset is read in Europe/Paris, the time of the French systems that poll VT (FHIR: "where no time
 * zone is given, the server's"). A point {@code t} matches:
 *
 * <ul>
 *   <li>{@code eq} (the default): {@code start <= t < end}; {@code ne}: not that;
 *   <li>{@code gt}, {@code sa}: {@code t >= end} — after the whole range: {@code gt2026-11-22} starts at midnight of
 *       the 23rd in Paris;
 *   <li>{@code lt}, {@code eb}: {@code t < start}; {@code ge}: {@code t >= start}; {@code le}: {@code t < end}.
 * </ul>
 *
 * {@code ap} (approximately) is not supported: it is refused, not guessed. Not API.
 */
public record FhirDateParam(String prefix, Instant start, Instant end) {
  /** The zone of values given without an offset. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final Pattern VALUE = Pattern.compile("(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.+)");

  /** Parses {@code [prefix]value}; the problem names the parameter, never the value. */
  public static FhirDateParam parse(String name, String raw) {
    Matcher m = VALUE.matcher(raw);
    if (!m.matches()) {
      throw ApiException.badRequest(name + ": empty");
    }
    String prefix = m.group(1) == null ? "eq" : m.group(1);
    if (prefix.equals("ap")) {
      throw ApiException.badRequest(name + ": the 'ap' prefix is not supported (eq, ne, gt, lt, ge, le, sa, eb are)");
    }
    String v = m.group(2);
    try {
      if (v.matches("[0-9]{4}")) {
        LocalDate from = LocalDate.of(Integer.parseInt(v), 1, 1);
        return new FhirDateParam(prefix, at(from), at(from.plusYears(1)));
      }
      if (v.matches("[0-9]{4}-[0-9]{2}")) {
        LocalDate from = YearMonth.parse(v).atDay(1);
        return new FhirDateParam(prefix, at(from), at(from.plusMonths(1)));
      }
      if (v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        LocalDate from = LocalDate.parse(v);
        return new FhirDateParam(prefix, at(from), at(from.plusDays(1)));
      }
      Instant t = v.matches(".*(Z|[+-][0-9]{2}:[0-9]{2})$") ? OffsetDateTime.parse(v).toInstant()
          : java.time.LocalDateTime.parse(v).atZone(PARIS).toInstant();
      Instant second = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      boolean fraction = !second.equals(t);
      return new FhirDateParam(prefix, t, fraction ? t.plusNanos(1) : second.plusSeconds(1));
    } catch (java.time.DateTimeException e) {
      throw ApiException.badRequest(name + ": not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime)");
    }
  }

  private static Instant at(LocalDate d) {
    return d.atStartOfDay(PARIS).toInstant();
  }

  /** Whether the instant {@code t} matches. */
  public boolean matches(Instant t) {
    return switch (prefix) {
      case "eq" -> !t.isBefore(start) && t.isBefore(end);
      case "ne" -> t.isBefore(start) || !t.isBefore(end);
      case "gt", "sa" -> !t.isBefore(end);
      case "lt", "eb" -> t.isBefore(start);
      case "ge" -> !t.isBefore(start);
      case "le" -> t.isBefore(end);
      default -> throw new IllegalStateException(prefix);
    };
  }
}
