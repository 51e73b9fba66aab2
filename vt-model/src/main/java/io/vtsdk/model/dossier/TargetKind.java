package io.vtsdk.model.dossier;

import io.vtsdk.model.VtModule;
import org.apiguardian.api.API;

/** What kind of structure an orientation points to, and the module it belongs to. */
@API(status = API.Status.STABLE, since = "0.1")
public enum TargetKind {
  /** Soins médicaux et de réadaptation, with a mention ({@link SmrMention}). */
  SMR(VtModule.SANITAIRE),
  /** Hospitalisation à domicile. */
  HAD(VtModule.SANITAIRE),
  /** Unité de soins palliatifs. */
  USP(VtModule.SANITAIRE),
  /** Lieu de vie – domicile with primary-care coordination. */
  DOMICILE(VtModule.SANITAIRE),
  /** A Prado service of the CPAM, with a volet. */
  PRADO(VtModule.PRADO),
  EHPAD(VtModule.GRAND_AGE),
  RESIDENCE_AUTONOMIE(VtModule.GRAND_AGE),
  /** Unité de soins de longue durée. */
  USLD(VtModule.GRAND_AGE),
  /** A disability ESMS of a JDV_J254 category. */
  ESMS(VtModule.HANDICAP),
  /** Plateforme de coordination et d'orientation, children 0 to 6. */
  PCO_0_6(VtModule.TND),
  /** Plateforme de coordination et d'orientation, children 7 to 12 (since 2021-04-01). */
  PCO_7_12(VtModule.TND),
  /** A specialty service (MCO) admitting directly, without the emergency room (HNP). */
  SPECIALTY_SERVICE(VtModule.HNP);

  private final VtModule module;

  TargetKind(VtModule module) {
    this.module = module;
  }

  public VtModule module() {
    return module;
  }
}
