package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.server.fixtures.VtFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityCommandTest extends CliTestBase {
  List<JsonNode> lines() {
    return out.toString().lines().map(l -> {
      try {
        return VtJson.newMapper().readTree(l);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + l, e);
      }
    }).toList();
  }

  /** The command and the vt-rules API, on the same synthetic cohort (the research example's), count alike. */
  @Test
  void theCommandAndTheRulesApiGiveTheSameCounts() throws Exception {
    LocalDate at = LocalDate.of(2026, 11, 23);
    java.util.Random random = new java.util.Random(42);
    StringBuilder csv = new StringBuilder("id,target,/patient/birthDate,/patient/insurance/ame,/medical/gir\n");
    io.vtsdk.rules.RuleEngine engine = io.vtsdk.rules.RuleEngine.standard();
    java.util.Map<String, Long> inJava = new java.util.TreeMap<>();
    for (int i = 0; i < 2_000; i++) {
      LocalDate birth = at.minusYears(55 + random.nextInt(45)).minusDays(random.nextInt(365));
      boolean ame = random.nextInt(20) == 0;
      Integer gir = random.nextInt(10) == 0 ? null : 1 + random.nextInt(6);
      csv.append("p").append(i).append(",EHPAD,").append(birth).append(',').append(ame).append(',')
          .append(gir == null ? "" : gir).append('\n');
      io.vtsdk.rules.Facts.Builder f = io.vtsdk.rules.Facts.builder()
          .put(io.vtsdk.rules.StandardFacts.BIRTH_DATE, birth).put(io.vtsdk.rules.StandardFacts.AME, ame);
      if (gir != null) {
        f.put(io.vtsdk.rules.StandardFacts.GIR, gir);
      }
      inJava.merge(engine.evaluate(io.vtsdk.rules.Target.parse("EHPAD"), f.build(), at).result().name(), 1L,
          Long::sum);
    }
    Path input = Files.writeString(dir.resolve("cohort.csv"), csv);
    Path output = dir.resolve("decisions.csv");
    assertThat(run("eligibility", "--input", input.toString(), "--at", at.toString(), "--format", "csv", "-o",
        output.toString())).isEqualTo(0);
    java.util.Map<String, Long> byCommand = new java.util.TreeMap<>();
    Files.readAllLines(output).stream().skip(1).forEach(l -> byCommand.merge(l.split(",", -1)[3], 1L, Long::sum));
    assertThat(byCommand).isEqualTo(inJava).containsKeys("ELIGIBLE", "INELIGIBLE");
  }

  @Test
  void jsonlDossiersGiveOneDecisionPerLineAndABrokenLineIsAnErrorWithItsNumber() throws Exception {
    VtFixtures fx = VtFixtures.seeded(5, LocalDate.of(2026, 11, 23));
    Dossier prado = fx.dossier(VtModule.PRADO).build();
    Dossier ame = prado.toBuilder().patient(prado.patient().toBuilder().insurance(
        new io.vtsdk.model.patient.Insurance(null, true, null, null, "691")).build()).build();
    Path input = Files.writeString(dir.resolve("d.jsonl"), VtJson.toJson(prado) + "\n" + VtJson.toJson(ame)
        + "\n{not json\n\n" + VtJson.toJson(fx.dossier(VtModule.GRAND_AGE).build()) + "\n");

    assertThat(run("eligibility", "--input", input.toString(), "--at", "2026-11-23")).isEqualTo(1);
    List<JsonNode> decisions = lines();
    assertThat(decisions).hasSize(4);
    // a dossier alone lacks what VT's directory knows (the requester's Prado conventions, the CPAMs): incomplete
    assertThat(decisions.get(0).get("result").asText()).isEqualTo("INCOMPLETE");
    assertThat(decisions.get(0).get("missing").toString()).contains("/requester/unit/pradoVolets",
        "/directory/cpamCodes");
    assertThat(decisions.get(0).get("ruleSetVersion").asText()).isNotBlank();
    assertThat(decisions.get(1).get("result").asText()).isEqualTo("INELIGIBLE");
    assertThat(decisions.get(1).get("failed").toString()).contains("ame");
    assertThat(decisions.get(2).get("line").asInt()).isEqualTo(3);
    assertThat(decisions.get(2).get("error").asText()).startsWith("not a dossier JSON line");
    assertThat(decisions.get(3).get("line").asInt()).isEqualTo(5);
    assertThat(decisions.get(3).get("result").asText()).isEqualTo("ELIGIBLE");
    assertThat(decisions.get(0).has("trace")).isFalse();
    assertThat(err.toString()).contains("4 records:").contains("1 eligible").contains("1 ineligible").contains("1 incomplete")
        .contains("1 unreadable").contains("most frequent failing rules");

    out.getBuffer().setLength(0);
    assertThat(run("eligibility", "--input", input.toString(), "--at", "2026-11-23", "--explain",
        "--target", "PRADO/AVC")).isEqualTo(1);
    assertThat(lines().get(0).get("trace").isArray()).isTrue();
    assertThat(lines().get(0).get("target").asText()).isEqualTo("PRADO/AVC");
  }

  @Test
  void csvOfFactsWithItsTargetColumnAndCsvOutput() throws Exception {
    Path input = Files.writeString(dir.resolve("cohort.csv"), String.join("\n",
        "id,target,/patient/birthDate,/patient/insurance/ame,/requestType",
        "p1,EHPAD,1935-02-01,false,A_DOMICILE",
        "p2,EHPAD,1990-13-45,false,A_DOMICILE",
        "p3,EHPAD,,,",
        "p4,EHPAD,1935-02-01") + "\n");
    assertThat(run("eligibility", "--input", input.toString(), "--at", "2026-11-23", "--format", "csv"))
        .as(err.toString()).isEqualTo(1);
    List<String> rows = out.toString().lines().toList();
    assertThat(rows.get(0)).isEqualTo("line,id,target,result,ruleSetVersion,failed,missing,error");
    assertThat(rows.get(1)).startsWith("2,p1,EHPAD,");
    assertThat(rows.get(2)).startsWith("3,p2,,,,,,").endsWith("(/patient/birthDate): expected a date YYYY-MM-DD "
        + "(for example 2026-11-23)");
    assertThat(rows.get(3)).startsWith("4,p3,EHPAD,INCOMPLETE,");
    assertThat(rows.get(4)).contains("3 cells, the header has 5");

    Path bad = Files.writeString(dir.resolve("bad.csv"), "id,/patient/shoeSize\np1,42\n");
    assertThat(run("eligibility", "--input", bad.toString(), "--at", "2026-11-23")).isEqualTo(2);
    assertThat(err.toString()).contains("bad.csv:1:2: column /patient/shoeSize: not a fact a CSV cell can hold");
    assertThat(run("eligibility", "--input", dir.resolve("none.csv").toString(), "--at", "2026-11-23"))
        .isEqualTo(2);
    assertThat(run("eligibility", "--input", input.toString(), "--at", "2026-11-23", "--target", "MOON"))
        .isEqualTo(2);
  }
}
