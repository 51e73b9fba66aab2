package io.vtsdk.fhir.sdo;

import org.apiguardian.api.API;

/** Canonical URLs of the SDO IG's profiles ({@code ans.fhir.fr.sdo} 2.3). */
@API(status = API.Status.STABLE, since = "0.1")
public final class SdoProfiles {
  private SdoProfiles() {}

  public static final String BASE = "https://interop.esante.gouv.fr/ig/fhir/sdo/StructureDefinition/";
  public static final String SDO_TASK = BASE + "sdo-task";
  public static final String ESMS_CONSENT = BASE + "esms-consent";
  public static final String SDO_DOCUMENT_REFERENCE = BASE + "sdo-document-reference";
  public static final String ESMS_DOCUMENT_REFERENCE = BASE + "esms-document-reference";
  public static final String SDO_BUNDLE_NOTIFICATION_ESMS = BASE + "sdo-bundle-resultat-recherche-notification-esms";
  public static final String ESMS_BUNDLE_NOTIFICATION_ESMS = BASE + "esms-bundle-resultat-recherche-notification-esms";
  public static final String ESMS_BUNDLE_DECISION_EVALUATION = BASE
      + "esms-bundle-resultat-recherche-decision-evaluation";
}
