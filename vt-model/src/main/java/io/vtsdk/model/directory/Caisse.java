package io.vtsdk.model.directory;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A caisse of the régime général's health insurance a patient belongs to (her « caisse de rattachement »): the unit a
 * Prado request goes to (seed 003). See {@link Caisses} for the list and its sources.
 *
 * @param code the 3-digit code written in {@code patient.insurance.cpamCode}
 * @param kind CPAM in metropolitan France, CGSS in four overseas départements, CSS in Mayotte
 * @param departement the département it serves
 * @param name its name, e.g. « CPAM du Rhône »
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Caisse(String code, Kind kind, Departement departement, String name) {

  /** The three kinds of caisse of the régime général (Code de la sécurité sociale, L. 211-1 and L. 752-1). */
  public enum Kind {
    /** Caisse primaire d'assurance maladie. */
    CPAM,
    /** Caisse générale de sécurité sociale (Guadeloupe, Martinique, Guyane, La Réunion). */
    CGSS,
    /** Caisse de sécurité sociale de Mayotte. */
    CSS
  }

  public Caisse {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(departement, "departement");
    Objects.requireNonNull(name, "name");
    if (!code.matches("[0-9]{3}")) {
      throw new IllegalArgumentException("a caisse code has 3 digits");
    }
  }

  /** The id of its unit in the directory: {@code CPAM-} and its code, whatever its kind (e.g. {@code CPAM-971}). */
  public UnitId unitId() {
    return UnitId.of("CPAM-" + code);
  }

  /**
   * Its unit in the directory: module Prado, target PRADO, its code and the département it covers; named
   * « 691 - CPAM du Rhône » as VT lists caisses (seed 003).
   */
  public Unit toUnit() {
    return Unit.builder(unitId(), code + " - " + name).departement(departement)
        .modules(Set.of(VtModule.PRADO)).targetKinds(Set.of(TargetKind.PRADO)).cpamCode(code)
        .coveredDepartements(Set.of(departement)).build();
  }
}
