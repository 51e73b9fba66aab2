package io.vtsdk.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.VtFhir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MetadataResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's subset of the base R4 definitions (BaseDefinitionsWriter) changes how fast SdoValidator starts, never
 * what it reports: every IG example, passing and not, and resources of types outside the subset, get the same issues
 * as with HAPI's whole base set.
 */
class BaseDefinitionsTest {
  static SdoValidator withSubset;
  static SdoValidator withWholeSet;

  @BeforeAll
  static void build() {
    withSubset = SdoValidator.create();
    withWholeSet = SdoValidator.create(true, R4Base.whole());
  }

  static Stream<String> examples() {
    return Stream.of("ESMSBundleResultatRechercheDecisionEvaluation", "ESMSConsent", "ESMSDocumentReference",
        "SDOBundleResultatRechercheNotificationESMS", "SDODocumentReference", "SDOTask")
        .flatMap(name -> Stream.of(name, name + "_nonPassant"));
  }

  @Test
  void theBuildWroteTheSubsetAndItHoldsTheSdoResourceTypesAndEveryDataType() {
    Bundle subset = read();
    List<String> urls = subset.getEntry().stream().map(e -> ((MetadataResource) e.getResource()).getUrl()).toList();
    assertThat(urls).contains("http://hl7.org/fhir/StructureDefinition/Task",
        "http://hl7.org/fhir/StructureDefinition/Bundle", "http://hl7.org/fhir/StructureDefinition/Identifier",
        "http://hl7.org/fhir/StructureDefinition/dateTime", "http://hl7.org/fhir/ValueSet/task-status")
        .doesNotContain("http://hl7.org/fhir/StructureDefinition/Observation")
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void anExampleGetsTheSameReportAsWithTheWholeBaseSet(String name) throws IOException {
    String json = example(name);
    assertThat(withSubset.validate(json).issues()).isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(withWholeSet.validate(json).issues());
  }

  @Test
  void aResourceTypeOutsideTheSubsetIsValidatedFromTheWholeSetWithTheSameReport() {
    String observation = """
        {"resourceType": "Observation", "status": "nearly-final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]}}""";
    assertThat(withSubset.validate(observation).errors()).isNotEmpty()
        .anySatisfy(e -> assertThat(e.location()).startsWith("Observation.status"))
        .containsExactlyInAnyOrderElementsOf(withWholeSet.validate(observation).errors());
  }

  @Test
  void aResourceTypeOutsideTheSubsetInsideABundleIsFetchedFromTheWholeSetWithTheSameReport() {
    String bundle = """
        {"resourceType": "Bundle", "type": "collection",
         "entry": [{"fullUrl": "urn:uuid:1c3f1f2e-8d7c-4a4e-9d3a-1a2b3c4d5e6f",
          "resource": {"resourceType": "Observation", "status": "nearly-final", "code": {"text": "pouls"}}}]}""";
    assertThat(withSubset.validate(bundle).errors()).isNotEmpty()
        .anySatisfy(e -> assertThat(e.location()).contains("Observation"))
        .containsExactlyInAnyOrderElementsOf(withWholeSet.validate(bundle).errors());
  }

  @Test
  void theBuildListedTheWholeSetsUrlsForTheFallback() {
    assertThat(SdoValidator.class.getResource(R4Base.URLS)).isNotNull();
    assertThat(R4Base.load().isSubset()).isTrue();
  }

  private static Bundle read() {
    try (InputStream in = SdoValidator.class.getResourceAsStream(R4Base.DEFINITIONS)) {
      assertThat(in).as("the build step (exec plugin, process-test-classes) wrote " + R4Base.DEFINITIONS)
          .isNotNull();
      return VtFhir.context().newJsonParser().parseResource(Bundle.class, in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String example(String name) throws IOException {
    try (InputStream in = BaseDefinitionsTest.class.getResourceAsStream("/sdo-examples/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
