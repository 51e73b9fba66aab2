package io.vtsdk.rules;

import java.time.LocalDate;
import org.apiguardian.api.API;

/** No rule set of the engine covers the target on the requested date. The message lists what is covered. */
@API(status = API.Status.STABLE, since = "0.1")
public final class NoRuleSetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient Target target;
  private final LocalDate date;

  NoRuleSetException(Target target, LocalDate date, String covered) {
    super("no rule set for " + target + " on " + date + (covered.isEmpty() ? "; the engine has none for this target"
        : "; rule sets for " + target + " cover " + covered));
    this.target = target;
    this.date = date;
  }

  public Target target() {
    return target;
  }

  public LocalDate date() {
    return date;
  }
}
