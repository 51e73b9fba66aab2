package io.vtsdk.rules.indicators;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Distribution of delays: count, median and 90th percentile (nearest-rank method), null when there is no delay.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record DelayStats(int count, Duration median, Duration p90) {}
