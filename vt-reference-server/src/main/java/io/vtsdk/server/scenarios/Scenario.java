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
   * @param actions what the server does when the step begins, as another user would ({@link Scenarios#ACTIONS})
   * @param advance how far the server's clock moves when the step begins (counterparts act on the way), before the
   *     software is given the instruction
   * @param expect what must hold at the end
   * @param timeLimit how far the server's clock may move at the step's end for it to happen
   */
  public record Step(String id, String instructionFr, String instructionEn, JsonNode data, Counterparts counterparts,
      List<Fault> faults, List<String> actions, Duration advance, Expectation expect, Duration timeLimit) {
    public Step {
      Objects.requireNonNull(id, "id");
      faults = List.copyOf(faults);
      actions = List.copyOf(actions);
      advance = advance == null ? Duration.ZERO : advance;
      expect = expect == null ? Expectation.NONE : expect;
      timeLimit = timeLimit == null ? Duration.ZERO : timeLimit;
    }

    /** The instruction in French ({@code fr}) or English. */
    public String instruction(String language) {
      return "en".equals(language) ? instructionEn : instructionFr;
    }

    /** The same step with other data (a session resolves fixtures into ready dossiers). */
    public Step withData(JsonNode other) {
      return new Step(id, instructionFr, instructionEn, other, counterparts, faults, actions, advance, expect,
          timeLimit);
    }
  }

  /**
   * What must hold at a step's end.
   *
   * @param requests how many of the session's requests (sent by it, or received by its unit since it started) are in
   *     each status, at least
   * @param calls how many of the session's calls were answered so, at least: {@code "PUT /v1/dossiers/{id} 412"} (the
   *     method, the route's template as the OpenAPI document writes it, a status or a class such as {@code 2xx})
   */
  public record Expectation(Map<RequestStatus, Integer> requests, Map<String, Integer> calls) {
    /** Nothing expected. */
    public static final Expectation NONE = new Expectation(Map.of(), Map.of());

    public Expectation {
      requests = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requests));
      calls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(calls));
    }
  }
}
