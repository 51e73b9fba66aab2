package io.vtsdk.rules;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * The logic of a rule: pure, no I/O, no clock (the evaluation date is given). Return constant {@link Verdict}s.
 *
 * <pre>{@code
 * Condition notAme = (facts, on) -> {
 *   Boolean ame = facts.get(StandardFacts.AME);
 *   return ame == null ? MISSING_AME : ame ? IS_AME : NOT_AME;
 * };
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
@FunctionalInterface
public interface Condition {
  Verdict test(Facts facts, LocalDate on);
}
