package io.vtsdk.model.validation;

import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** Thrown by {@link ValidationReport#orThrow()}: carries the report; the message lists paths and codes only. */
@API(status = API.Status.STABLE, since = "0.1")
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient ValidationReport report;

  public ValidationException(ValidationReport report) {
    super("invalid at " + report.stage() + " stage: " + report.violations().stream()
        .map(v -> (v.path().isEmpty() ? "/" : v.path()) + " " + v.code())
        .collect(Collectors.joining(", ")));
    this.report = report;
  }

  public ValidationReport report() {
    return report;
  }
}
