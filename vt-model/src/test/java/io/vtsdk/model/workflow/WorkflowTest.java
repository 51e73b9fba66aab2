package io.vtsdk.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.IllegalTransitionException.Reason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowTest {

  @Test
  void handicapIsSentByTheMdphFirstThenByTheUsagersDua() {
    // the first sender is the module's own (the console signs an MDPH unit in as it, fixtures send as it)
    assertThat(Workflow.of(io.vtsdk.model.VtModule.HANDICAP).senders()).containsExactly(Role.MDPH, Role.USAGER);
    assertThat(Workflow.of(io.vtsdk.model.VtModule.GRAND_AGE).senders()).containsExactly(Role.REQUESTER, Role.USAGER);
  }

  @Test
  void sanitaireHappyPathReadAcceptConfirm() {
    Workflow w = Workflow.of(VtModule.SANITAIRE);
    RequestStatus s = w.start(Role.REQUESTER);
    assertThat(s).isEqualTo(RequestStatus.SENT);
    s = w.apply(s, Action.READ, Role.RECEIVER);
    s = w.apply(s, Action.ACCEPT, Role.RECEIVER);
    assertThat(s.taskStatus()).isEqualTo(TaskStatus.ACCEPTED);
    s = w.apply(s, Action.CONFIRM_ADMISSION, Role.REQUESTER);
    assertThat(s).isEqualTo(RequestStatus.ADMISSION_CONFIRMED);
    assertThat(w.isTerminal(s)).isTrue();
  }

  @Test
  void receiverCannotConfirmAdmission() {
    Workflow w = Workflow.of(VtModule.SANITAIRE);
    assertThatThrownBy(() -> w.apply(RequestStatus.ACCEPTED, Action.CONFIRM_ADMISSION, Role.RECEIVER))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(RequestStatus.ACCEPTED);
          assertThat(e.action()).isEqualTo(Action.CONFIRM_ADMISSION);
          assertThat(e.role()).isEqualTo(Role.RECEIVER);
          assertThat(e.reason()).isEqualTo(Reason.ROLE_NOT_ALLOWED);
          assertThat(e.module()).isEqualTo(VtModule.SANITAIRE);
        })
        .hasMessageContaining("SANITAIRE request in status ACCEPTED: action CONFIRM_ADMISSION by role RECEIVER")
        .hasMessageContaining("REQUESTER");
  }

  @Test
  void cannotConfirmBeforeAcceptance() {
    assertThatThrownBy(() -> Workflow.of(VtModule.SANITAIRE)
            .apply(RequestStatus.READ, Action.CONFIRM_ADMISSION, Role.REQUESTER))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FROM_STATUS))
        .hasMessageContaining("allowed actions for REQUESTER: [CANCEL]");
  }

  @Test
  void grandAgeUsagerMaySendAndConfirmButSanitaireUsagerMayNot() {
    assertThat(Workflow.of(VtModule.GRAND_AGE).start(Role.USAGER)).isEqualTo(RequestStatus.SENT);
    assertThat(Workflow.of(VtModule.GRAND_AGE).apply(RequestStatus.ACCEPTED, Action.CONFIRM_ADMISSION, Role.USAGER))
        .isEqualTo(RequestStatus.ADMISSION_CONFIRMED);
    assertThatThrownBy(() -> Workflow.of(VtModule.SANITAIRE).start(Role.USAGER))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.action()).isEqualTo(Action.SEND);
          assertThat(e.from()).isNull();
        });
  }

  @Test
  void pradoCpamAnswersEligibleThenAdhesionOrNonAdhesion() {
    Workflow w = Workflow.of(VtModule.PRADO);
    RequestStatus s = w.apply(w.start(Role.REQUESTER), Action.DECLARE_ELIGIBLE_ADMINISTRATIVELY, Role.CPAM);
    assertThat(w.availableActions(s, Role.CPAM))
        .containsExactlyInAnyOrder(Action.RECORD_ADHESION, Action.RECORD_NON_ADHESION);
    assertThat(w.apply(s, Action.RECORD_ADHESION, Role.CPAM)).isEqualTo(RequestStatus.ADHESION);
    assertThat(w.apply(s, Action.RECORD_NON_ADHESION, Role.CPAM)).isEqualTo(RequestStatus.NON_ADHESION);
    assertThat(w.isTerminal(RequestStatus.ADHESION)).isTrue();
    assertThatThrownBy(() -> w.apply(s, Action.RECORD_ADHESION, Role.RECEIVER))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void pradoHasNoWaitingListAction() {
    assertThatThrownBy(() -> Workflow.of(VtModule.PRADO).apply(RequestStatus.SENT, Action.PLACE_ON_WAITING_LIST,
            Role.CPAM))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACTION));
  }

  @Test
  void handicapImpossibleAdmissionIsSignalledByEsmsAndEndorsedByMdph() {
    Workflow w = Workflow.of(VtModule.HANDICAP);
    RequestStatus s = w.start(Role.MDPH);
    assertThat(s.r357Code()).contains("39");
    s = w.apply(s, Action.READ, Role.ESMS);
    s = w.apply(s, Action.SIGNAL_ADMISSION_IMPOSSIBLE, Role.ESMS);
    assertThat(s.r357Code()).contains("45");
    RequestStatus signalled = s;
    assertThatThrownBy(() -> w.apply(signalled, Action.ENDORSE_ADMISSION_IMPOSSIBLE, Role.ESMS))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ROLE_NOT_ALLOWED));
    assertThat(w.apply(s, Action.ENDORSE_ADMISSION_IMPOSSIBLE, Role.MDPH).r357Code()).contains("46");
  }

  @Test
  void handicapFullPathToExit() {
    Workflow w = Workflow.of(VtModule.HANDICAP);
    RequestStatus s = w.start(Role.MDPH);
    for (Action a : new Action[] {Action.READ, Action.RECORD_CONTACT, Action.START_ANALYSIS,
        Action.DECLARE_ADMISSIBLE, Action.DECLARE_ADMITTED, Action.START_TRIAL, Action.RECORD_ENTRY,
        Action.RECORD_EXIT}) {
      s = w.apply(s, a, Role.ESMS);
    }
    assertThat(s).isEqualTo(RequestStatus.USER_EXITED);
    assertThat(s.r357Code()).contains("48");
  }

  @Test
  void everyHandicapStatusHasAnR357CodeOfJ252() {
    Set<String> j252 = io.vtsdk.model.nos.Nomenclatures.get(io.vtsdk.model.nos.NosTable.J252).concepts().stream()
        .map(io.vtsdk.model.nos.Concept::code).collect(java.util.stream.Collectors.toSet());
    for (RequestStatus s : Workflow.of(VtModule.HANDICAP).statuses()) {
      assertThat(s.r357Code()).as(s.name()).isPresent();
      assertThat(j252).as(s.name()).contains(s.r357Code().get());
      assertThat(RequestStatus.ofR357(s.r357Code().get())).contains(s);
    }
    // and every J252 status is reachable in the workflow
    assertThat(Workflow.of(VtModule.HANDICAP).statuses().stream().map(s -> s.r357Code().get()))
        .containsExactlyInAnyOrderElementsOf(j252);
  }

  @Test
  void tndPcoAnswers() {
    Workflow w = Workflow.of(VtModule.TND);
    assertThat(w.availableActions(RequestStatus.SENT, Role.RECEIVER)).containsExactlyInAnyOrder(
        Action.READ, Action.DECLARE_ELIGIBLE, Action.DECLARE_NOT_ELIGIBLE, Action.ORIENT_ELSEWHERE);
    assertThat(w.availableActions(RequestStatus.SENT, Role.REQUESTER)).containsExactly(Action.CANCEL);
    assertThat(w.availableActions(RequestStatus.SENT, Role.SYSTEM)).containsExactly(Action.ARCHIVE);
  }

  @ParameterizedTest
  @MethodSource("io.vtsdk.model.testing.Fixtures#modules")
  void everyStatusIsReachableFromTheInitialStatus(VtModule module) {
    Workflow w = Workflow.of(module);
    Set<RequestStatus> seen = EnumSet.of(w.initialStatus());
    Deque<RequestStatus> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      RequestStatus s = todo.pop();
      for (Transition t : w.transitions()) {
        if (t.from() == s && seen.add(t.to())) {
          todo.push(t.to());
        }
      }
    }
    assertThat(seen).isEqualTo(w.statuses());
  }

  @ParameterizedTest
  @MethodSource("io.vtsdk.model.testing.Fixtures#modules")
  void onlySystemArchivesAndCloses(VtModule module) {
    for (Transition t : Workflow.of(module).transitions()) {
      if (t.action() == Action.ARCHIVE || t.action() == Action.CLOSE) {
        assertThat(t.roles()).containsExactly(Role.SYSTEM);
      }
    }
  }

  @Test
  void ofReturnsTheSharedInstance() {
    assertThat(Workflow.of(VtModule.PRADO)).isSameAs(Workflow.of(VtModule.PRADO));
    assertThatThrownBy(() -> Workflow.of(null)).isInstanceOf(NullPointerException.class);
  }
}
