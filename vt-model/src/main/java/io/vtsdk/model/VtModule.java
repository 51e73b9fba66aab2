package io.vtsdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.internal.Names;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apiguardian.api.API;

/**
 * A ViaTrajectoire module (DESIGN.md §1): the five national ones and HNP, a regional one, as constants; a regional
 * extension module (mental health, PDS… in some regions) is another value, made usable by its
 * {@link ModuleDescriptor}. What each module does is its descriptor's.
 *
 * <p>An open set of names with the constants of a closed one: compare with {@code ==} or {@code equals} (values are
 * canonical), read them from JSON and from {@link #valueOf(String)} like an enum's. Until 0.2 an enum: a {@code switch}
 * over it becomes an {@code if} on the constants, or better, a question to the module's descriptor.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class VtModule implements Comparable<VtModule>, Serializable {
  private static final long serialVersionUID = 1L;
  private static final ConcurrentMap<String, VtModule> VALUES = new ConcurrentHashMap<>();

  /** Hospital (MCO) or GP → SMR, HAD, USP, home with primary-care coordination. */
  public static final VtModule SANITAIRE = standard("SANITAIRE", 0);
  /** Hospital unit → CPAM home-return service (Prado). */
  public static final VtModule PRADO = standard("PRADO", 1);
  /** Hospital, GP or the person/family → EHPAD, résidence autonomie, USLD. */
  public static final VtModule GRAND_AGE = standard("GRAND_AGE", 2);
  /** MDPH orientation decision → disability ESMS. */
  public static final VtModule HANDICAP = standard("HANDICAP", 3);
  /** Doctor → PCO (plateforme de coordination et d'orientation) for neurodevelopmental disorders. */
  public static final VtModule TND = standard("TND", 4);
  /**
   * Hospitalisations non programmées: emergency professionals, bed managers and GPs send a direct admission request
   * to a specialty service, avoiding the emergency room (seed 002; experimental, Occitanie only).
   */
  public static final VtModule HNP = standard("HNP", 5);

  private static final List<VtModule> STANDARD = List.of(SANITAIRE, PRADO, GRAND_AGE, HANDICAP, TND, HNP);

  private final String name;
  /** The place among the standard modules; -1 for an extension. */
  private final int order;

  private VtModule(String name, int order) {
    this.name = name;
    this.order = order;
  }

  private static VtModule standard(String name, int order) {
    VtModule m = new VtModule(name, order);
    VALUES.put(name, m);
    return m;
  }

  /**
   * The module of this name: a standard one, or an extension module's value for its descriptor to declare
   * ({@link ModuleDescriptor#module()}). Names are 2 to 32 upper-case letters, digits and {@code _}, starting with a
   * letter.
   *
   * @throws IllegalArgumentException for a name of another form (the name is not repeated)
   * @since 0.3
   */
  public static VtModule of(String name) {
    Names.require(name, "module");
    return VALUES.computeIfAbsent(name, n -> new VtModule(n, -1));
  }

  /**
   * The module of this name, as {@code Enum.valueOf} would: a standard one, or an extension whose descriptor is
   * registered. What JSON and query parameters are read with: an unknown name is refused, never defined.
   *
   * @throws IllegalArgumentException for any other name (the name is not repeated: it may come from a request)
   */
  @JsonCreator
  public static VtModule valueOf(String name) {
    VtModule m = name == null ? null : VALUES.get(name);
    if (m == null || m.order < 0 && !VtModules.isRegistered(m)) {
      throw new IllegalArgumentException("not a module of VT nor a registered extension module");
    }
    return m;
  }

  /** The standard modules and the registered extension modules, in that order. */
  public static VtModule[] values() {
    return VtModules.all().stream().map(ModuleDescriptor::module).toArray(VtModule[]::new);
  }

  /** The six modules of VT itself, in their order. @since 0.3 */
  public static List<VtModule> standardValues() {
    return STANDARD;
  }

  /** True for VT's own modules, false for an extension module. @since 0.3 */
  public boolean isStandard() {
    return order >= 0;
  }

  /** The module's code, as JSON and the API write it ({@code PRADO}). */
  @JsonValue
  public String name() {
    return name;
  }

  /** Standard modules first, in their order, then extension modules by name. */
  @Override
  public int compareTo(VtModule o) {
    return Names.compare(order, name, o.order, o.name);
  }

  @Override
  public String toString() {
    return name;
  }

  private Object readResolve() throws ObjectStreamException {
    return of(name);
  }
}
