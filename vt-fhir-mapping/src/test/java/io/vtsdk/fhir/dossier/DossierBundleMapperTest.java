package io.vtsdk.fhir.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.frcore.FrCore;
import io.vtsdk.model.Fixtures;
import io.vtsdk.model.dossier.Dossier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class DossierBundleMapperTest {

  @Test
  void aPradoDossierIsAServiceRequestWithItsPatientSectionsProvenanceAndConsent() {
    Dossier d = Fixtures.prado();
    Bundle b = DossierBundleMapper.toBundle(d);
    assertThat(b.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    assertThat(b.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).startsWith("urn:uuid:"));
    ServiceRequest sr = (ServiceRequest) b.getEntryFirstRep().getResource();
    assertThat(sr.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("PRADO");
    assertThat(sr.getCode().getCodingFirstRep().getSystem()).isEqualTo(FrCore.VT_CS_TARGET_KIND);
    assertThat(sr.getOrderDetailFirstRep().getCodingFirstRep().getCode()).isEqualTo(d.orientation().pradoVolet()
        .name());
    Patient patient = resolve(b, sr.getSubject(), Patient.class);
    assertThat(patient.getMeta().getProfile().get(0).getValue()).isEqualTo(FrCore.PATIENT_INS);
    assertThat(b.getEntry()).extracting(e -> e.getResource().fhirType()).contains("QuestionnaireResponse",
        "Provenance", "Practitioner");
    QuestionnaireResponse medical = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(QuestionnaireResponse.class::isInstance).map(QuestionnaireResponse.class::cast)
        .filter(q -> q.getQuestionnaire().endsWith("/medical")).findFirst().orElseThrow();
    Provenance validated = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Provenance.class::isInstance).map(Provenance.class::cast).findFirst().orElseThrow();
    assertThat(validated.getRecorded().toInstant()).isEqualTo(d.medical().info().validatedAt());
    assertThat(medical.getItem()).extracting(i -> i.getLinkId()).contains("summary");
    assertThat(DossierBundleMapper.fromBundle(VtFhir.parse(VtFhir.toJson(b), Bundle.class))).isEqualTo(d);
  }

  @Test
  void aHandicapDossierKeepsItsMdphDecisionAndConsent() {
    Dossier d = Fixtures.handicap();
    Bundle b = DossierBundleMapper.toBundle(d);
    assertThat(b.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Consent");
    Consent c = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Consent.class::isInstance).map(Consent.class::cast).findFirst().orElseThrow();
    assertThat(c.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
    Dossier back = DossierBundleMapper.fromBundle(VtFhir.parse(VtFhir.toJson(b), Bundle.class));
    assertThat(back.mdphDecision()).isEqualTo(d.mdphDecision());
    assertThat(back).isEqualTo(d.toBuilder().history(java.util.List.of()).build());
  }

  @Test
  void aBundleWithoutItsOrientationOrWithADanglingReferenceIsRefused() {
    assertThatThrownBy(() -> DossierBundleMapper.fromBundle(new Bundle())).isInstanceOf(FhirMappingException.class)
        .hasMessage("Bundle.entry:ServiceRequest: exactly one ServiceRequest (the orientation) is required, found 0");
    Bundle b = DossierBundleMapper.toBundle(Fixtures.sanitaire());
    b.getEntry().removeIf(e -> e.getResource() instanceof QuestionnaireResponse);
    assertThatThrownBy(() -> DossierBundleMapper.fromBundle(b))
        .hasMessage("ServiceRequest.supportingInfo: references an entry not in the Bundle");
  }

  static <T> T resolve(Bundle b, Reference ref, Class<T> type) {
    return b.getEntry().stream().filter(e -> e.getFullUrl().equals(ref.getReference()))
        .map(e -> type.cast(e.getResource())).findFirst().orElseThrow();
  }
}
