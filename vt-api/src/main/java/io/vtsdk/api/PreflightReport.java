package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The answer of a preflight (vt-core's {@code Preflight}): what validation found in the dossier, and for each receiving unit, the routing
 * constraints it breaks and the eligibility decision (with its whole trace; null when no rule set applies). Messages
 * name the JSON pointer and the rule, never a value.
 *
 * @param accepted true when VT would send to every unit
 * @param validation violations of the dossier at the SUBMISSION stage
 * @param units one check per receiving unit, in the order asked
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PreflightReport(boolean accepted, @JsonInclude(JsonInclude.Include.ALWAYS) List<Violation> validation,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<UnitCheck> units) {
  public PreflightReport {
    validation = validation == null ? List.of() : List.copyOf(validation);
    units = units == null ? List.of() : List.copyOf(units);
    if (accepted != (validation.isEmpty() && units.stream().allMatch(UnitCheck::accepted))) {
      throw new IllegalArgumentException("accepted must say whether there is no violation");
    }
  }

  /** The report of these findings. */
  public static PreflightReport of(List<Violation> validation, List<UnitCheck> units) {
    return new PreflightReport(validation.isEmpty() && units.stream().allMatch(UnitCheck::accepted), validation,
        units);
  }

  /** Every violation, the dossier's first, then each unit's. */
  @JsonIgnore
  public List<Violation> violations() {
    List<Violation> all = new ArrayList<>(validation);
    units.forEach(u -> all.addAll(u.violations()));
    return all;
  }

  /**
   * One receiving unit.
   *
   * @param unit the unit
   * @param accepted true when it breaks nothing
   * @param violations routing constraints and eligibility rules it breaks (pointer {@code /units/<i>})
   * @param eligibility the rule set's decision, or null when none applies
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UnitCheck(UnitId unit, boolean accepted,
      @JsonInclude(JsonInclude.Include.ALWAYS) List<Violation> violations, Eligibility eligibility) {
    public UnitCheck {
      violations = violations == null ? List.of() : List.copyOf(violations);
      if (accepted != violations.isEmpty()) {
        throw new IllegalArgumentException("accepted must say whether there is no violation");
      }
    }

    public static UnitCheck of(UnitId unit, List<Violation> violations, Eligibility eligibility) {
      return new UnitCheck(unit, violations.isEmpty(), violations, eligibility);
    }
  }
}
