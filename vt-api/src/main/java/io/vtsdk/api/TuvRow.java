package io.vtsdk.api;

import io.vtsdk.rules.indicators.Ratio;
import io.vtsdk.rules.indicators.Tuv;
import org.apiguardian.api.API;

/**
 * One row of the observatory's Prado TUV ({@code GET /v1/observatory/tuv}): a group (an establishment's FINESS, a
 * volet, "FINESS VOLET", a region or "Total"), a period ("2026-04", "2026-02..2026-04", "2026T2", "2026") and the
 * rate (numerator, denominator, percent with one decimal half up, null over nothing).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record TuvRow(String group, String period, Ratio tuv) {
  /** The row of a computed {@link Tuv.Row}. */
  public static TuvRow of(Tuv.Row row) {
    return new TuvRow(row.group(), row.period(), row.tuv());
  }
}
