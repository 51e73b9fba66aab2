package io.vtsdk.api;

import io.vtsdk.rules.indicators.HandicapIndicators;
import org.apiguardian.api.API;

/**
 * One row of the observatory's Handicap indicators ({@code GET /v1/observatory/handicap}), as {@code vt indicators
 * handicap} prints it: the indicator's code ({@code waiting-list/departement}), the group, distinct people and
 * notifications (null where the indicator does not count them), and for an admission delay its median and 90th
 * percentile in days.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record HandicapRow(String indicator, String group, Long people, Long notifications, Long medianDays,
    Long p90Days) {
  /** The row of a computed {@link HandicapIndicators.Row}. */
  public static HandicapRow of(HandicapIndicators.Row row) {
    var d = row.delay();
    return new HandicapRow(row.indicator().code(), row.group(), row.people() < 0 ? null : row.people(),
        row.notifications() < 0 ? null : row.notifications(), d == null || d.median() == null ? null
        : d.median().toDays(), d == null || d.p90() == null ? null : d.p90().toDays());
  }
}
