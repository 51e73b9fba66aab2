package io.vtsdk.server.scenarios;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One check of what the software under test did during a session, from the exchanges the session recorded and the
 * outcome of its steps. A new check is one class implementing this and one line in {@link Checks#ALL}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public interface Check {
  /** A stable id ({@code idempotency-key}): reports, JUnit test case names and scenario files use it. */
  String id();

  /** What it checks, in a sentence (English). */
  String description();

  /**
   * What the software did wrong: one piece of evidence per fault found (already redacted: no NIR, name or birth date,
   * see {@link Redaction}), empty when the check passes.
   */
  List<String> evidence(List<Exchange> exchanges, List<StepResult> steps);

  /** How a step ended: whether its expectation held, and when on the server's clock. */
  record StepResult(String step, boolean reached, String detail) {}
}
