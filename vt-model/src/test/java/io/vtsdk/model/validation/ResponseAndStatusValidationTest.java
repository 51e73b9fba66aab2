package io.vtsdk.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.Coding;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.Concept;
import io.vtsdk.model.nos.Nomenclature;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.nos.StatusMotifMap;
import io.vtsdk.model.request.PradoNonAdhesionMotif;
import io.vtsdk.model.request.RefusalMotif;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResponseAndStatusValidationTest {
  static final DossierValidator VALIDATOR = DossierValidator.builder().build();

  ValidationReport check(Object o) {
    return VALIDATOR.validate(o, Stage.DRAFT);
  }

  // ---- responses

  @Test
  void commentIsLimitedTo500Characters() {
    assertThat(check(Response.of(ResponseKind.PRADO_ADHESION, null, "x".repeat(500), Fixtures.NOW)).isValid())
        .isTrue();
    ValidationReport r = check(Response.of(ResponseKind.PRADO_ADHESION, null, "x".repeat(501), Fixtures.NOW));
    assertThat(r.codesAt("/comment")).containsExactly("comment.size");
    assertThat(r.violations().get(0).message()).contains("500");
  }

  @Test
  void nonAdhesionNeedsAMotifFromItsList() {
    assertThat(check(Response.of(ResponseKind.PRADO_NON_ADHESION, null, null, Fixtures.NOW)).codesAt("/motif"))
        .containsExactly("response.motifRequired");
    assertThat(check(Response.of(ResponseKind.PRADO_NON_ADHESION, RefusalMotif.PAS_DE_PLACE, null, Fixtures.NOW))
        .codesAt("/motif")).containsExactly("response.motifUnknown");
    assertThat(check(new Response(ResponseKind.PRADO_NON_ADHESION,
        Coding.of(PradoNonAdhesionMotif.SYSTEM, "NOPE"), null, null, Fixtures.NOW, null)).codesAt("/motif"))
        .containsExactly("response.motifUnknown");
    assertThat(check(Response.of(ResponseKind.PRADO_NON_ADHESION, PradoNonAdhesionMotif.REFUS_PATIENT, null,
        Fixtures.NOW)).isValid()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(PradoNonAdhesionMotif.class)
  void onlyAutreNeedsAPrecision(PradoNonAdhesionMotif motif) {
    ValidationReport r = check(Response.of(ResponseKind.PRADO_NON_ADHESION, motif, null, Fixtures.NOW));
    if (motif == PradoNonAdhesionMotif.AUTRE) {
      assertThat(r.codesAt("/comment")).containsExactly("response.precisionRequired");
      assertThat(check(Response.of(ResponseKind.PRADO_NON_ADHESION, motif, "Hospitalisé ailleurs", Fixtures.NOW))
          .isValid()).isTrue();
    } else {
      assertThat(r.isValid()).isTrue();
    }
  }

  @Test
  void acceptanceTakesNoMotif() {
    assertThat(check(Response.of(ResponseKind.ACCEPTED, RefusalMotif.AUTRE, "x", Fixtures.NOW)).codesAt("/motif"))
        .containsExactly("response.motifNotExpected");
  }

  // ---- ESMS statuses (SDO) against ASS_A32

  static EsmsStatus esms(String status, String motif) {
    return new EsmsStatus("1" + "690000013", "IME Les Tilleuls", Coding.of(NosTable.R357.url(), status),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), Fixtures.TODAY, null, null, null, null,
        "MDPH69-2026-0042", null);
  }

  static EsmsStatus unit(String status, String motif) {
    return new EsmsStatus("1" + "690000013", "IME Les Tilleuls", Coding.of(NosTable.R357.url(), "47"), null,
        Fixtures.TODAY, "ROR-U-1", Coding.of(NosTable.R357.url(), status),
        motif == null ? null : Coding.of(NosTable.R358.url(), motif), Fixtures.TODAY, "MDPH69-2026-0042", null,
        "Internat", Coding.of(CATEGORY_SYSTEM, "01"), null, null, Coding.of(NosTable.R213.url(), "47"), null);
  }

  static final String CATEGORY_SYSTEM = "https://mos.esante.gouv.fr/NOS/JDV_J34-CategorieOrganisation-ROR/FHIR/"
      + "JDV-J34-CategorieOrganisation-ROR";

  @Test
  void aUnitStatusNeedsTheUnitsDescriptionAndAnAllowedModeOfCare() {
    EsmsStatus bare = new EsmsStatus("1690000013", "IME", Coding.of(NosTable.R357.url(), "47"), null, Fixtures.TODAY,
        null, Coding.of(NosTable.R357.url(), "182"), null, null, "D1", null);
    ValidationReport r = check(bare);
    for (String path : new String[] {"/rorUnitId", "/unitName", "/unitCategory", "/careMode", "/unitStatusDate"}) {
      assertThat(r.codesAt(path)).as(path).containsExactly("esms.unitStatusNeeds");
    }
    EsmsStatus u = unit("182", null);
    EsmsStatus day = new EsmsStatus(u.idNatStruct(), u.esmsName(), u.status(), u.motif(), u.statusDate(),
        u.rorUnitId(), u.unitStatus(), u.unitMotif(), u.unitStatusDate(), u.idDecision(), u.idNatDecision(),
        u.unitName(), u.unitCategory(), u.reception(), u.sequentialReception(), Coding.of(NosTable.R213.url(), "12"),
        u.rightType());
    assertThat(check(day).codesAt("/careMode")).containsExactly("esms.careMode");
    assertThat(check(u).violations()).isEmpty();
  }

  @Test
  void everyAss_a32PairIsAcceptedAtItsLevel() {
    Nomenclature j252 = Nomenclatures.get(NosTable.J252);
    Nomenclature j253 = Nomenclatures.get(NosTable.J253);
    int checked = 0;
    for (Map.Entry<String, String> pair : Nomenclatures.statusMotifs().pairs()) {
      EsmsStatus s = j252.contains(pair.getKey()) ? esms(pair.getKey(), pair.getValue())
          : unit(pair.getKey(), pair.getValue());
      assertThat(j252.contains(pair.getKey()) || j253.contains(pair.getKey())).as(pair.toString()).isTrue();
      assertThat(check(s).violations()).as(pair.toString()).isEmpty();
      checked++;
    }
    assertThat(checked).isEqualTo(76);
  }

  @Test
  void everyUnpairedEsmsStatusMotifCombinationIsRefused() {
    StatusMotifMap a32 = Nomenclatures.statusMotifs();
    int refused = 0;
    for (Concept status : Nomenclatures.get(NosTable.J252).concepts()) {
      for (Concept motif : Nomenclatures.get(NosTable.J251).concepts()) {
        if (a32.isAllowed(status.code(), motif.code())) {
          continue;
        }
        ValidationReport r = check(esms(status.code(), motif.code()));
        assertThat(r.codesAt("/motif")).as(status.code() + "/" + motif.code())
            .containsExactly(a32.motifsFor(status.code()).isEmpty() ? "esms.motifNotExpected" : "esms.motifNotPaired");
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(300);
  }

  @Test
  void statusesMustBelongToTheirValueSets() {
    ValidationReport r = check(esms("182", null)); // a unit status used at ESMS level
    assertThat(r.codesAt("/status")).containsExactly("code.unknown");
    assertThat(r.violations().get(0).message()).isEqualTo("n'est pas un code de la nomenclature J252");
    assertThat(check(unit("47", null)).codesAt("/unitStatus")).containsExactly("code.unknown");
  }

  @Test
  void unitMotifNeedsAUnitStatusAndIdNatStructIsChecked() {
    EsmsStatus s = new EsmsStatus("2690000013", null, Coding.of(NosTable.R357.url(), "47"), null, Fixtures.TODAY,
        null, null, Coding.of(NosTable.R358.url(), "84"), null, "D1", null);
    ValidationReport r = check(s);
    assertThat(r.codesAt("/unitStatus")).containsExactly("esms.unitMotifWithoutStatus");
    assertThat(r.codesAt("/idNatStruct")).containsExactly("idNatStruct.format");
  }
}
