package io.vtsdk.core;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.TargetKind;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The directory of structures and units VT routes to (fed by the ROR). Public to every caller. Obtained from
 * {@link VtCore#directory()}; thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class DirectoryService {
  private final CoreContext ctx;

  DirectoryService(CoreContext ctx) {
    this.ctx = ctx;
  }

  /** The units matching {@code q} (every field of it may be null: no filter), in directory order. */
  public List<Unit> search(UnitSearch q) {
    return ctx.read(tx -> tx.units().stream()
        .filter(u -> q.module() == null || u.modules().contains(q.module()))
        .filter(u -> q.target() == null || u.targetKinds().contains(q.target()))
        .filter(u -> q.pradoVolet() == null || u.pradoVolets().contains(q.pradoVolet()))
        .filter(u -> q.departement() == null
            || u.departement() != null && u.departement().code().equalsIgnoreCase(q.departement()))
        .filter(u -> q.finess() == null || u.structure() != null && u.structure().value().equals(q.finess()))
        .filter(u -> q.category() == null || u.esmsCategory() != null && u.esmsCategory().code().equals(q.category()))
        .toList());
  }

  /** Every unit of the directory. */
  public List<Unit> all() {
    return search(UnitSearch.ALL);
  }

  /** A unit; not found when the directory has none of this id. */
  public Unit unit(UnitId id) {
    return find(id).orElseThrow(() -> VtCoreException.notFound("unit", id.value()));
  }

  /** A unit of the directory, if there is one of this id. */
  public Optional<Unit> find(UnitId id) {
    return ctx.read(tx -> tx.unit(id));
  }

  /**
   * A directory search of the core (the {@code /v1/units} filters). Not to be confused with vt-client's request
   * builder of the same search over HTTP.
   *
   * @param departement an INSEE département code, any case
   * @param finess a FINESS (the unit's structure)
   * @param category an ESMS category code (JDV_J254)
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public record UnitSearch(VtModule module, TargetKind target, PradoVolet pradoVolet, String departement,
      String finess, String category) {
    /** No filter. */
    public static final UnitSearch ALL = new UnitSearch(null, null, null, null, null, null);
  }
}
