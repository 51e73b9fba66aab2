package io.vtsdk.testkit.junit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.server.scenarios.Report;
import io.vtsdk.server.scenarios.Scenario;
import io.vtsdk.server.scenarios.Scenarios;
import io.vtsdk.server.scenarios.Session;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Runs a scenario against your software in a JUnit test: each step's instruction (with its ready data) goes to your
 * handler, which drives your software with the session's token; the kit waits for the step's outcome on the server's
 * clock; at the end, every check of the scenario is run on what your software sent.
 *
 * <pre>{@code
 * VtScenarios.run(vt, "dpi-prado", step -> myEhr.handle(step));   // throws AssertionError listing failed checks
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class VtScenarios {
  private VtScenarios() {}

  /** A step as your handler sees it: the instruction, its data, and the session's token to call VT with. */
  public record Step(Scenario.Step step, String token, ReferenceServer server) {}

  /** Starts a session of a built-in scenario (or a scenario file) on {@code server}. */
  public static Session start(ReferenceServer server, String scenario) {
    return server.startSession(Scenarios.of(scenario));
  }

  /**
   * Runs {@code scenario} step by step, {@code handler} playing your software; returns the report when every step
   * reached its outcome and every check passed.
   *
   * @throws AssertionError listing the failed checks with their evidence (redacted), and the steps not reached
   */
  public static Report run(ReferenceServer server, String scenario, Consumer<Step> handler) {
    Objects.requireNonNull(handler, "handler");
    Session session = start(server, scenario);
    try {
      for (var s = session.begin(); s.isPresent(); s = session.begin()) {
        handler.accept(new Step(s.get(), session.token(), server));
        session.end();
      }
    } finally {
      session.finish();
    }
    Report report = session.finish();
    if (!report.passed()) {
      StringBuilder b = new StringBuilder("scenario " + report.scenario() + " failed:");
      report.steps().stream().filter(r -> !r.reached()).forEach(r -> b.append("\n  step ").append(r.step())
          .append(": ").append(r.detail()));
      report.checks().stream().filter(v -> !v.passed()).forEach(v -> {
        b.append("\n  check ").append(v.check()).append(": ").append(v.description());
        v.evidence().forEach(e -> b.append("\n    - ").append(e));
      });
      throw new AssertionError(b.toString());
    }
    return report;
  }
}
