package io.vtsdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An eligibility decision computed by the server (vt-rules): the result, the rule set and its version, the
 * informative flags, what failed or is missing, and the full trace as JSON (its shape is vt-rules' {@code Decision}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Eligibility(Result result, String target, String ruleSetId, String ruleSetVersion,
    LocalDate evaluatedOn, List<String> flags, List<String> failed, List<String> missing, JsonNode trace) {

  /** The outcome. */
  public enum Result {
    ELIGIBLE,
    INELIGIBLE,
    INCOMPLETE
  }

  public Eligibility {
    flags = flags == null ? List.of() : List.copyOf(flags);
    failed = failed == null ? List.of() : List.copyOf(failed);
    missing = missing == null ? List.of() : List.copyOf(missing);
  }
}
