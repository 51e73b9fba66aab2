package io.vtsdk.rules.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A count over a count, with the percentage rounded to one decimal, half up — as the seed's TUV table rounds
 * ("31,0%"). The percentage is null when the denominator is 0.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Ratio(long numerator, long denominator) {
  public Ratio {
    if (numerator < 0 || denominator < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got " + numerator + "/" + denominator);
    }
  }

  /** Percentage with one decimal (HALF_UP), or null when the denominator is 0. */
  @com.fasterxml.jackson.annotation.JsonProperty
  public BigDecimal percent() {
    if (denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
  }

  /** French display as in the seed ("31,0%"), or "–" without denominator. */
  public String formatFr() {
    BigDecimal p = percent();
    return p == null ? "–" : p.toPlainString().replace('.', ',') + "%";
  }

  /** English display ("31.0%"). */
  public String formatEn() {
    BigDecimal p = percent();
    return p == null ? "-" : String.format(Locale.ROOT, "%s%%", p.toPlainString());
  }

  public Ratio plus(Ratio other) {
    return new Ratio(numerator + other.numerator, denominator + other.denominator);
  }
}
