package io.vtsdk.fhir.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.frcore.FrCore;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
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

  @Test
  void eachAdmissionRequestIsAClosedLoopTaskOnTheServiceRequest() {
    Dossier d = Fixtures.handicap();
    AdmissionRequest r = new AdmissionRequest(RequestId.of("R-7"), d.id(), d.module(), UnitId.of("IME-69"),
        RequestStatus.WAITING_LIST_ADMISSIBLE, Fixtures.NOW, Fixtures.NOW, Fixtures.NOW, null, List.of(), 4);
    Bundle b = DossierBundleMapper.toBundle(d, List.of(r));
    Task t = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
        .map(Task.class::cast).findFirst().orElseThrow();
    assertThat(t.getStatus().toCode()).isEqualTo(r.taskStatus().fhirCode());
    assertThat(t.getBusinessStatus().getCoding()).extracting(c -> c.getCode())
        .containsExactly("WAITING_LIST_ADMISSIBLE", RequestStatus.WAITING_LIST_ADMISSIBLE.r357Code().orElseThrow());
    assertThat(t.getFocus().getReference()).isEqualTo(b.getEntryFirstRep().getFullUrl());
    assertThat(t.getOwner().getIdentifier().getValue()).isEqualTo("IME-69");
    assertThat(DossierBundleMapper.requestsFromBundle(VtFhir.parse(VtFhir.toJson(b), Bundle.class)))
        .containsExactly(r);
    AdmissionRequest other = new AdmissionRequest(RequestId.of("R-8"), DossierId.of("D-9"), d.module(),
        UnitId.of("IME-69"), RequestStatus.NOTIFICATION_SENT, null, null, null, null, List.of(), 1);
    assertThatThrownBy(() -> DossierBundleMapper.toBundle(d, List.of(other)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to dossier D-9");
  }

  @Test
  void anHnpAcceptanceCarriesItsAdmissionTime() {
    Dossier d = Fixtures.hnp();
    java.time.Instant admission = Fixtures.NOW.plus(java.time.Duration.ofHours(3));
    AdmissionRequest r = new AdmissionRequest(RequestId.of("R-9"), d.id(), d.module(), UnitId.of("HNP-CARDIO-11"),
        RequestStatus.ACCEPTED, Fixtures.NOW, Fixtures.NOW, Fixtures.NOW, null, List.of(new io.vtsdk.model.request
            .Response(io.vtsdk.model.request.ResponseKind.ACCEPTED, null, "Lit réservé", null, Fixtures.NOW, null,
            admission)), 2);
    Bundle b = DossierBundleMapper.toBundle(d, List.of(r));
    Task t = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Task.class::isInstance)
        .map(Task.class::cast).findFirst().orElseThrow();
    assertThat(t.getOutputFirstRep().getExtensionByUrl(DossierBundleMapper.EXT + "admission-at"))
        .as(VtFhir.toJson(t)).isNotNull();
    Bundle back = VtFhir.parse(VtFhir.toJson(b), Bundle.class);
    assertThat(DossierBundleMapper.requestsFromBundle(back)).containsExactly(r);
    assertThat(DossierBundleMapper.fromBundle(back)).isEqualTo(d);
  }

  static <T> T resolve(Bundle b, Reference ref, Class<T> type) {
    return b.getEntry().stream().filter(e -> e.getFullUrl().equals(ref.getReference()))
        .map(e -> type.cast(e.getResource())).findFirst().orElseThrow();
  }
}
