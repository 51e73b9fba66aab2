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

  /** How an import treats the units already in the directory. */
  public enum ImportMode {
    /** Imported units are added, or replace the unit of the same id; the others stay. */
    MERGE,
    /** The directory becomes the imported units; a unit left out that requests or dossiers use is kept: refused. */
    REPLACE
  }

  /**
   * Imports units into the directory: one transaction, all or nothing. Only VT itself imports (the reference server's
   * control API, as {@link AccessPolicy#canImportDirectory}).
   *
   * @return how many units the directory has after the import
   * @throws VtCoreException forbidden for any other caller; conflict (naming the unit) when a {@link ImportMode#REPLACE
   *     replace} leaves out a unit that a request was sent to or from, or that created a dossier
   */
  public int importUnits(Principal p, List<Unit> units, ImportMode mode) {
    if (!ctx.policy.canImportDirectory(p)) {
      throw VtCoreException.forbidden("only VT itself imports a directory");
    }
    java.util.Set<UnitId> kept = new java.util.HashSet<>();
    units.forEach(u -> kept.add(u.id()));
    return ctx.writeInternal(tx -> {
      if (mode == ImportMode.REPLACE) {
        List<String> used = new java.util.ArrayList<>();
        for (Unit old : tx.units()) {
          UnitId id = old.id();
          if (!kept.contains(id) && (!tx.requestsOfUnit(id, true, 0, 1).isEmpty()
              || !tx.requestsOfUnit(id, false, 0, 1).isEmpty() || !tx.dossiersOf(id, 0, 1).isEmpty())) {
            used.add(id.value());
          }
        }
        if (!used.isEmpty()) {
          throw VtCoreException.conflict("units used by requests or dossiers must stay in a replace: "
              + String.join(", ", used));
        }
        tx.clearUnits();
      }
      units.forEach(tx::putUnit);
      return tx.units().size();
    });
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
