package io.vtsdk.model.nos;

import org.apiguardian.api.API;

/**
 * The nomenclatures (ANS NOS tables, FR Core code system) shipped with vt-model, with their source: canonical URL,
 * OID and version, as listed in {@code io/vtsdk/model/nos/SOURCES.md} (copied from the ANS "Terminologies de Santé"
 * package ans.fr.terminologies 1.12.0 and FR Core).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum NosTable {
  /** Statuses of a person in an ESMS or unit (code system). */
  R357("TRE_R357-StatutPersonnePriseCharge",
      "https://mos.esante.gouv.fr/NOS/TRE_R357-StatutPersonnePriseCharge/FHIR/TRE-R357-StatutPersonnePriseCharge",
      "1.2.250.1.213.3.3.247", "20231215120000"),
  /** Motifs of those statuses (code system). */
  R358("TRE_R358-MotifStatutPersonnePriseCharge",
      "https://mos.esante.gouv.fr/NOS/TRE_R358-MotifStatutPersonnePriseCharge/FHIR/TRE-R358-MotifStatutPersonnePriseCharge",
      "1.2.250.1.213.3.3.248", "20231215120000"),
  /** ESMS-level statuses (value set over R357). */
  J252("JDV_J252-StatutPersonnePriseChargeESMS",
      "https://mos.esante.gouv.fr/NOS/JDV_J252-StatutPersonnePriseChargeESMS/FHIR/JDV-J252-StatutPersonnePriseChargeESMS",
      "1.2.250.1.213.3.4.116", "20230922120000"),
  /** Unit-level statuses (value set over R357). */
  J253("JDV_J253-StatutPersonnePriseChargeUnite",
      "https://mos.esante.gouv.fr/NOS/JDV_J253-StatutPersonnePriseChargeUnite/FHIR/JDV-J253-StatutPersonnePriseChargeUnite",
      "1.2.250.1.213.3.4.117", "20230922120000"),
  /** Unit-level motifs (value set over R358). */
  J250("JDV_J250-MotifStatutPersonnePriseChargeUnite",
      "https://mos.esante.gouv.fr/NOS/JDV_J250-MotifStatutPersonnePriseChargeUnite/FHIR/JDV-J250-MotifStatutPersonnePriseChargeUnite",
      "1.2.250.1.213.3.4.114", "20240126120000"),
  /** ESMS-level motifs (value set over R358). */
  J251("JDV_J251-MotifStatutPersonnePriseChargeESMS",
      "https://mos.esante.gouv.fr/NOS/JDV_J251-MotifStatutPersonnePriseChargeESMS/FHIR/JDV-J251-MotifStatutPersonnePriseChargeESMS",
      "1.2.250.1.213.3.4.115", "20230922120000"),
  /** Categories of disability ESMS (value set over TRE_R66). */
  J254("JDV_J254-CategorieEtablissementESSMSPH",
      "https://mos.esante.gouv.fr/NOS/JDV_J254-CategorieEtablissementESSMSPH/FHIR/JDV-J254-CategorieEtablissementESSMSPH",
      "1.2.250.1.213.3.4.218", "20241025120000"),
  /** Modes and centres of care in MDPH decisions (value set over R213 and R397). */
  J264("JDV_J264-ModeEtCentreDePriseEnCharge-MDPH",
      "https://mos.esante.gouv.fr/NOS/JDV_J264-ModeEtCentreDePriseEnCharge-MDPH/FHIR/JDV-J264-ModeEtCentreDePriseEnCharge-MDPH",
      "1.2.250.1.213.3.4.105", "20260730120000"),
  /** Modes of care (code system). */
  R213("TRE_R213-ModePriseEnCharge",
      "https://mos.esante.gouv.fr/NOS/TRE_R213-ModePriseEnCharge/FHIR/TRE-R213-ModePriseEnCharge",
      "1.2.250.1.213.3.3.13", "20260629120000"),
  /** Temporality of care: temporary / permanent (partial: the two codes of the CI-SIS MDPH/ESMS spec). */
  R240("TRE_R240-TemporaliteAccueil",
      "https://mos.esante.gouv.fr/NOS/TRE_R240-TemporaliteAccueil/FHIR/TRE-R240-TemporaliteAccueil",
      null, null),
  /** Types of structure identifiers (1 FINESS, 3 SIRET…). */
  G07("TRE_G07-TypeIdentifiantStructure",
      "https://mos.esante.gouv.fr/NOS/TRE_G07-TypeIdentifiantStructure/FHIR/TRE-G07-TypeIdentifiantStructure",
      "1.2.250.1.71.1.2.14", "20240329120000"),
  /** Activity sectors. */
  R02("TRE_R02-SecteurActivite",
      "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite",
      "1.2.250.1.71.4.2.4", "20250523120000"),
  /** FR Core identity reliability (HL7 v2 table 0445 as FR Core publishes it). */
  FR_CORE_0445("fr-core-cs-v2-0445", "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445", null,
      "2.2.0-ballot-2");

  private final String resourceName;
  private final String url;
  private final String oid;
  private final String version;

  NosTable(String resourceName, String url, String oid, String version) {
    this.resourceName = resourceName;
    this.url = url;
    this.oid = oid;
    this.version = version;
  }

  /** Canonical URL of the code system or value set; use it as {@code Coding.system}. */
  public String url() {
    return url;
  }

  /** OID, or null when the source gives none. */
  public String oid() {
    return oid;
  }

  /** Version of the source, or null when unknown. */
  public String version() {
    return version;
  }

  String resource() {
    return resourceName + ".csv";
  }

  /** The canonical URL of the code system the codes of a value set come from (R357 for J252…). */
  public String codeSystemUrl() {
    switch (this) {
      case J252:
      case J253:
        return R357.url;
      case J250:
      case J251:
        return R358.url;
      case J264:
        return R213.url;
      default:
        return url;
    }
  }
}
