package io.vtsdk.fhir.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.validation.FhirValidationReport;
import io.vtsdk.fhir.validation.SdoValidator;
import io.vtsdk.model.DossierArbitraries;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Any dossier (vt-model's generator, every module) → Bundle → JSON → Bundle → dossier is lossless but for the audit
 * history, which is not exchanged; and the Bundle is valid R4.
 */
class DossierBundleProperties {
  static SdoValidator validator;

  @BeforeContainer
  static void build() {
    validator = SdoValidator.create(false); // FR Core profiles are not shipped: checked as base R4
  }

  @Provide
  Arbitrary<Dossier> dossiers() {
    return DossierArbitraries.dossiers().map(d -> d.toBuilder().history(List.of()).patient(d.patient() == null ? null
            : io.vtsdk.fhir.frcore.PatientRoundTripProperties.withoutEmptyParts(d.patient())).build())
        .filter(d -> d.patient() == null || d.patient().givenNames().stream().noneMatch(g -> g.contains(" ")))
        .filter(d -> !hasBlankString(VtJson.newMapper().valueToTree(d)));
  }

  /** FHIR strings cannot be blank (HAPI drops them): such model values have no FHIR form. */
  static boolean hasBlankString(JsonNode n) {
    if (n.isTextual()) {
      return n.asText().isBlank();
    }
    for (JsonNode child : n) {
      if (hasBlankString(child)) {
        return true;
      }
    }
    return false;
  }

  @Property(tries = 300)
  void dossierToBundleToDossierIsLossless(@ForAll("dossiers") Dossier d) {
    String json = VtFhir.toJson(DossierBundleMapper.toBundle(d));
    Dossier back = DossierBundleMapper.fromBundle(VtFhir.parse(json, Bundle.class));
    // compared as JSON first: toString() redacts identity, so a failure would not say what differs
    assertThat(VtJson.toJson(back)).isEqualTo(VtJson.toJson(d));
    assertThat(back).isEqualTo(d);
  }

  @Property(tries = 10)
  void theBundleIsValidR4(@ForAll("dossiers") Dossier d) {
    FhirValidationReport report = validator.validate(DossierBundleMapper.toBundle(d));
    assertThat(report.errors()).isEmpty();
  }
}
