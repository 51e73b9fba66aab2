package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.server.fixtures.VtFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of the command names the file, line, column or pointer and the rule — never the value — and exits
 * with its documented code: 1 for invalid content, 2 for what cannot be read or an option that cannot be used.
 */
class CliMessagesTest extends CliTestBase {
  @Test
  void validateTakesWhatTheApiTakesAndNamesWhyAFileCannotBeRead() throws Exception {
    // what POST /v1/dossiers accepts: no id yet
    String created = VtJson.toJson(VtFixtures.seeded(4, LocalDate.now()).dossier(VtModule.PRADO).build());
    Path noId = Files.writeString(dir.resolve("no-id.json"), created.replaceFirst("\"id\":\"[^\"]*\",", ""));
    assertThat(Files.readString(noId)).doesNotContain("\"id\"");
    assertThat(run("validate", noId.toString())).as(out()).isZero();
    assertThat(out()).contains("no-id.json: valid at submission stage");

    reset();
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"module\":\"PRADO\",\"patient\":{");
    Path array = Files.writeString(dir.resolve("array.json"), "[1,2]");
    Path badDate = Files.writeString(dir.resolve("bad-date.json"),
        created.replaceFirst("\"birthDate\":\"[^\"]*\"", "\"birthDate\":\"1948-13-45\""));
    assertThat(run("validate", empty.toString(), truncated.toString(), array.toString(), badDate.toString()))
        .isEqualTo(2);
    assertThat(out()).contains("empty.json: unreadable, the file is empty")
        .contains("truncated.json: unreadable, malformed JSON at line 1, column 30")
        .contains("array.json: unreadable, not a dossier: a JSON object is expected, found array")
        .contains("bad-date.json: unreadable, invalid dossier at /patient/birthDate: not a valid LocalDate")
        .doesNotContain("1948-13-45");

