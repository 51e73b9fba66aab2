package io.vtsdk.api;

import io.vtsdk.rules.indicators.DelayStats;
import io.vtsdk.rules.indicators.Ratio;
import org.apiguardian.api.API;

/** Read rate, response rate and response delay of the requests the caller is a party to. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record RequestFigures(int requests, Ratio readRate, Ratio responseRate, DelayStats responseDelay) {}
