package io.vtsdk.model.nos;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.Coding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NomenclaturesTest {

  @ParameterizedTest(name = "{0} has {1} codes")
  @CsvSource({
    "R357, 25", "R358, 50", "J252, 16", "J253, 9", "J250, 29", "J251, 24", "J254, 24", "J264, 4", "R213, 60",
    "R240, 2", "G07, 9", "R02, 69", "FR_CORE_0445, 21"
  })
  void everyTableIsLoadedWithTheRowCountOfItsSource(NosTable table, int rows) {
    assertThat(Nomenclatures.get(table).size()).isEqualTo(rows);
  }

  @Test
  void lookupGivesDisplayAndStatus() {
    Concept c = Nomenclatures.get(NosTable.R357).lookup("47").orElseThrow();
    assertThat(c.display()).isEqualTo("Usager entré");
    assertThat(c.isActive()).isTrue();
    assertThat(Nomenclatures.get(NosTable.R358).lookup("90").orElseThrow().isActive()).isFalse();
    assertThat(Nomenclatures.get(NosTable.R357).lookup("999")).isEmpty();
    assertThat(Nomenclatures.get(NosTable.R357).lookup(null)).isEmpty();
  }

  @Test
  void quotedCsvFieldsAreRead() {
    assertThat(Nomenclatures.get(NosTable.R357).lookup("42").orElseThrow().display())
        .isEqualTo("Liste d'attente. En cours d'analyse, demande d'admission reçue dans l'ESMS");
  }

  @Test
  void valueSetCodesAreCodingsOfTheirCodeSystem() {
    Coding c = Nomenclatures.get(NosTable.J252).coding("47").orElseThrow();
    assertThat(c.system()).isEqualTo(NosTable.R357.url());
    assertThat(Nomenclatures.get(NosTable.J252).contains(c)).isTrue();
    assertThat(Nomenclatures.get(NosTable.J252).contains(Coding.of(NosTable.J252.url(), "47"))).isTrue();
    assertThat(Nomenclatures.get(NosTable.J252).contains(Coding.of(NosTable.R358.url(), "47"))).isFalse();
    assertThat(Nomenclatures.get(NosTable.J252).contains("180")).isFalse(); // a unit-level status
    assertThat(Nomenclatures.get(NosTable.J253).contains("180")).isTrue();
  }

  @Test
  void j264MixesCodeSystemsAndKeepsEachCodesSystem() {
    Nomenclature j264 = Nomenclatures.get(NosTable.J264);
    assertThat(j264.lookup("238").orElseThrow().system()).contains("tre-r397");
    assertThat(j264.lookup("238").orElseThrow().display()).isNull();
    assertThat(j264.lookup("46").orElseThrow().system()).isEqualTo(NosTable.R213.url());
  }

  @Test
  void tablesKeepTheirSource() {
    assertThat(NosTable.R357.oid()).isEqualTo("1.2.250.1.213.3.3.247");
    assertThat(NosTable.R357.version()).isEqualTo("20231215120000");
    assertThat(NosTable.J254.url()).startsWith("https://mos.esante.gouv.fr/NOS/JDV_J254");
  }

  @Test
  void ass_a32HasSeventySixPairsOnTheTenStatusesThatTakeMotifs() {
    StatusMotifMap a32 = Nomenclatures.statusMotifs();
    assertThat(a32.pairs()).hasSize(76);
    assertThat(a32.statusesWithMotifs())
        .containsExactlyInAnyOrder("37", "41", "45", "46", "49", "51", "54", "180", "181", "188");
    assertThat(a32.isAllowed("45", "86")).isTrue();
    assertThat(a32.isAllowed("47", "86")).isFalse();
    assertThat(a32.motifsFor("47")).isEmpty();
    for (Map.Entry<String, String> p : a32.pairs()) {
      assertThat(Nomenclatures.get(NosTable.R357).contains(p.getKey())).as(p.toString()).isTrue();
      assertThat(Nomenclatures.get(NosTable.R358).contains(p.getValue())).as(p.toString()).isTrue();
    }
  }

  /** The reading of the tables: 100 with 49, and 92/93/172 with 51, are in A32 but not in J251. */
  @Test
  void a32PairsThatJ251LacksAreListedByValueSet() {
    List<StatusMotifMap.Conflict> conflicts = Nomenclatures.statusMotifs().valueSetConflicts();
    assertThat(conflicts).filteredOn(c -> c.valueSet() == NosTable.J251)
        .extracting(c -> c.status() + "/" + c.motif())
        .contains("49/100", "51/92", "51/93", "51/172");
    for (StatusMotifMap.Conflict c : conflicts) {
      assertThat(Nomenclatures.statusMotifs().isAllowed(c.status(), c.motif())).isTrue();
      assertThat(Nomenclatures.get(c.valueSet()).contains(c.motif())).isFalse();
      assertThat(c.describe()).contains("status " + c.status()).contains("motif " + c.motif());
    }
  }
}
