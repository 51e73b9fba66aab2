package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vtsdk.model.UnitId;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The body of an eligibility question; every member is optional.
 *
 * @param target the target to evaluate ({@code PRADO/AVC}, {@code SMR}); default: the dossier's module
 * @param date the date the rules are taken at; default: the server's today
 * @param unit a receiving unit whose facts (conventions, covered départements) the rules read
 */
@API(status = API.Status.STABLE, since = "0.2")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EligibilityRequest(String target, LocalDate date, UnitId unit) {}
