package io.vtsdk.rules.orientation;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The aid's answer: the proposals in priority order (best first, one per target and mention) and every matched row
 * id, in table order — the trace of the decision table.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record OrientationAdvice(List<Proposal> proposals, List<String> matchedRows, List<String> synthesisPath) {
  public OrientationAdvice {
    proposals = List.copyOf(proposals);
    matchedRows = List.copyOf(matchedRows);
    synthesisPath = List.copyOf(synthesisPath);
  }

  public boolean isEmpty() {
    return proposals.isEmpty();
  }
}
