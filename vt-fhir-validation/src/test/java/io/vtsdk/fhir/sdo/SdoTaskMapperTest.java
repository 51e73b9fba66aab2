package io.vtsdk.fhir.sdo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.validation.FhirValidationReport;
import io.vtsdk.fhir.validation.SdoValidator;
import io.vtsdk.model.Coding;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.NosTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StringType;
import java.util.List;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SdoTaskMapperTest {
  static final Instant UPDATED = Instant.parse("2026-11-23T10:15:30Z");
  static SdoValidator validator;

  @BeforeAll
  static void build() {
    validator = SdoValidator.create();
  }

  static String example(String name) throws IOException {
    try (InputStream in = SdoTaskMapperTest.class.getResourceAsStream("/sdo-examples/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static EsmsStatus withUnit() {
    return new EsmsStatus("1690000013", "IME Les Érables", Coding.of(NosTable.R357.url(), "47"), null,
        LocalDate.of(2026, 11, 2), "ROR-U-183", Coding.of(NosTable.R357.url(), "182"), null,
        LocalDate.of(2026, 11, 3), "MDPH69-2026-0042", "SDO-2026-000042", "Internat garçons",
        Coding.of(SdoCodes.J34_CATEGORIE_ORGANISATION, "03"), Coding.of(NosTable.R240.url(), "01"), Boolean.FALSE,
        Coding.of(NosTable.R213.url(), "46"), null);
  }

  static EsmsStatus esmsLevel(String status, String motif) {
    return new EsmsStatus("1690000013", "IME Les Érables", Coding.of(NosTable.R357.url(), status),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), LocalDate.of(2026, 11, 2), null, null, null,
        null, "MDPH69-2026-0042", "SDO-2026-000042");
  }

  /** Bindings are checked: a code outside J252 is an error; an ASS_A32 pair that J251 lacks is a named warning. */
  @Test
  void theStatusAndMotifBindingsAreChecked() {
    assertThat(validator.validate(SdoTaskMapper.toTask(esmsLevel("42", null), UPDATED)).errors()).isEmpty();
    FhirValidationReport unitStatus = validator.validate(SdoTaskMapper.toTask(esmsLevel("186", null), UPDATED));
    assertThat(unitStatus.errors()).as("186 is a unit-level status, not in J252")
        .anySatisfy(e -> assertThat(e.message()).contains("J252"));
    for (String[] pair : new String[][] {{"51", "92"}, {"51", "93"}, {"51", "172"}, {"49", "100"}}) {
      Task task = SdoTaskMapper.toTask(esmsLevel(pair[0], pair[1]), UPDATED);
      for (FhirValidationReport report : List.of(validator.validate(task), validator.validate(VtFhir.toJson(task)))) {
        assertThat(report.errors()).as(pair[0] + "/" + pair[1]).isEmpty();
        assertThat(report.issues()).anySatisfy(w -> {
          assertThat(w.severity()).isEqualTo(io.vtsdk.fhir.validation.FhirIssue.Severity.WARNING);
          assertThat(w.message()).contains("ASS_A32 pairs status " + pair[0] + " with motif " + pair[1])
              .contains("J251");
        });
      }
    }
    FhirValidationReport notInJ251 = validator.validate(SdoTaskMapper.toTask(esmsLevel("45", "999"), UPDATED));
    assertThat(notInJ251.errors()).as("not an A32 pair: the binding error stays").isNotEmpty();
  }

  /**
   * Every ASS_A32 pair, at its level (ESMS statuses of J252, unit statuses of J253), becomes a Task that reads back
   * the same and has no error; the pairs J250/J251 lack carry their named warning.
   */
  @Test
  void everyA32PairRoundTripsThroughTheTask() {
    java.util.Set<String> conflicts = new java.util.HashSet<>();
    io.vtsdk.model.nos.Nomenclatures.statusMotifs().valueSetConflicts()
        .forEach(c -> conflicts.add(c.status() + "/" + c.motif()));
    int checked = 0;
    for (java.util.Map.Entry<String, String> pair : io.vtsdk.model.nos.Nomenclatures.statusMotifs().pairs()) {
      EsmsStatus s;
      if (io.vtsdk.model.nos.Nomenclatures.get(NosTable.J252).contains(pair.getKey())) {
        s = esmsLevel(pair.getKey(), pair.getValue());
      } else {
        EsmsStatus u = withUnit();
        s = new EsmsStatus(u.idNatStruct(), u.esmsName(), Coding.of(NosTable.R357.url(), "47"), null,
            u.statusDate(), u.rorUnitId(), Coding.of(NosTable.R357.url(), pair.getKey()),
            Coding.of(NosTable.R358.url(), pair.getValue()), u.unitStatusDate(), u.idDecision(), u.idNatDecision(),
            u.unitName(), u.unitCategory(), u.reception(), u.sequentialReception(), u.careMode(), u.rightType());
      }
      Task task = SdoTaskMapper.toTask(s, UPDATED);
      EsmsStatus back = SdoTaskMapper.fromTask(VtFhir.parse(VtFhir.toJson(task), Task.class));
      String name = pair.getKey() + "/" + pair.getValue();
      assertThat(back.status().code() + back.motif() + back.unitStatus() + back.unitMotif()).as(name)
          .isEqualTo(s.status().code() + s.motif() + s.unitStatus() + s.unitMotif());
      FhirValidationReport report = validator.validate(task);
      assertThat(report.errors()).as(name).isEmpty();
      assertThat(report.issues().stream().anyMatch(i -> i.message().contains("ASS_A32 pairs status " + pair.getKey()
          + " with motif " + pair.getValue()))).as(name).isEqualTo(conflicts.contains(name));
      checked++;
    }
    assertThat(checked).isEqualTo(io.vtsdk.model.nos.Nomenclatures.statusMotifs().pairs().size()).isGreaterThan(70);
  }

  @Test
  void aStatusWithItsUnitIsAValidSdoTaskAndReadsBackTheSame() {
    Task task = SdoTaskMapper.toTask(withUnit(), UPDATED);
    FhirValidationReport report = validator.validate(task);
    assertThat(report.errors()).isEmpty();
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.PLAN);
    assertThat(task.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SdoProfiles.SDO_TASK);
    assertThat(task.getInput()).extracting(i -> i.getType().getText()).containsExactly("idNat_Struct", "nomESMS",
        "statutESMS", "dateStatutESMS", "idUnite", "nomUnite", "categorieOrganisation", "temporaliteAccueil",
        "accueilSequentiel", "modePriseCharge", "statutUnite", "dateStatutUnite", "idDecision", "idNat_Decision");
    String json = VtFhir.toJson(task);
    assertThat(json).contains("\"valueIdentifier\":{\"use\":\"official\",\"value\":\"SDO-2026-000042\"}");
    Task back = VtFhir.parse(json, Task.class);
    assertThat(SdoTaskMapper.fromTask(back)).isEqualTo(withUnit());
    assertThat(SdoTaskMapper.lastUpdated(back)).isEqualTo(UPDATED);
  }

  @Test
  void theSdoInvariantsAreEnforcedByTheValidator() {
    EsmsStatus s = withUnit();
    EsmsStatus noUnitName = new EsmsStatus(s.idNatStruct(), s.esmsName(), s.status(), s.motif(), s.statusDate(),
        s.rorUnitId(), s.unitStatus(), s.unitMotif(), s.unitStatusDate(), s.idDecision(), s.idNatDecision(), null,
        s.unitCategory(), s.reception(), s.sequentialReception(), s.careMode(), s.rightType());
    assertThat(validator.validate(SdoTaskMapper.toTask(noUnitName, UPDATED)).hasErrorAbout("regle-StatutUnite"))
        .isTrue();
    EsmsStatus dayCare = new EsmsStatus(s.idNatStruct(), s.esmsName(), s.status(), s.motif(), s.statusDate(),
        s.rorUnitId(), s.unitStatus(), s.unitMotif(), s.unitStatusDate(), s.idDecision(), s.idNatDecision(),
        s.unitName(), s.unitCategory(), s.reception(), s.sequentialReception(),
        Coding.of(NosTable.R213.url(), "12"), s.rightType());
    assertThat(validator.validate(SdoTaskMapper.toTask(dayCare, UPDATED)).hasErrorAbout("regle-ModePriseEnCharge"))
        .isTrue();
  }

  @Test
  void theIgsExampleTaskIsReadDespiteItsDeviations() throws IOException {
    EsmsStatus s = SdoTaskMapper.fromTask(VtFhir.parse(example("SDOTask"), Task.class));
    assertThat(s.idNatStruct()).isEqualTo("value idNat_Struct"); // valueString where the profile says Identifier
    assertThat(s.status().code()).isEqualTo("48");
    assertThat(s.statusDate()).isEqualTo(LocalDate.of(2012, 10, 25));
    assertThat(s.unitStatus().code()).isEqualTo("188");
    assertThat(s.unitMotif().code()).isEqualTo("89");
    assertThat(s.careMode().code()).isEqualTo("47");
    assertThat(s.sequentialReception()).isTrue();
    assertThat(s.reception()).isNull(); // a coding with a display only
    assertThat(s.rightType()).isNull();
    assertThat(s.rorUnitId()).isEqualTo("IdNat_Decision");
    assertThat(s.idDecision()).isEqualTo("IdDecision");
    assertThat(s.idNatDecision()).isEqualTo("IdNat_Decision");

    Bundle bundle = VtFhir.parse(example("SDOBundleResultatRechercheNotificationESMS"), Bundle.class);
    assertThat(bundle.getEntry()).extracting(e -> SdoTaskMapper.fromTask((Task) e.getResource()).status().code())
        .hasSize(bundle.getEntry().size());
  }

  @Test
  void writingIsStrictAboutTheRequiredSlices() {
    EsmsStatus s = withUnit();
    EsmsStatus noName = new EsmsStatus(s.idNatStruct(), null, s.status(), s.motif(), s.statusDate(), null, null,
        null, null, s.idDecision(), s.idNatDecision());
    assertThatThrownBy(() -> SdoTaskMapper.toTask(noName, UPDATED)).isInstanceOf(FhirMappingException.class)
        .hasMessage("Task.input:nomESMS: required (1..1) by sdo-task; the status has no value for it");
    EsmsStatus noNatId = new EsmsStatus(s.idNatStruct(), "IME", s.status(), null, s.statusDate(), null, null, null,
        null, s.idDecision(), null);
    assertThatThrownBy(() -> SdoTaskMapper.toTask(noNatId, UPDATED))
        .extracting(e -> ((FhirMappingException) e).element()).isEqualTo("Task.input:idNat_Decision");
  }

  @Test
  void readingRefusesMissingDuplicatedOrMistypedSlicesNamingTheElement() {
    Task ok = SdoTaskMapper.toTask(withUnit(), UPDATED);

    Task missing = ok.copy();
    missing.getInput().removeIf(i -> "statutESMS".equals(i.getType().getText()));
    assertThatThrownBy(() -> SdoTaskMapper.fromTask(missing)).isInstanceOf(FhirMappingException.class)
        .hasMessage("Task.input:statutESMS: required (1..1) by sdo-task");

    Task twice = ok.copy();
    twice.addInput(ok.getInputFirstRep().copy());
    assertThatThrownBy(() -> SdoTaskMapper.fromTask(twice)).hasMessageContaining("Task.input:idNat_Struct: appears twice");

    Task mistyped = ok.copy();
    mistyped.getInput().stream().filter(i -> "dateStatutESMS".equals(i.getType().getText())).findFirst()
        .orElseThrow().setValue(new StringType("2026-11-02"));
    assertThatThrownBy(() -> SdoTaskMapper.fromTask(mistyped))
        .hasMessage("Task.input:dateStatutESMS.value[x]: must be a full date (YYYY-MM-DD), was string");

    Task extra = ok.copy();
    extra.addInput().setValue(new StringType("x")).getType().setText("autreChose");
    assertThat(SdoTaskMapper.fromTask(extra)).isEqualTo(withUnit()); // open slicing
  }

  @Test
  void badJsonIsATypedErrorThatDoesNotEchoTheValue() {
    assertThatThrownBy(() -> VtFhir.parse("{\"resourceType\":\"Task\",\"status\":\"1 85 05 78 006 084 36\"}",
        Task.class)).isInstanceOf(FhirMappingException.class).hasMessageStartingWith("Task: not valid FHIR R4 JSON")
        .hasMessageNotContaining("1 85 05");
  }
}
