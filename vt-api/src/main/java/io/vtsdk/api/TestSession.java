package io.vtsdk.api;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The test-kit session the caller's token belongs to ({@code GET /v1/test-session}): the scenario, the step under way
 * with its instruction and machine-readable data, and where each step is. Only a session's own token reads it (the
 * reference server's test kit; docs/scenarios.md).
 *
 * @param status {@code running} (a step under way), {@code between steps} or {@code ended}
 * @param instruction the step's instruction, in the caller's language (French by default, English on request)
 * @param data what the step gives the software: a ready {@code dossier} as {@code POST /v1/dossiers} takes it, the
 *     target {@code units}, anything else the scenario says
 * @param passed once ended: whether every step reached its outcome and every check passed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record TestSession(String session, String scenario, String title, String unit, String status, String step,
    String instruction, Map<String, Object> data, List<StepState> steps, Boolean passed, List<String> failedChecks) {
  public TestSession {
    steps = steps == null ? List.of() : List.copyOf(steps);
    failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
  }

  /**
   * Where a step is.
   *
   * @param state {@code done}, {@code failed}, {@code current} or {@code pending}
   * @param detail how it ended (once it has)
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.4")
  public record StepState(String id, String state, String detail) {}
}
