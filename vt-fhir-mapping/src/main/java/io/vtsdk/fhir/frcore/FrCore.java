package io.vtsdk.fhir.frcore;

import org.apiguardian.api.API;

/**
 * Canonical URLs of FR Core (Interop'Santé, {@code hl7.fhir.fr.core} 2.2.0) used by the mappers, and of the few
 * vt-sdk extensions for model fields FR Core has no element for. See docs/fhir.md for the choices.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class FrCore {
  private FrCore() {}

  static final String BASE = "https://hl7.fr/ig/fhir/core/";
  public static final String PATIENT = BASE + "StructureDefinition/fr-core-patient";
  public static final String PATIENT_INS = BASE + "StructureDefinition/fr-core-patient-ins";
  public static final String PRACTITIONER = BASE + "StructureDefinition/fr-core-practitioner";
  public static final String PRACTITIONER_ROLE = BASE + "StructureDefinition/fr-core-practitioner-role";
  /** Identifier types: INS-NIR, INS-NIA, INS-NIR-TEST, INS-NIR-DEMO, IDNPS… */
  public static final String CS_IDENTIFIER_TYPE = BASE + "CodeSystem/fr-core-cs-v2-0203";
  public static final String EXT_IDENTITY_RELIABILITY = BASE + "StructureDefinition/fr-core-identity-reliability";
  /**
   * Identity statuses (VIDE, PROV, VALI) and identity attributes (HOMD, HOMA, DOUT, FICT, DPOT, COLP…): the code system
   * of fr-core-identity-reliability's identityStatus in FR Core 2.2.0 (HL7 v2 table 0445).
   */
  public static final String CS_IDENTITY_RELIABILITY = BASE + "CodeSystem/fr-core-cs-v2-0445";
  /** How the identity was collected: SM, CV, INSI, CB, RFID. */
  public static final String CS_METHOD_COLLECTION = BASE + "CodeSystem/fr-core-cs-method-collection";
  /** The document the identity was checked against: CN, PA, CS, AN, LE… */
  public static final String CS_VALIDATION_MODE = BASE + "CodeSystem/fr-core-cs-mode-validation-identity";
  public static final String EXT_BIRTH_LIST_GIVEN_NAME = BASE
      + "StructureDefinition/fr-core-patient-birth-list-given-name";
  public static final String EXT_ADDRESS_INSEE_CODE = BASE + "StructureDefinition/fr-core-address-insee-code";
  public static final String EXT_BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
  /** INSEE commune codes, as in FR Core's own example. */
  public static final String CS_INSEE_COMMUNE = "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM";
  /** National identifier of health professionals ("8" + RPPS). */
  public static final String OID_IDNPS = "urn:oid:1.2.250.1.71.4.2.1";

  public static final String ORGANIZATION = BASE + "StructureDefinition/fr-core-organization";
  public static final String HEALTHCARE_SERVICE = BASE + "StructureDefinition/fr-core-healthcare-service";
  public static final String SYSTEM_FINESS = "https://finess.esante.gouv.fr";
  public static final String SYSTEM_SIRET = "https://sirene.fr";
  /** National structure identifier: "1" + FINESS or "3" + SIRET. */
  public static final String OID_IDNATST = "urn:oid:1.2.250.1.71.4.2.2";

  /** vt-sdk naming systems and code systems (no national one exists for these). */
  static final String VT_NS = "https://vtsdk.io/fhir/NamingSystem/";
  public static final String VT_UNIT_ID = VT_NS + "unit";
  public static final String VT_ROR_UNIT_ID = VT_NS + "ror-unit";
  static final String VT_CS = "https://vtsdk.io/fhir/CodeSystem/";
  public static final String VT_CS_MODULE = VT_CS + "module";
  public static final String VT_CS_TARGET_KIND = VT_CS + "target-kind";
  public static final String VT_CS_PRADO_VOLET = VT_CS + "prado-volet";
  public static final String VT_CS_PROFESSION = VT_CS + "profession";

  /** vt-sdk extensions (FR Core has no element for these model fields). */
  static final String VT = "https://vtsdk.io/fhir/StructureDefinition/";
  public static final String VT_INSURANCE = VT + "insurance";
  /** The identity document where FR Core's validationMode has no code for it (none, other; CS under patient-ins). */
  public static final String VT_IDENTITY_PROOF = VT + "identity-proof";
  public static final String VT_PROTECTION_MEASURE = VT + "protection-measure";
  public static final String VT_NO_TREATING_DOCTOR = VT + "no-treating-doctor";
  public static final String VT_LEGAL_REPRESENTATIVE = VT + "legal-representative-relationship";
  public static final String VT_PROFESSION = VT + "profession";
  public static final String VT_DELEGATION = VT + "delegation";
  public static final String VT_DEPARTEMENT = VT + "departement";
  public static final String VT_COVERED_DEPARTEMENT = VT + "covered-departement";
  public static final String VT_CAPACITY = VT + "capacity";
  public static final String VT_CPAM_CODE = VT + "cpam-code";
}
