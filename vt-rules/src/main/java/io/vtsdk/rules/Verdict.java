package io.vtsdk.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a {@link Condition} returns: an outcome, the reason in French and English, and for UNKNOWN the missing facts.
 * Verdicts are values: create them once as constants of the rule, so that evaluating allocates nothing for them.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Verdict(Outcome outcome, String reasonFr, String reasonEn, List<String> missing) {
  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reasonFr, "reasonFr");
    Objects.requireNonNull(reasonEn, "reasonEn");
    missing = List.copyOf(missing);
    if (outcome == Outcome.UNKNOWN && missing.isEmpty()) {
      throw new IllegalArgumentException("an UNKNOWN verdict must name the missing facts");
    }
    if (outcome != Outcome.UNKNOWN && !missing.isEmpty()) {
      throw new IllegalArgumentException(outcome + " verdict cannot have missing facts");
    }
  }

  public static Verdict pass(String reasonFr, String reasonEn) {
    return new Verdict(Outcome.PASS, reasonFr, reasonEn, List.of());
  }

  public static Verdict fail(String reasonFr, String reasonEn) {
    return new Verdict(Outcome.FAIL, reasonFr, reasonEn, List.of());
  }

  /** UNKNOWN because {@code facts} are missing; the reason lists their paths. */
  public static Verdict unknown(Fact<?>... facts) {
    List<String> paths = new ArrayList<>();
    for (Fact<?> f : facts) {
      paths.add(f.path());
    }
    return new Verdict(Outcome.UNKNOWN, "donnée manquante : " + String.join(", ", paths),
        "missing input: " + String.join(", ", paths), paths);
  }
}
