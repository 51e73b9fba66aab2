package io.vtsdk.model.directory;

import io.vtsdk.model.internal.Sets;
import io.vtsdk.model.Coding;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.identity.Siret;
import io.vtsdk.model.validation.ValidIdentifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A structure of the directory (établissement), fed by the ROR: identified by its FINESS géographique (and
 * juridique), or by a SIRET for structures without FINESS.
 *
 * @param category the TRE_R66 category ("catégorie d'établissement"), e.g. 500 EHPAD; for disability ESMS a code of
 *     JDV_J254
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Structure(
    @ValidIdentifier Finess finessGeographique,
    @ValidIdentifier Finess finessJuridique,
    @ValidIdentifier Siret siret,
    Coding category,
    @NotBlank(message = "{vt.required}") String name,
    @Valid Departement departement,
    Set<VtModule> modules) {

  public Structure {
    Objects.requireNonNull(name, "name");
    if (finessGeographique == null && siret == null) {
      throw new IllegalArgumentException("Structure '" + name + "' needs a FINESS géographique or a SIRET");
    }
    modules = Sets.sorted(modules, Comparator.naturalOrder());
  }

  /** The national structure identifier as SDO writes it: "1" + FINESS, else "3" + SIRET. */
  public String idNat() {
    return finessGeographique != null ? "1" + finessGeographique.value() : "3" + siret.value();
  }
}
