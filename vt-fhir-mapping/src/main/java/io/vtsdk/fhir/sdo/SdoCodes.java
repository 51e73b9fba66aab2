package io.vtsdk.fhir.sdo;

import org.apiguardian.api.API;

/** Value sets the SDO profiles bind to that vt-model's nomenclatures do not ship (canonical URLs as in the IG). */
@API(status = API.Status.STABLE, since = "0.1")
public final class SdoCodes {
  private SdoCodes() {}

  /** Organisation categories of the ROR (categorieOrganisation). */
  public static final String J34_CATEGORIE_ORGANISATION =
      "https://mos.esante.gouv.fr/NOS/JDV_J34-CategorieOrganisation-ROR/FHIR/JDV-J34-CategorieOrganisation-ROR";
}
