package io.vtsdk.api;

import io.vtsdk.rules.indicators.Ratio;
import org.apiguardian.api.API;

/** One row of the waiting-list indicators: a département and ESMS category (null: every category). */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record WaitingListRow(String departement, String esmsCategory, long waiting, Ratio waitingToPlaces,
    long impossibleAdmissions) {}
