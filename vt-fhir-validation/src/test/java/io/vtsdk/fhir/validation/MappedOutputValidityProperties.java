package io.vtsdk.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.dossier.DossierBundleMapper;
import io.vtsdk.fhir.dossier.DossierBundleProperties;
import io.vtsdk.fhir.frcore.PatientMapper;
import io.vtsdk.fhir.frcore.PatientRoundTripProperties;
import io.vtsdk.fhir.sdo.SdoTaskMapper;
import io.vtsdk.fhir.sdo.SdoTaskRoundTripProperties;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.patient.Patient;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * What the mappers emit is valid, on the mapping tests' own generators (vt-fhir-mapping's test-jar, which make
 * arbitrary dossiers, drafts included): bundles against the profiles they claim, except the Patient of a draft whose
 * birth name or first birth given name is missing (FR Core's officialName slice requires both: base R4 then), patients
 * as base R4, SDO Tasks against sdo-task. FrCoreBundleProperties checks FR Core on every module's complete dossiers.
 */
class MappedOutputValidityProperties {
  static SdoValidator r4;
  static SdoValidator sdo;

  @BeforeContainer
  static void build() {
    r4 = SdoValidator.create(false);
    sdo = SdoValidator.create();
  }

  @Provide
  Arbitrary<DossierBundleProperties.DossierWithRequests> dossiersWithRequests() {
    return DossierBundleProperties.anyDossierWithRequests();
  }

  @Provide
  Arbitrary<Patient> patients() {
    return PatientRoundTripProperties.anyPatient();
  }

  @Provide
  Arbitrary<EsmsStatus> statuses() {
    return SdoTaskRoundTripProperties.anyStatus();
  }

  @Property(tries = 10)
  void theBundleIsValidR4(@ForAll("dossiersWithRequests") DossierBundleProperties.DossierWithRequests dr) {
    org.hl7.fhir.r4.model.Bundle bundle = DossierBundleMapper.toBundle(dr.dossier(), dr.requests());
    Patient p = dr.dossier().patient();
    boolean officialName = p != null && (p.birthName() != null || p.firstBirthGivenName() != null
        || p.birthGivenNames() != null);
    if (officialName && (p.birthName() == null || p.firstBirthGivenName() == null)) {
      bundle.getEntry().stream().filter(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Patient)
          .forEach(e -> e.getResource().getMeta().getProfile().clear());
    }
    FhirValidationReport report = r4.validate(bundle);
    assertThat(report.errors()).isEmpty();
  }

  @Property(tries = 10)
  void aMappedBundleUsesOnlyResourceTypesOfTheBuildsBaseSubset(
      @ForAll("dossiersWithRequests") DossierBundleProperties.DossierWithRequests dr) {
    assertThat(DossierBundleMapper.toBundle(dr.dossier(), dr.requests()).getEntry())
        .allSatisfy(e -> assertThat(BaseDefinitionsWriter.MAPPED_TYPES).contains(e.getResource().fhirType()));
  }

  @Property(tries = 15)
  void thePatientIsValidR4(@ForAll("patients") Patient patient) {
    org.hl7.fhir.r4.model.Patient fhir = PatientMapper.toFhir(patient);
    fhir.getMeta().getProfile().clear();
    assertThat(sdo.validate(fhir).errors()).isEmpty();
  }

  @Property(tries = 80)
  void theTaskIsValidAgainstSdoTask(@ForAll("statuses") EsmsStatus status) {
    String json = VtFhir.toJson(SdoTaskMapper.toTask(status, Instant.parse("2026-11-23T10:15:30Z")));
    assertThat(sdo.validate(VtFhir.parse(json, org.hl7.fhir.r4.model.Task.class)).errors()).as(json).isEmpty();
  }
}
