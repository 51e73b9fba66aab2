package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DossierFactsTest {
  static final RuleEngine ENGINE = RuleEngine.standard();

  static final Unit CARDIO = Unit.builder(UnitId.of("U-CARDIO-HCL"), "Cardiologie")
      .pradoVolets(Set.of(PradoVolet.INSUFFISANCE_CARDIAQUE)).build();

  @Test
  void pradoFixtureIsEligibleWithItsUnitAndDirectory() {
    Dossier d = Fixtures.prado();
    Facts facts = DossierFacts.of(d).requestingUnit(CARDIO).knownCpamCodes(Set.of("691")).build();
    Decision decision = ENGINE.evaluate(Target.of(d.orientation()), facts, Fixtures.TODAY);
    assertThat(decision.result()).isEqualTo(Decision.Result.ELIGIBLE);
    assertThat(decision.flags()).containsExactly("prado.priority.volet"); // the fixture has no admin & social section
  }

  @Test
  void withoutTheDirectoryThePradoDecisionSaysWhatIsMissing() {
    Decision d = ENGINE.evaluate(Target.of(Fixtures.prado().orientation()),
        DossierFacts.of(Fixtures.prado()).build(), Fixtures.TODAY);
    assertThat(d).isInstanceOfSatisfying(Decision.Incomplete.class, i -> assertThat(i.missing())
        .containsExactly("/requester/unit/pradoVolets", "/directory/cpamCodes"));
  }

  @Test
  void everyOtherModuleFixtureIsDecided() {
    Unit pco = Unit.builder(UnitId.of("PCO-2A"), "PCO Corse-du-Sud")
        .coveredDepartements(Set.of(Departement.of("2A"))).build();
    Unit ime = Unit.builder(UnitId.of("IME-1"), "IME")
        .esmsCategory(Nomenclatures.get(NosTable.J254).coding("183").orElseThrow()).build();
    assertThat(ENGINE.evaluate(Target.of(Fixtures.grandAge().orientation()),
        DossierFacts.of(Fixtures.grandAge()).build(), Fixtures.TODAY).result()).isEqualTo(Decision.Result.ELIGIBLE);
    assertThat(ENGINE.evaluate(Target.of(Fixtures.handicap().orientation()),
        DossierFacts.of(Fixtures.handicap()).targetUnit(ime).build(), Fixtures.TODAY).result())
        .isEqualTo(Decision.Result.ELIGIBLE);
    assertThat(ENGINE.evaluate(Target.of(Fixtures.tnd().orientation()),
        DossierFacts.of(Fixtures.tnd()).targetUnit(pco).build(), Fixtures.TODAY).result())
        .isEqualTo(Decision.Result.ELIGIBLE);
  }

  @Test
  void decisionSerialisesWithVtJsonAsStructuredData() throws Exception {
    Decision d = ENGINE.evaluate(Target.of(Fixtures.prado().orientation()),
        DossierFacts.of(Fixtures.prado()).build(), Fixtures.TODAY);
    JsonMapper json = VtJson.newMapper();
    JsonNode n = json.readTree(json.writeValueAsString(d));
    assertThat(n.get("result").asText()).isEqualTo("INCOMPLETE");
    assertThat(n.get("target").asText()).isEqualTo("PRADO/INSUFFISANCE_CARDIAQUE");
    assertThat(n.get("evaluatedOn").asText()).isEqualTo("2026-11-23");
    assertThat(n.get("ruleSetVersion").asText()).isEqualTo("2025-04");
    assertThat(n.get("missing")).hasSize(2);
    JsonNode first = n.get("trace").get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("prado.convention");
    assertThat(first.get("outcome").asText()).isEqualTo("UNKNOWN");
    JsonNode ame = n.get("trace").get(1);
    assertThat(ame.at("/inputs/~1patient~1insurance~1ame").asBoolean()).isFalse();
    assertThat(n.get("flags").isArray()).isTrue();
  }
}
