package io.vtsdk.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator against FR Core 2.2.0 (the official package, {@code io/vtsdk/fhir/packages}): FR Core's own 31 published
 * examples validate with no error, and the broken variants of its INS patient the issue lists fail, each naming the
 * invariant or the slice it breaks.
 */
class FrCoreConformanceTest {
  static SdoValidator validator;

  @BeforeAll
  static void build() {
    validator = SdoValidator.create();
  }

  static Stream<String> examples() throws IOException, URISyntaxException {
    Path dir = Path.of(FrCoreConformanceTest.class.getResource("/fr-core/examples").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  static String example(String name) {
    try (InputStream in = FrCoreConformanceTest.class.getResourceAsStream("/fr-core/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void thePackagesAreParsedOnlyWhereTheValidatorLooks() {
    FhirPackages.Lazy frCore = FhirPackages.frCore(io.vtsdk.fhir.VtFhir.context());
    int all = frCore.unparsed();
    assertThat(all).as("profiles, value sets and code systems of FR Core and its subsets").isGreaterThan(200);
    assertThat(frCore.fetchAllStructureDefinitions()).as("listed: the validator would convert them all").isEmpty();
    assertThat(frCore.fetchStructureDefinition(io.vtsdk.fhir.frcore.FrCore.PATIENT_INS + "|2.2.0")).isNotNull();
    assertThat(frCore.fetchCodeSystem("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445")).isNotNull();
    assertThat(frCore.unparsed()).isEqualTo(all - 2);
    assertThat(frCore.fetchStructureDefinition("https://example.org/none")).isNull();
    assertThat(FhirPackages.vtSdk(io.vtsdk.fhir.VtFhir.context()).fetchStructureDefinition(
        io.vtsdk.fhir.frcore.FrCore.VT_INSURANCE)).as("ours, by URL").isNotNull();
  }

  @Test
  void all31ExamplesAreThere() throws Exception {
    assertThat(examples()).hasSize(31);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void frCoresOwnExampleValidates(String file) {
    FhirValidationReport report = validator.validate(example(file));
    assertThat(report.errors()).as(file).isEmpty();
  }

  static final String PATIENT = "Patient-FRCorePatientExample.json";

  /** FR Core's INS patient, changed by {@code edit} (on the parsed resource). */
  static org.hl7.fhir.r4.model.Patient broken(java.util.function.Consumer<org.hl7.fhir.r4.model.Patient> edit) {
    org.hl7.fhir.r4.model.Patient p = io.vtsdk.fhir.VtFhir.parse(example(PATIENT),
        org.hl7.fhir.r4.model.Patient.class);
    edit.accept(p);
    return p;
  }

  static List<String> errors(org.hl7.fhir.r4.model.Patient p) {
    return validator.validate(io.vtsdk.fhir.VtFhir.toJson(p)).errors().stream()
        .map(i -> i.location() + " " + i.messageId() + " " + i.message()).toList();
  }

  @Test
  void anInsNirWithAWrongSystemBreaksFrCore1() {
    List<String> errors = errors(broken(p -> p.getIdentifierFirstRep().setSystem("urn:oid:1.2.250.1.213.1.4.99")));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("fr-core-patient-ins|2.2.0#fr-core-1"));
  }

  @Test
  void anInsPatientWithoutBirthPlaceBreaksTheBirthPlaceSlice() {
    List<String> errors = errors(broken(p -> p.getExtension().removeIf(e -> e.getUrl().endsWith("patient-birthPlace"))));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("Patient.extension:birthPlace").contains("a matching slice is required")
        .contains("fr-core-patient-ins|2.2.0"));
  }

  @Test
  void aSecondOfficialIdentifierUnderValiBreaksFrCore2() {
    List<String> errors = errors(broken(p -> p.addIdentifier().setUse(org.hl7.fhir.r4.model.Identifier.IdentifierUse.OFFICIAL)
        .setSystem("urn:oid:1.2.250.1.71.4.2.7").setValue("123")));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("fr-core-patient-ins|2.2.0#fr-core-2"));
  }

  @Test
  void anInsNiaWithUseTempBreaksTheInsNiaSlice() {
    List<String> errors = errors(broken(p -> {
      org.hl7.fhir.r4.model.Identifier nia = p.getIdentifierFirstRep();
      nia.setSystem("urn:oid:1.2.250.1.213.1.4.9").setUse(org.hl7.fhir.r4.model.Identifier.IdentifierUse.TEMP);
      nia.getType().getCodingFirstRep().setCode("INS-NIA");
    }));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("Patient.identifier[0].use ")
        .contains("fr-core-vs-patient-identifier-use-ins|2.2.0"));
  }
}
