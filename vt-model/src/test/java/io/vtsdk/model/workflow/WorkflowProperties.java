package io.vtsdk.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtsdk.model.VtModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the state machines: sequences of (action, role) steps are accepted exactly when each step is one of
 * the available actions of the current status for that role, and refused otherwise with the right error.
 */
class WorkflowProperties {

  record Step(Action action, Role role) {}

  @Provide
  Arbitrary<VtModule> modules() {
    return Arbitraries.of(VtModule.values());
  }

  @Provide
  Arbitrary<Tuple.Tuple2<VtModule, List<Step>>> runs() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Action.class), Arbitraries.of(Role.class))
        .as(Step::new);
    return Combinators.combine(Arbitraries.of(VtModule.values()), step.list().ofMaxSize(12)).as(Tuple::of);
  }

  @Property(tries = 3000)
  void aSequenceIsAcceptedIffEveryStepIsAvailable(@ForAll("runs") Tuple.Tuple2<VtModule, List<Step>> run) {
    Workflow w = Workflow.of(run.get1());
    RequestStatus s = w.initialStatus();
    for (Step step : run.get2()) {
      Set<Action> available = w.availableActions(s, step.role());
      if (available.contains(step.action())) {
        RequestStatus next = w.apply(s, step.action(), step.role());
        assertThat(w.statuses()).contains(next);
        s = next;
      } else {
        RequestStatus from = s;
        IllegalTransitionException e = catchThrowableOfType(IllegalTransitionException.class,
            () -> w.apply(from, step.action(), step.role()));
        assertThat(e).as("%s %s by %s", from, step.action(), step.role()).isNotNull();
        assertThat(e.from()).isEqualTo(from);
        assertThat(e.action()).isEqualTo(step.action());
        assertThat(e.role()).isEqualTo(step.role());
        assertThat(e.module()).isEqualTo(run.get1());
        if (!w.actions().contains(step.action()) || step.action() == Action.SEND) {
          assertThat(e.reason()).isEqualTo(IllegalTransitionException.Reason.UNKNOWN_ACTION);
        } else if (w.transitions().stream().anyMatch(t -> t.from() == from && t.action() == step.action())) {
          assertThat(e.reason()).isEqualTo(IllegalTransitionException.Reason.ROLE_NOT_ALLOWED);
        } else {
          assertThat(e.reason()).isEqualTo(IllegalTransitionException.Reason.NOT_FROM_STATUS);
        }
        // a refused step leaves the request where it was: we simply keep s
      }
    }
  }

  @Property(tries = 2000)
  void randomLegalWalksEndOnlyInStatusesOfTheModule(
      @ForAll("modules") VtModule module, @ForAll("seeds") List<Integer> choices) {
    Workflow w = Workflow.of(module);
    RequestStatus s = w.initialStatus();
    List<RequestStatus> path = new ArrayList<>(List.of(s));
    for (int choice : choices) {
      List<Transition> options = w.transitions().stream().filter(t -> t.from() == path.get(path.size() - 1))
          .toList();
      if (options.isEmpty()) {
        assertThat(w.isTerminal(path.get(path.size() - 1))).isTrue();
        break;
      }
      Transition t = options.get(Math.floorMod(choice, options.size()));
      Role role = t.roles().iterator().next();
      s = w.apply(path.get(path.size() - 1), t.action(), role);
      assertThat(s).isEqualTo(t.to());
      assertThat(w.availableActions(t.from(), role)).contains(t.action());
      path.add(s);
    }
    assertThat(w.statuses()).containsAll(path);
  }

  @Provide
  Arbitrary<List<Integer>> seeds() {
    return Arbitraries.integers().list().ofMaxSize(20);
  }
}
