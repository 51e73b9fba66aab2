package io.vtsdk.model.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.IllegalTransitionException;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HNP, the module described as data: everything below comes from its descriptor. */
class HnpModuleTest {
  private static final ModuleDescriptor.Messages CODES = code -> code;
  private static final Instant NOW = Fixtures.NOW;
  private final ModuleDescriptor hnp = VtModules.of(VtModule.HNP);

  @Test
  void isRegisteredLikeTheOthersAndFoundByEveryLookUp() {
    assertThat(VtModules.all()).extracting(ModuleDescriptor::module).containsExactly(VtModule.values());
    assertThat(hnp).isInstanceOf(HnpModule.class);
    assertThat(Workflow.of(VtModule.HNP)).isSameAs(hnp.workflow());
    assertThat(TargetKind.SPECIALTY_SERVICE.module()).isEqualTo(VtModule.HNP);
    assertThat(ResponseKind.ACCEPTED.modules()).containsExactlyInAnyOrder(VtModule.SANITAIRE, VtModule.GRAND_AGE,
        VtModule.HNP);
    assertThat(ResponseKind.REDIRECTED.modules()).containsExactly(VtModule.HNP);
    assertThat(ResponseKind.WAITING_LIST.modules()).doesNotContain(VtModule.HNP);
  }

  @Test
  void theServiceAcceptsRefusesOrRedirectsAndTheRequesterConfirmsOrCancels() {
    Workflow w = hnp.workflow();
    assertThat(w.start(Role.REQUESTER)).isEqualTo(RequestStatus.SENT);
    assertThat(w.availableActions(RequestStatus.SENT, Role.RECEIVER))
        .containsExactlyInAnyOrder(Action.READ, Action.ACCEPT, Action.REFUSE, Action.ORIENT_ELSEWHERE);
    assertThat(w.apply(RequestStatus.READ, Action.ORIENT_ELSEWHERE, Role.RECEIVER))
        .isEqualTo(RequestStatus.ORIENTED_ELSEWHERE);
    assertThat(w.apply(RequestStatus.ACCEPTED, Action.CONFIRM_ADMISSION, Role.REQUESTER))
        .isEqualTo(RequestStatus.ADMISSION_CONFIRMED);
    assertThat(w.availableActions(RequestStatus.ACCEPTED, Role.REQUESTER))
        .containsExactlyInAnyOrder(Action.CONFIRM_ADMISSION, Action.CANCEL);
    assertThatThrownBy(() -> w.apply(RequestStatus.SENT, Action.PLACE_ON_WAITING_LIST, Role.RECEIVER))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("HNP");
    assertThatThrownBy(() -> w.start(Role.USAGER)).isInstanceOf(IllegalTransitionException.class);
    assertThat(w.find(RequestStatus.READ, Action.ARCHIVE, Role.SYSTEM)).isPresent();
    assertThat(w.isTerminal(RequestStatus.ORIENTED_ELSEWHERE)).isTrue();
  }

  @Test
  void anAcceptanceGivesAnAdmissionTimeWithinTheNextTwoDays() {
    assertThat(codes(accepted(null))).containsExactly("/admissionAt hnp.admissionAt.required");
    assertThat(codes(accepted(NOW.minus(Duration.ofHours(1))))).containsExactly("/admissionAt hnp.admissionAt.past");
    assertThat(codes(accepted(NOW.plus(HnpModule.MAX_ADMISSION_DELAY).plusSeconds(1))))
        .containsExactly("/admissionAt hnp.admissionAt.tooLate");
    assertThat(codes(accepted(NOW.plus(Duration.ofHours(2))))).isEmpty();
    assertThat(codes(accepted(NOW.plus(HnpModule.MAX_ADMISSION_DELAY)))).as("the bound is included").isEmpty();
    assertThat(codes(Response.of(ResponseKind.REFUSED, null, null, null))).as("other kinds: common checks only")
        .isEmpty();
  }

  @Test
  void aRedirectionNamesTheServiceInItsComment() {
    assertThat(codes(Response.of(ResponseKind.REDIRECTED, null, " ", null)))
        .containsExactly("/comment hnp.redirect.comment");
    assertThat(codes(Response.of(ResponseKind.REDIRECTED, null, "Voir la pneumologie du CH de Narbonne", null)))
        .isEmpty();
  }

  @Test
  void answersAreDueInHoursNotDays() {
    assertThat(hnp.archiveAfter(Duration.ofDays(30))).isEqualTo(HnpModule.ANSWER_WITHIN);
    assertThat(hnp.archiveAfter(Duration.ofMinutes(5))).as("a shorter server delay wins")
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(VtModules.of(VtModule.SANITAIRE).archiveAfter(Duration.ofDays(30))).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void theValidatorAsksTheDescriptorWhatADossierNeeds() {
    DossierValidator validator = DossierValidator.builder().build();
    assertThat(validator.validate(Fixtures.hnp(), Stage.SUBMISSION).violations()).isEmpty();
    Dossier bare = Fixtures.hnp().toBuilder().medical(null).requestType(null).build();
    assertThat(validator.validate(bare, Stage.SUBMISSION).violations()).extracting(Violation::path)
        .contains("/medical", "/requestType");
    assertThat(validator.validate(bare, Stage.DRAFT).isValid()).as("a draft may be incomplete").isTrue();
  }

  @Test
  void itsDemoUnitsReceiveItsTargetOnly() {
    assertThat(hnp.demoUnits()).isNotEmpty().allSatisfy(u -> {
      assertThat(u.modules()).containsExactly(VtModule.HNP);
      assertThat(u.targetKinds()).containsExactly(TargetKind.SPECIALTY_SERVICE);
    });
    assertThat(hnp.demoUnits()).extracting(u -> u.departement().code()).containsOnly("11", "34");
    assertThat(hnp.routing(Fixtures.hnp(), null, hnp.demoUnits().get(0), Fixtures.TODAY, "/units/0", CODES))
        .isEmpty();
  }

  private List<String> codes(Response r) {
    return hnp.checkResponse(r, NOW, CODES).stream().map(v -> v.path() + " " + v.code()).toList();
  }

  private static Response accepted(Instant admissionAt) {
    return new Response(ResponseKind.ACCEPTED, null, null, null, null, null, admissionAt);
  }
}
