package io.vtsdk.model.dossier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.internal.Names;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apiguardian.api.API;

/**
 * What kind of structure an orientation points to, and the module it belongs to. VT's kinds are constants; an
 * extension module declares its own ({@link #of(String, VtModule)}, {@link ModuleDescriptor#targetKinds()}). Values
 * are canonical (compare with {@code ==} or {@code equals}); until 0.2 an enum.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TargetKind implements Comparable<TargetKind>, Serializable {
  private static final long serialVersionUID = 1L;
  private static final ConcurrentMap<String, TargetKind> VALUES = new ConcurrentHashMap<>();

  /** Soins médicaux et de réadaptation, with a mention ({@link SmrMention}). */
  public static final TargetKind SMR = standard("SMR", VtModule.SANITAIRE, 0);
  /** Hospitalisation à domicile. */
  public static final TargetKind HAD = standard("HAD", VtModule.SANITAIRE, 1);
  /** Unité de soins palliatifs. */
  public static final TargetKind USP = standard("USP", VtModule.SANITAIRE, 2);
  /** Lieu de vie – domicile with primary-care coordination. */
  public static final TargetKind DOMICILE = standard("DOMICILE", VtModule.SANITAIRE, 3);
  /** A Prado service of the CPAM, with a volet. */
  public static final TargetKind PRADO = standard("PRADO", VtModule.PRADO, 4);
  public static final TargetKind EHPAD = standard("EHPAD", VtModule.GRAND_AGE, 5);
  public static final TargetKind RESIDENCE_AUTONOMIE = standard("RESIDENCE_AUTONOMIE", VtModule.GRAND_AGE, 6);
  /** Unité de soins de longue durée. */
  public static final TargetKind USLD = standard("USLD", VtModule.GRAND_AGE, 7);
  /** A disability ESMS of a JDV_J254 category. */
  public static final TargetKind ESMS = standard("ESMS", VtModule.HANDICAP, 8);
  /** Plateforme de coordination et d'orientation, children 0 to 6. */
  public static final TargetKind PCO_0_6 = standard("PCO_0_6", VtModule.TND, 9);
  /** Plateforme de coordination et d'orientation, children 7 to 12 (since 2021-04-01). */
  public static final TargetKind PCO_7_12 = standard("PCO_7_12", VtModule.TND, 10);
  /** A specialty service (MCO) admitting directly, without the emergency room (HNP). */
  public static final TargetKind SPECIALTY_SERVICE = standard("SPECIALTY_SERVICE", VtModule.HNP, 11);

  private static final List<TargetKind> STANDARD = List.of(SMR, HAD, USP, DOMICILE, PRADO, EHPAD,
      RESIDENCE_AUTONOMIE, USLD, ESMS, PCO_0_6, PCO_7_12, SPECIALTY_SERVICE);

  private final String name;
  private final VtModule module;
  private final int order;

  private TargetKind(String name, VtModule module, int order) {
    this.name = name;
    this.module = module;
    this.order = order;
  }

  private static TargetKind standard(String name, VtModule module, int order) {
    TargetKind k = new TargetKind(name, module, order);
    VALUES.put(name, k);
    return k;
  }

  /**
   * The target kind of this name for an extension module, for its descriptor to declare
   * ({@link ModuleDescriptor#targetKinds()}); a name already used must belong to the same module.
   *
   * @throws IllegalArgumentException for a name of another form, or of another module's kind
   * @since 0.3
   */
  public static TargetKind of(String name, VtModule module) {
    Names.require(name, "target kind");
    Objects.requireNonNull(module, "module");
    TargetKind k = VALUES.computeIfAbsent(name, n -> new TargetKind(n, module, -1));
    if (!k.module.equals(module)) {
      throw new IllegalArgumentException("target kind " + name + " belongs to module " + k.module);
    }
    return k;
  }

  /**
   * The kind of this name, as {@code Enum.valueOf} would: a standard one, or one a registered descriptor declares.
   *
   * @throws IllegalArgumentException for any other name (not repeated: it may come from a request)
   */
  @JsonCreator
  public static TargetKind valueOf(String name) {
    TargetKind k = name == null ? null : VALUES.get(name);
    if (k == null || k.order < 0 && !VtModules.declares(k)) {
      throw new IllegalArgumentException("not a target kind of VT nor of a registered extension module");
    }
    return k;
  }

  /** VT's kinds and those the registered extension modules declare. */
  public static TargetKind[] values() {
    return VtModules.all().stream().flatMap(d -> d.targetKinds().stream()).sorted().toArray(TargetKind[]::new);
  }

  /** VT's own kinds, in their order. @since 0.3 */
  public static List<TargetKind> standardValues() {
    return STANDARD;
  }

  /** The kind's code ({@code SMR}). */
  @JsonValue
  public String name() {
    return name;
  }

  public VtModule module() {
    return module;
  }

  /** VT's kinds first, in their order, then extension kinds by name. */
  @Override
  public int compareTo(TargetKind o) {
    return Names.compare(order, name, o.order, o.name);
  }

  @Override
  public String toString() {
    return name;
  }

  private Object readResolve() throws ObjectStreamException {
    return of(name, module);
  }
}
