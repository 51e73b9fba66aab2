package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.model.Coding;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.server.fixtures.VtFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ValidateAndFhirCommandsTest extends CliTestBase {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  Dossier prado() {
    return VtFixtures.seeded(3, TODAY).dossier(VtModule.PRADO).build();
  }

  @Test
  void validateSaysValidInvalidOrUnreadableWithTheExitCodes() throws Exception {
    Path ok = write("ok.json", VtJson.toJson(prado()));
    assertThat(run("validate", ok.toString())).isZero();
    assertThat(out.toString()).contains("ok.json: valid at submission stage");

    Dossier noPatient = prado().toBuilder().patient(null).build();
    Path bad = write("bad.json", VtJson.toJson(noPatient));
    assertThat(run("validate", "--lang", "en", ok.toString(), bad.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("bad.json: /patient").contains("bad.json: 1 violation(s)");
    assertThat(run("validate", "--stage", "draft", bad.toString())).isZero();

    Path broken = write("broken.json", "{\"id\":\"D-1\",\"module\":\"PRADO\",\"patient\":{\"birthDate\":\"1948-99-99\"}}");
    assertThat(run("validate", ok.toString(), broken.toString(), bad.toString())).isEqualTo(2);
    assertThat(out.toString()).contains("broken.json: unreadable, invalid dossier at /patient/birthDate: not a valid LocalDate")
        .doesNotContain("1948-99-99");
    assertThat(run("validate", dir.resolve("missing.json").toString())).isEqualTo(2);

    // the same reader as POST /v1/dossiers: an unknown member is refused with its pointer and code, a name of spaces
    // is missing at SUBMISSION
    Path unknown = write("unknown.json", VtJson.toJson(prado()).replaceFirst("\\{", "{\"colour\":\"blue\","));
    reset();
    assertThat(run("validate", unknown.toString())).isEqualTo(2);
    assertThat(out()).contains("unknown.json: unreadable, invalid dossier at /colour: unknown member")
        .contains("(json.unknown-member)").doesNotContain("blue");
    Path blank = write("blank.json", VtJson.toJson(prado().toBuilder().patient(prado().patient().toBuilder()
        .birthName("   ").build()).build()));
    reset();
    assertThat(run("validate", "--lang", "en", blank.toString())).isEqualTo(1);
    assertThat(out()).contains("blank.json: /patient/birthName");
    assertThat(run("validate", "--stage", "final", ok.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("expected one of [DRAFT, SUBMISSION]");
  }

  @Test
  void fhirConvertGoesBothWaysAndFhirValidateChecksTheSdoProfiles() throws Exception {
    Dossier d = prado();
    Path dossier = write("dossier.json", VtJson.toJson(d));
    Path bundle = dir.resolve("bundle.json");
    assertThat(run("fhir", "convert", dossier.toString(), "-o", bundle.toString())).isZero();
    assertThat(Files.readString(bundle)).contains("\"resourceType\": \"Bundle\"");
    assertThat(run("fhir", "validate", bundle.toString())).as(out.toString()).isZero();
    assertThat(out.toString()).contains("bundle.json: valid");
    Path back = dir.resolve("back.json");
    assertThat(run("fhir", "convert", bundle.toString(), "-o", back.toString())).isZero();
    assertThat(VtJson.fromJson(Files.readString(back), Dossier.class)).isEqualTo(d.toBuilder()
        .history(java.util.List.of()).build());

    EsmsStatus unit = new EsmsStatus("1690000013", "IME", Coding.of(NosTable.R357.url(), "47"), null, TODAY,
        "ROR-1", Coding.of(NosTable.R357.url(), "182"), null, TODAY, "D1", "N1");
    Path task = write("task.json", VtFhir.toJson(SdoTaskMapper.toTask(unit, Instant.parse("2026-11-23T10:00:00Z"))));
    assertThat(run("fhir", "validate", task.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("regle-StatutUnite");
    assertThat(run("fhir", "validate", write("x.json", "not json").toString())).isEqualTo(2);
    // no placeholder identifier in a conversion: a dossier without id is refused
    Path noId = write("noid.json", VtJson.toJson(d).replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\",", ""));
    assertThat(Files.readString(noId)).doesNotContain("\"id\"");
    reset();
    assertThat(run("fhir", "convert", noId.toString(), "-o", dir.resolve("noid-bundle.json").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("the dossier has no id");
    assertThat(dir.resolve("noid-bundle.json")).doesNotExist();
  }

  /** FR Core 2.2.0's example INS Patient, with {@code edit} applied to its JSON. */
  Path frCorePatient(String name, java.util.function.UnaryOperator<String> edit) throws Exception {
    try (java.io.InputStream in = getClass().getResourceAsStream("/fr-core/Patient-FRCorePatientExample.json")) {
      return write(name, edit.apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  @Test
  void fhirValidateChecksFrCore220() throws Exception {
    Path example = frCorePatient("example.json", s -> s);
    assertThat(run("fhir", "validate", example.toString())).as(out()).isZero();
    assertThat(out()).contains("example.json: valid");

    String nir = "\"system\":\"urn:oid:1.2.250.1.213.1.4.8\"";
    java.util.Map<String, String> broken = new java.util.LinkedHashMap<>();
    broken.put("wrong-system.json", "fr-core-1");
    broken.put("no-birthplace.json", "Patient.extension:birthPlace");
    broken.put("second-official.json", "fr-core-2");
    broken.put("nia-temp.json", "fr-core-vs-patient-identifier-use-ins");
    frCorePatient("wrong-system.json", s -> s.replace(nir, "\"system\":\"urn:oid:1.2.250.1.213.1.4.99\""));
    frCorePatient("no-birthplace.json", s -> s.replaceFirst("\\{\"url\":\"http://hl7.org/fhir/StructureDefinition/"
        + "patient-birthPlace\".*?\"city\":\"Ambléon\"}},", ""));
    frCorePatient("second-official.json", s -> s.replace("\"identifier\":[", "\"identifier\":[{\"use\":\"official\","
        + "\"system\":\"urn:oid:1.2.250.1.71.4.2.7\",\"value\":\"123\"},"));
    frCorePatient("nia-temp.json", s -> s.replace("\"use\":\"official\",\"type\":{\"coding\":[{\"system\":"
        + "\"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203\",\"code\":\"INS-NIR\"}]}," + nir,
        "\"use\":\"temp\",\"type\":{\"coding\":[{\"system\":\"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203\","
        + "\"code\":\"INS-NIA\"}]},\"system\":\"urn:oid:1.2.250.1.213.1.4.9\""));
    for (java.util.Map.Entry<String, String> b : broken.entrySet()) {
      reset();
      assertThat(Files.readString(dir.resolve(b.getKey()))).as("the edit applied").isNotEqualTo(
          Files.readString(example));
      assertThat(run("fhir", "validate", dir.resolve(b.getKey()).toString())).as(out()).isEqualTo(1);
      assertThat(out()).as(b.getKey()).contains(b.getValue()).contains("fr-core-patient-ins|2.2.0")
          .contains(b.getKey() + ": ");
    }
  }
}