    reset();
    assertThat(run("--debug", "validate", truncated.toString())).isEqualTo(2);
    assertThat(out()).contains("[com.fasterxml.jackson.core.io.JsonEOFException]");
  }

  @Test
  void optionsAreTypedAndAMistypedOneIsOneLineWithWhereToLook() {
    assertThat(run("validate", "--lang", "de", "x.json")).isEqualTo(2);
    assertThat(err.toString()).startsWith("vt validate: Invalid value for option '--lang': expected one of [fr, en]")
        .contains("Try 'vt validate --help'.").doesNotContain("Usage:");
    reset();
    assertThat(run("eligibility", "--input", "c.csv", "--at", "23/11/2026")).isEqualTo(2);
    assertThat(err.toString()).contains("'--at': expected a date YYYY-MM-DD (for example 2026-11-23)")
        .doesNotContain("DateTimeParseException").doesNotContain("Usage:");
    reset();
    assertThat(run("indicators", "tuv", "--vt", "a.csv", "--omv", "b.csv", "--by", "week")).isEqualTo(2);
    assertThat(err.toString()).contains("expected one of month, rolling3, year, quarter");
    reset();
    assertThat(run("indicators", "tuv", "--vt", "a.csv", "--omv", "b.csv", "--group", "hospital")).isEqualTo(2);
    assertThat(err.toString()).contains("expected one of all, establishment, volet, region, establishment-volet");
    reset();
    assertThat(run("indicators", "tuv", "--vt", "a.csv", "--omv", "b.csv", "--chart", "tuv.pdf")).isEqualTo(2);
    assertThat(err.toString()).contains("--chart: a chart is written as .svg or .png");
    reset();
    assertThat(run("validate", "--stage", "DRAFT", "--lang", "EN", "missing.json")).as("any case").isEqualTo(2);
    assertThat(out()).contains("missing.json: unreadable, cannot read the file (NoSuchFileException)");
  }

  @Test
  void eligibilityNamesTheColumnAndTheRuleAndTellsNoRuleSetFromUnreadable() throws Exception {
    Path cohort = Files.writeString(dir.resolve("cohort.csv"), "id,target,/patient/birthDate,/medical/gir\n"
        + "p1,EHPAD,1940-13-01,2\np2,EHPAD,1940-01-01,9\np3,SMR,1940-01-01,2\np4,NOPE,1940-01-01,2\n"
        + "p5,EHPAD,1940-01-01,3\n");
    assertThat(run("eligibility", "--input", cohort.toString(), "--at", "2026-11-23", "--format", "csv"))
        .isEqualTo(1);
    assertThat(out()).contains("2,p1,,,,,,column 3 (/patient/birthDate): expected a date YYYY-MM-DD")
        .contains("3,p2,,,,,,column 4 (/medical/gir): expected 1 to 6 (the AGGIR grid's groups)")
        .contains("4,p3,SMR,NO_RULE_SET,").contains("5,p4,,,,,,\"column 2 (target): not a known target")
        .doesNotContain("1940-13-01");
    assertThat(err.toString()).contains("5 records: ").contains("1 without a rule set; 3 unreadable");
    reset();
    assertThat(run("eligibility", "--input", cohort.toString(), "--at", "2026-11-23", "--format", "csv",
        "--explain")).isEqualTo(2);
    assertThat(err.toString()).contains("--explain needs --format jsonl");
  }

  @Test
  void indicatorsNameTheFileLineAndColumnOfABadCell() throws Exception {
    Path vt = Files.writeString(dir.resolve("vt.csv"), "dossierId,finessGeographique,region,volet,adhesion,closedOn\n"
        + "D-1,690000013,ARA,NOPE,true,2026-01-10\n");
    Path omv = Files.writeString(dir.resolve("omv.csv"), "finessGeographique,region,volet,closedOn\n"
        + "690000013,ARA,AVC,2026-01-05\n");
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("vt.csv:2:4: column volet: expected one of CHIRURGIE, BPCO")
        .doesNotContain("No enum constant").doesNotContain("NOPE");
  }

  @Test
  void helpIsWholeAndQuiet() {
    assertThat(run("--help")).isZero();
    String commands = out().substring(out().indexOf("Commands:"));
    commands.lines().filter(l -> l.matches("  [a-z]+ {2,}.*")).forEach(l -> assertThat(l.strip()).as(l)
        .satisfiesAnyOf(s -> assertThat(s).endsWith("."), s -> assertThat(s).endsWith(",")));
    assertThat(commands).contains("eligibility  Evaluate eligibility for every record of a file and stream the "
        + "decisions.");
    reset();
    assertThat(run("indicators", "tuv", "--help")).isZero();
    assertThat(err.toString()).doesNotContain("WARN");
    assertThat(out()).contains("fr (31,0%) or en (31.0%)");
    reset();
    assertThat(run("serve", "--help")).isZero();
    assertThat(out()).contains("curl -H \"Authorization: Bearer <token>\" http://127.0.0.1:8080/v1/units?module=PRADO");
  }

  @Test
  void fhirValidateTellsInvalidContentFromUnreadableFilesAndNamesTheElementAndTheRule() throws Exception {
    EsmsStatus status = new EsmsStatus("1690000013", "IME Les Érables",
        Nomenclatures.get(NosTable.J252).coding("47").orElseThrow(), null, LocalDate.of(2026, 11, 23), null, null,
        null, null, "MDPH69-2026-0042", "SDO-MDPH69-2026-0042");
    String task = VtFhir.toJson(SdoTaskMapper.toTask(status, Instant.parse("2026-11-23T10:15:30Z")));
    Path folder = Files.createDirectories(dir.resolve("exports/sub"));
    Files.writeString(folder.resolve("task.json"), task);
    Files.writeString(folder.resolve("notes.txt"), "not a resource, not .json: skipped");
    Path broken = Files.writeString(dir.resolve("broken.json"), task.replace("\"status\":\"", "\"status\":\"x"));
    assertThat(run("fhir", "validate", dir.resolve("exports").toString())).as(out()).isZero();
    assertThat(out()).contains("task.json: valid").doesNotContain("notes.txt");

    reset();
    assertThat(run("fhir", "validate", broken.toString())).as(out()).isEqualTo(1);
    assertThat(out()).containsPattern("broken\\.json:1:\\d+: ERROR Task\\.status \\[[A-Za-z_]+\\] ")
        .containsPattern("broken\\.json: [1-9] error\\(s\\)");

    reset();
    Path notJson = Files.writeString(dir.resolve("not.json"), "{\"resourceType\":\"Task\",");
    Path noType = Files.writeString(dir.resolve("notype.json"), "{\"status\":\"completed\"}");
    assertThat(run("fhir", "validate", notJson.toString(), noType.toString())).isEqualTo(2);
    assertThat(out()).contains("not.json:1:24: unreadable, not JSON")
        .contains("notype.json: unreadable, not a FHIR resource (no resourceType)");

    reset();
    Path taskFile = Files.writeString(dir.resolve("t.json"), task);
    assertThat(run("fhir", "convert", taskFile.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("t.json: cannot convert a Task: give a dossier JSON, or a Bundle made by "
        + "vt fhir convert");
  }
}
