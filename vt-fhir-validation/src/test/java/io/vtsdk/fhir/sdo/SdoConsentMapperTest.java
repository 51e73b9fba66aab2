package io.vtsdk.fhir.sdo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.validation.SdoValidator;
import java.io.IOException;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

class SdoConsentMapperTest {

  @Test
  void anAgreementIsAValidEsmsConsentAndReadsBack() {
    SdoConsent c = new SdoConsent("1690000013", LocalDate.of(2026, 11, 23), "SDO-MDPH69-2026-0042");
    Consent fhir = SdoConsentMapper.toConsent(c);
    assertThat(SdoValidator.create().validate(fhir).errors()).isEmpty();
    assertThat(SdoConsentMapper.fromConsent(VtFhir.parse(VtFhir.toJson(fhir), Consent.class))).isEqualTo(c);
  }

  @Test
  void theIgsExampleIsReadAndItsNegativeTwinRefused() throws IOException {
    SdoConsent c = SdoConsentMapper.fromConsent(VtFhir.parse(SdoTaskMapperTest.example("ESMSConsent"),
        Consent.class));
    assertThat(c.idNatDecision()).isEqualTo("idNat_Decision");
    assertThat(c.date()).isEqualTo(LocalDate.of(2022, 5, 11));
    assertThatThrownBy(() -> SdoConsentMapper.fromConsent(VtFhir.parse(SdoTaskMapperTest.example(
        "ESMSConsent_nonPassant"), Consent.class))).isInstanceOf(FhirMappingException.class)
        .hasMessageContaining("Consent.provision.data.reference.identifier");
  }
}
