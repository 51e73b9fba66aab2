package io.vtsdk.model.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module descriptors' own routing constraints, without a core. */
class DescriptorsTest {
  private static final ModuleDescriptor.Messages CODES = code -> code;

  @Test
  void vtOffersTheSevenToTwelveFormOnlySince2023() {
    Dossier d = Fixtures.tnd().toBuilder().orientation(Orientation.of(TargetKind.PCO_7_12)).build();
    Unit pco = Unit.builder(UnitId.of("PCO"), "PCO").modules(Set.of(VtModule.TND))
        .targetKinds(Set.of(TargetKind.PCO_0_6, TargetKind.PCO_7_12)).build();
    ModuleDescriptor tnd = VtModules.of(VtModule.TND);
    List<Violation> before = tnd.routing(d, null, pco, LocalDate.of(2022, 12, 31), "/units/0", CODES);
    assertThat(before).extracting(v -> v.path() + " " + v.code()).containsExactly("/units/0 routing.tnd.form-7-12");
    assertThat(tnd.routing(d, null, pco, Descriptors.Tnd.FORM_7_12_SINCE, "/units/0", CODES)).isEmpty();
    Dossier younger = d.toBuilder().orientation(Orientation.of(TargetKind.PCO_0_6)).build();
    assertThat(tnd.routing(younger, null, pco, LocalDate.of(2022, 12, 31), "/units/0", CODES))
        .as("the 0–6 form was there from the start").isEmpty();
  }

  @Test
  void anSmrUnitDescribedWithMentionsReceivesOnlyItsMentionsOrAnyAdultOneWhenPolyvalent() {
    Dossier cardio = Fixtures.sanitaire(); // oriented to the cardio-vascular mention
    ModuleDescriptor sanitaire = VtModules.of(VtModule.SANITAIRE);
    LocalDate on = Fixtures.TODAY;
    assertThat(sanitaire.routing(cardio, null, smr(SmrMention.LOCOMOTEUR), on, "/units/0", CODES))
        .extracting(Violation::code).containsExactly("routing.smr.mention");
    assertThat(sanitaire.routing(cardio, null, smr(SmrMention.CARDIO_VASCULAIRE), on, "/units/0", CODES)).isEmpty();
    assertThat(sanitaire.routing(cardio, null, smr(SmrMention.POLYVALENT), on, "/units/0", CODES)).isEmpty();
    assertThat(sanitaire.routing(cardio, null, smr(), on, "/units/0", CODES)).as("not described").isEmpty();
    Dossier child = cardio.toBuilder().orientation(Orientation.smr(SmrMention.PEDIATRIE, List.of())).build();
    assertThat(sanitaire.routing(child, null, smr(SmrMention.POLYVALENT), on, "/units/0", CODES))
        .extracting(Violation::code).containsExactly("routing.smr.mention");
  }

  private static Unit smr(SmrMention... mentions) {
    return Unit.builder(UnitId.of("SMR"), "SMR").modules(Set.of(VtModule.SANITAIRE))
        .targetKinds(Set.of(TargetKind.SMR)).smrMentions(Set.of(mentions)).build();
  }
}
