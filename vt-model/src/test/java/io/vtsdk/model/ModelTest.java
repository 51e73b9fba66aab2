package io.vtsdk.model;

import io.vtsdk.model.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.directory.Structure;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.identity.Siret;
import io.vtsdk.model.identity.VigilanceAttribute;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.patient.TreatingDoctor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void toStringOfIdentityBearingTypesPrintsNoIdentityTrait() {
    Patient p = Fixtures.adult();
    List<String> printed = List.of(p.toString(), p.ins().toString(), p.address().toString(),
        Fixtures.child(LocalDate.of(2016, 3, 14)).legalRepresentative().toString(), Fixtures.prado().toString(),
        Fixtures.medical().toString(), Fixtures.adminSocial().toString(), Fixtures.care().toString());
    for (String s : printed) {
      assertThat(s).doesNotContain(p.ins().number().value(), "MARTIN", "Claire", "BERNARD", "1948", "05-02",
          "République", "69002", "LEROY", "Décompensation", "Rééducation");
    }
  }

  @Test
  void collectionsAreUnmodifiableCopies() {
    java.util.Set<VigilanceAttribute> given = new java.util.HashSet<>(Set.of(VigilanceAttribute.HOMONYME_DETECTE));
    Patient p = Patient.builder().vigilance(given).build();
    given.add(VigilanceAttribute.IDENTITE_DOUTEUSE);
    assertThat(p.vigilance()).containsExactly(VigilanceAttribute.HOMONYME_DETECTE);
    assertThatThrownBy(() -> p.vigilance().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void orientationEnforcesItsStructure() {
    assertThatThrownBy(() -> new Orientation(VtModule.PRADO, TargetKind.SMR, null, null, null, null))
        .hasMessageContaining("Orientation target SMR belongs to module SANITAIRE, not PRADO");
    assertThatThrownBy(() -> new Orientation(VtModule.SANITAIRE, TargetKind.HAD, SmrMention.GERIATRIE, null, null,
        null)).hasMessageContaining("only for target SMR");
    assertThat(Orientation.smr(SmrMention.CARDIO_VASCULAIRE, List.of("Adultes", "Cardiologie")).synthesis())
        .isEqualTo("Adultes > Cardiologie");
    assertThatThrownBy(() -> Dossier.builder(DossierId.of("X"), VtModule.TND)
        .orientation(Orientation.of(TargetKind.EHPAD)).build())
        .hasMessageContaining("is a TND dossier but its orientation is GRAND_AGE");
  }

  @Test
  void everyModuleAndTndAgeBandIsExpressible() {
    for (VtModule m : VtModule.values()) {
      assertThat(Set.of(TargetKind.values())).anyMatch(t -> t.module() == m);
    }
    assertThat(TargetKind.PCO_0_6.module()).isEqualTo(VtModule.TND);
    assertThat(TargetKind.PCO_7_12.module()).isEqualTo(VtModule.TND);
    assertThat(PradoVolet.values()).hasSize(6);
  }

  @Test
  void sectionInfoVersionAndTimeGoTogether() {
    assertThatThrownBy(() -> new SectionInfo(null, 1, null)).hasMessageContaining("needs validatedAt");
    assertThatThrownBy(() -> new SectionInfo(null, 0, Fixtures.NOW)).hasMessageContaining("validatedVersion is 0");
    assertThat(SectionInfo.draft(null).isValidated()).isFalse();
  }

  @Test
  void treatingDoctorIsEitherNoneOrADoctor() {
    assertThat(TreatingDoctor.absent().none()).isTrue();
    assertThatThrownBy(() -> new TreatingDoctor(true, Fixtures.doctor())).hasMessageContaining("keep one");
    assertThatThrownBy(() -> new TreatingDoctor(false, null)).hasMessageContaining("TreatingDoctor.absent()");
  }

  @Test
  void structureIdNatUsesFinessElseSiret() {
    Structure withFiness = new Structure(Finess.parse("750712184"), null, null, null, "AP-HP", Departement.of("75"),
        Set.of(VtModule.SANITAIRE));
    assertThat(withFiness.idNat()).isEqualTo("1750712184");
    Structure withSiret = new Structure(null, null, new Siret(Fixtures.withLuhn("7328293200007")), null, "SAAD",
        null, null);
    assertThat(withSiret.idNat()).startsWith("373282932");
    assertThatThrownBy(() -> new Structure(null, null, null, null, "X", null, null))
        .hasMessageContaining("needs a FINESS géographique or a SIRET");
  }

  @Test
  void unitRoundTripsAndKnowsItsPradoConventions() {
    Unit u = Unit.builder(UnitId.of("U-CARDIO-HCL"), "Cardiologie HCL")
        .structure(Finess.parse("750712184"))
        .departement(Departement.of("69"))
        .modules(Set.of(VtModule.PRADO, VtModule.SANITAIRE))
        .pradoVolets(Set.of(PradoVolet.INSUFFISANCE_CARDIAQUE, PradoVolet.BPCO))
        .coveredDepartements(Set.of(Departement.of("69"), Departement.of("01")))
        .modalities(Set.of(Nomenclatures.get(NosTable.R213).coding("46").orElseThrow()))
        .capacity(30)
        .build();
    assertThat(u.hasPradoConvention(PradoVolet.BPCO)).isTrue();
    assertThat(u.hasPradoConvention(PradoVolet.AVC)).isFalse();
    assertThat(VtJson.fromJson(VtJson.toJson(u), Unit.class)).isEqualTo(u);
    assertThat(VtJson.toJson(u)).contains("\"coveredDepartements\":[\"01\",\"69\"]");
    assertThat(u.toBuilder().build()).isEqualTo(u);
  }

  @Test
  void mdphDecisionValidityIsInclusive() {
    MdphDecision d = Fixtures.mdphDecision();
    assertThat(d.isValidOn(d.validFrom())).isTrue();
    assertThat(d.isValidOn(d.validTo())).isTrue();
    assertThat(d.isValidOn(d.validTo().plusDays(1))).isFalse();
    assertThat(d.isValidOn(d.validFrom().minusDays(1))).isFalse();
    assertThat(d.allowsCategory("183")).isTrue();
    assertThatThrownBy(() -> new MdphDecision("X", null, List.of(), List.of(), LocalDate.of(2026, 2, 1),
        LocalDate.of(2026, 1, 1))).hasMessageContaining("is before validFrom");
    assertThat(VtJson.fromJson(VtJson.toJson(d), MdphDecision.class)).isEqualTo(d);
  }

  @Test
  void patientAgeAndMinority() {
    Patient child = Fixtures.child(LocalDate.of(2016, 3, 14));
    assertThat(child.isMinorOn(Fixtures.TODAY)).isTrue();
    assertThat(child.isMinorOn(LocalDate.of(2034, 3, 14))).isFalse();
    assertThat(Patient.builder().build().ageOn(Fixtures.TODAY)).isEqualTo(-1);
  }
}
