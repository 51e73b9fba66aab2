package io.vtsdk.fhir.frcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.VigilanceAttribute;
import io.vtsdk.model.patient.Patient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatientMapperTest {
  static final String NIR = Fixtures.nir("2480569123456").value();

  static Patient qualified() {
    return Fixtures.adult().toBuilder().ins(new Ins(Fixtures.nir("2480569123456"), InsAuthority.NIR))
        .identityStatus(IdentityStatus.QUALIFIEE).vigilance(Set.of(VigilanceAttribute.HOMONYME_DETECTE))
        .birthGivenNames("Claire Marie Louise").build();
  }

  @Test
  void aQualifiedIdentityIsAnFrCorePatientInsWithItsInsSlice() {
    String json = VtFhir.toJson(PatientMapper.toFhir(qualified()));
    assertThat(json).contains("\"profile\":[\"" + FrCore.PATIENT_INS + "\"]")
        .contains("{\"use\":\"official\",\"type\":{\"coding\":[{\"system\":\"" + FrCore.CS_IDENTIFIER_TYPE
            + "\",\"code\":\"INS-NIR\"}]},\"system\":\"urn:oid:1.2.250.1.213.1.4.8\",\"value\":\"" + NIR + "\"}")
        .contains("{\"url\":\"methodCollection\",\"valueCoding\":{\"system\":\"" + FrCore.CS_METHOD_COLLECTION
            + "\",\"code\":\"INSI\"}},{\"url\":\"identityStatus\",\"valueCoding\":{\"system\":\""
            + FrCore.CS_IDENTITY_RELIABILITY + "\",\"code\":\"VALI\"}}")
        .contains("{\"url\":\"" + FrCore.EXT_IDENTITY_RELIABILITY + "\",\"extension\":[{\"url\":\"identityStatus\","
            + "\"valueCoding\":{\"system\":\"" + FrCore.CS_IDENTITY_RELIABILITY + "\",\"code\":\"HOMD\"}}]}")
        .contains("\"valueString\":\"Claire Marie Louise\"");
    assertThat(PatientMapper.fromFhir(VtFhir.parse(json, org.hl7.fhir.r4.model.Patient.class)))
        .isEqualTo(qualified());
  }

  @Test
  void eachInsAuthorityHasItsSliceAllOfficial() {
    for (InsAuthority a : InsAuthority.values()) {
      Patient p = qualified().toBuilder().ins(new Ins(Fixtures.nir("2480569123456"), a)).build();
      org.hl7.fhir.r4.model.Patient fhir = PatientMapper.toFhir(p);
      assertThat(fhir.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:" + a.oid());
      // FR Core 2.2.0: « l'INS-NIA est avant tout le numéro officiel à un instant donné » (official | old only)
      assertThat(fhir.getIdentifierFirstRep().getUse().toCode()).isEqualTo("official");
      assertThat(PatientMapper.fromFhir(fhir).ins()).isEqualTo(p.ins());
    }
  }

  @Test
  void theInsIsWrittenForAQualifiedIdentityOnly() {
    for (IdentityStatus status : IdentityStatus.values()) {
      org.hl7.fhir.r4.model.Patient fhir = PatientMapper.toFhir(qualified().toBuilder().identityStatus(status).build());
      assertThat(fhir.getIdentifier()).as(status.name()).hasSize(status == IdentityStatus.QUALIFIEE ? 1 : 0);
      String json = VtFhir.toJson(fhir);
      if (status == IdentityStatus.QUALIFIEE) {
        assertThat(json).contains(NIR).contains(FrCore.PATIENT_INS);
      } else {
        assertThat(json).as(status.name()).doesNotContain(NIR).doesNotContain(FrCore.PATIENT_INS);
      }
    }
  }

  @Test
  void readingIsTolerantOfOtherFrCoreContent() {
    String json = "{\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"" + FrCore.EXT_IDENTITY_RELIABILITY
        + "\",\"extension\":[{\"url\":\"identityStatus\",\"valueCoding\":{\"code\":\"VALI\"}},"
        + "{\"url\":\"dateCollection\",\"valueDate\":\"2024-01-02\"}]},"
        + "{\"url\":\"" + FrCore.EXT_IDENTITY_RELIABILITY
        + "\",\"extension\":[{\"url\":\"identityStatus\",\"valueCodeableConcept\":{\"coding\":[{\"code\":\"DOUT\"}]}}]},"
        + "{\"url\":\"" + FrCore.EXT_IDENTITY_RELIABILITY
        + "\",\"extension\":[{\"url\":\"identityStatus\",\"valueCoding\":{\"code\":\"DOUB\"}}]},"
        + "{\"url\":\"http://hl7.org/fhir/StructureDefinition/patient-nationality\",\"extension\":[]}],"
        + "\"identifier\":[{\"use\":\"old\",\"system\":\"urn:oid:1.2.250.1.213.1.4.8\",\"value\":\"111\"},"
        + "{\"system\":\"urn:oid:1.2.250.1.71.1.2.7\",\"value\":\"IPP-42\"}],"
        + "\"name\":[{\"use\":\"official\",\"family\":\"Durand\",\"given\":[\"Pierre\"]}],"
        + "\"telecom\":[{\"system\":\"phone\",\"value\":\"0102030405\"}],\"gender\":\"male\",\"birthDate\":\"1974-12-25\"}";
    Patient p = PatientMapper.fromFhir(VtFhir.parse(json, org.hl7.fhir.r4.model.Patient.class));
    assertThat(p.ins()).as("a deactivated INS (use old) and local identifiers are not the INS").isNull();
    assertThat(p.identityStatus()).isEqualTo(IdentityStatus.VALIDEE);
    assertThat(p.vigilance()).containsExactlyInAnyOrder(VigilanceAttribute.IDENTITE_DOUTEUSE,
        VigilanceAttribute.DOUBLON);
    assertThat(p.birthName()).isEqualTo("Durand");
    assertThat(p.firstBirthGivenName()).isEqualTo("Pierre");
  }

  @Test
  void errorsNameTheElementAndNeverTheValue() {
    org.hl7.fhir.r4.model.Patient two = PatientMapper.toFhir(qualified());
    two.addIdentifier().setSystem("urn:oid:1.2.250.1.213.1.4.9").setValue("1234567890123");
    assertThatThrownBy(() -> PatientMapper.fromFhir(two)).isInstanceOf(FhirMappingException.class)
        .hasMessage("Patient.identifier:INS: more than one active INS").hasMessageNotContaining(NIR);

    org.hl7.fhir.r4.model.Patient other = PatientMapper.toFhir(qualified());
    other.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.OTHER);
    assertThatThrownBy(() -> PatientMapper.fromFhir(other)).hasMessage(
        "Patient.gender: must be male, female or unknown (INS)");

    String partial = VtFhir.toJson(PatientMapper.toFhir(qualified())).replace("\"birthDate\":\"" + qualified()
        .birthDate() + "\"", "\"birthDate\":\"1948-05\"");
    assertThatThrownBy(() -> PatientMapper.fromFhir(VtFhir.parse(partial, org.hl7.fhir.r4.model.Patient.class)))
        .hasMessage("Patient.birthDate: must be a full date (YYYY-MM-DD)");
  }

  @Test
  void theFourRnivStatusesComeBackFromFrCore220sTwoCodes() {
    for (IdentityStatus status : IdentityStatus.values()) {
      Patient p = qualified().toBuilder().identityStatus(status)
          .ins(status == IdentityStatus.QUALIFIEE ? qualified().ins() : null).build();
      org.hl7.fhir.r4.model.Patient fhir = PatientMapper.toFhir(p);
      assertThat(VtFhir.toJson(fhir)).as(status.name()).doesNotContain("RECUP", "QUAL\"");
      assertThat(PatientMapper.fromFhir(fhir).identityStatus()).as(status.name()).isEqualTo(status);
    }
  }

  @Test
  void theIdentityDocumentIsFrCoresValidationModeWhereItHasACode() {
    for (io.vtsdk.model.identity.IdentityProof proof : io.vtsdk.model.identity.IdentityProof.values()) {
      for (IdentityStatus status : List.of(IdentityStatus.QUALIFIEE, IdentityStatus.PROVISOIRE)) {
        Patient p = qualified().toBuilder().identityStatus(status).identityProof(proof)
            .ins(status == IdentityStatus.QUALIFIEE ? qualified().ins() : null).build();
        assertThat(PatientMapper.fromFhir(PatientMapper.toFhir(p)).identityProof()).as(proof + " " + status)
            .isEqualTo(proof);
      }
    }
  }

  @Test
  void theBirthGivenNamesAreKeptAsInsiGivesThem() {
    Patient compound = qualified().toBuilder().firstBirthGivenName("Anne Sophie").birthGivenNames("Anne Sophie Marie")
        .build();
    assertThat(PatientMapper.fromFhir(PatientMapper.toFhir(compound))).isEqualTo(compound);
  }

  @Test
  void aProfessionalIsAnFrCorePractitionerWithItsIdnps() {
    Professional doctor = Fixtures.doctor();
    org.hl7.fhir.r4.model.Practitioner p = PractitionerMapper.toPractitioner(doctor);
    assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:1.2.250.1.71.4.2.1");
    assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo("8" + doctor.rpps().value());
    assertThat(PractitionerMapper.fromPractitioner(VtFhir.parse(VtFhir.toJson(p),
        org.hl7.fhir.r4.model.Practitioner.class))).isEqualTo(doctor);
  }
}
