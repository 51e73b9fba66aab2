package io.vtsdk.client;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import org.apiguardian.api.API;

/** Directory search: by module, target kind, département, FINESS, PRADO volet, ESMS category (J254 code). */
@API(status = API.Status.STABLE, since = "0.1")
public record UnitQuery(VtModule module, TargetKind target, Departement departement, Finess finess,
    PradoVolet pradoVolet, String category) {

  public static UnitQuery all() {
    return new UnitQuery(null, null, null, null, null, null);
  }

  public UnitQuery module(VtModule m) {
    return new UnitQuery(m, target, departement, finess, pradoVolet, category);
  }

  public UnitQuery target(TargetKind t) {
    return new UnitQuery(module, t, departement, finess, pradoVolet, category);
  }

  public UnitQuery departement(Departement d) {
    return new UnitQuery(module, target, d, finess, pradoVolet, category);
  }

  public UnitQuery finess(Finess f) {
    return new UnitQuery(module, target, departement, f, pradoVolet, category);
  }

  public UnitQuery pradoVolet(PradoVolet v) {
    return new UnitQuery(module, target, departement, finess, v, category);
  }

  /** An ESMS category code of the J254 nomenclature (e.g. {@code 183}, IME). */
  public UnitQuery category(String j254Code) {
    return new UnitQuery(module, target, departement, finess, pradoVolet, j254Code);
  }
}
