package io.vtsdk.fhir.sdo;

import io.vtsdk.fhir.FhirMappingException;
import java.time.LocalDate;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;

/**
 * {@link SdoConsent} ↔ {@code esms-consent} (SDO flow 2): status active, scope patient-privacy, category LOINC
 * 59284-0, policy rule OPTIN, {@code meta.source} = idNat_Struct, {@code dateTime}, and one
 * {@code provision.data} (meaning related) whose reference identifier (use official) is idNat_Decision.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SdoConsentMapper {
  private SdoConsentMapper() {}

  public static Consent toConsent(SdoConsent c) {
    java.util.Objects.requireNonNull(c, "consent");
    Consent out = new Consent();
    out.getMeta().addProfile(SdoProfiles.ESMS_CONSENT).setSource(c.idNatStruct());
    out.setStatus(Consent.ConsentState.ACTIVE);
    out.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
        .setCode("patient-privacy").setDisplay("Privacy Consent");
    out.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0").setDisplay("Consent");
    out.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("OPTIN");
    out.setDateTimeElement(new DateTimeType(c.date().toString()));
    out.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.RELATED).getReference().getIdentifier()
        .setUse(Identifier.IdentifierUse.OFFICIAL).setValue(c.idNatDecision());
    return out;
  }

  /**
   * @throws FhirMappingException naming the element when the Consent is not an esms-consent agreement
   */
  public static SdoConsent fromConsent(Consent c) {
    java.util.Objects.requireNonNull(c, "consent");
    if (c.getStatus() != Consent.ConsentState.ACTIVE) {
      throw new FhirMappingException("Consent.status", "must be active (esms-consent)");
    }
    if (!c.getMeta().hasSource()) {
      throw new FhirMappingException("Consent.meta.source", "required: the idNat_Struct of the ESMS");
    }
    if (!c.hasDateTime()) {
      throw new FhirMappingException("Consent.dateTime", "required");
    }
    if (c.getProvision().getData().size() != 1) {
      throw new FhirMappingException("Consent.provision.data", "exactly one is required (1..1)");
    }
    Identifier decision = c.getProvision().getDataFirstRep().getReference().getIdentifier();
    if (decision.getUse() != Identifier.IdentifierUse.OFFICIAL || !decision.hasValue()) {
      throw new FhirMappingException("Consent.provision.data.reference.identifier",
          "required, use official, value = idNat_Decision");
    }
    String date = c.getDateTimeElement().getValueAsString();
    return new SdoConsent(c.getMeta().getSource(), LocalDate.parse(date.substring(0, 10)), decision.getValue());
  }
}
