package io.vtsdk.server.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.server.Fault;
import io.vtsdk.server.counterparts.Counterparts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A scripted test of a vendor's software against VT (in the spirit of Inferno's test kits): steps, each an instruction
 * for whoever drives the software under test, the counterparts and faults active meanwhile, what must happen and a time
 * limit on the server's clock. Read from a file by {@link Scenarios} (schema {@code scenario.schema.json}).
 *
 * @param name its id ({@code dpi-prado})
 * @param unit the unit the software under test acts for (the session's token is of this unit, in its role)
 * @param checks the ids of the checks the session runs on the recorded exchanges ({@link Checks})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Scenario(String name, String titleFr, String titleEn, UnitId unit, List<String> checks,
    List<Step> steps) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    checks = List.copyOf(checks);
    steps = List.copyOf(steps);
  }

  /**
   * One step.
   *
   * @param data what the software needs, machine-readable: {@code dossier} (a ready dossier as {@code POST
   *     /v1/dossiers} takes it), {@code units} (ids to send to), anything else the scenario says
   * @param counterparts the units the server plays during the step (null: keep the previous step's)
   * @param faults injected when the step begins (cleared at its end)
   * @param expect what must hold at the end: request statuses and how many requests of the session reach each
   * @param timeLimit how far the server's clock may move for it to happen
   */
  public record Step(String id, String instructionFr, String instructionEn, JsonNode data, Counterparts counterparts,
      List<Fault> faults, Map<RequestStatus, Integer> expect, Duration timeLimit) {
    public Step {
      Objects.requireNonNull(id, "id");
      faults = List.copyOf(faults);
      expect = Map.copyOf(expect);
      timeLimit = timeLimit == null ? Duration.ZERO : timeLimit;
    }

    /** The instruction in French ({@code fr}) or English. */
    public String instruction(String language) {
      return "en".equals(language) ? instructionEn : instructionFr;
    }
  }
}
