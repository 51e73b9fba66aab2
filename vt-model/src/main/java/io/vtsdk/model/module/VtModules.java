package io.vtsdk.model.module;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.request.ResponseKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The one registry of modules: the {@link ModuleDescriptor}s found on the class path (one per module: VT's six and any
 * extension module), with the parts other artifacts add to them ({@link ModulePart}: a module's rule sets in vt-rules).
 * Both are found through {@link ServiceLoader} ({@code META-INF/services/io.vtsdk.model.module.ModuleDescriptor} and
 * {@code …ModulePart}); adding a module changes no file of this project.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class VtModules {
  private static final Map<VtModule, ModuleDescriptor> ALL = load();
  /** The same, for {@link #of}: values are canonical, so an identity map (asked on every operation of the core). */
  private static final Map<VtModule, ModuleDescriptor> BY_IDENTITY = new java.util.IdentityHashMap<>(ALL);
  private static final List<ModulePart> PARTS = parts();

  private VtModules() {}

  private static Map<VtModule, ModuleDescriptor> load() {
    Map<VtModule, ModuleDescriptor> m = new TreeMap<>();
    for (ModuleDescriptor d : ServiceLoader.load(ModuleDescriptor.class, VtModules.class.getClassLoader())) {
      if (m.putIfAbsent(d.module(), d) != null) {
        throw new IllegalStateException("two descriptors for module " + d.module());
      }
      for (TargetKind k : d.targetKinds()) {
        if (!k.module().equals(d.module())) {
          throw new IllegalStateException("the descriptor of " + d.module() + " declares target kind " + k
              + " of module " + k.module());
        }
      }
    }
    for (VtModule module : VtModule.standardValues()) {
      if (!m.containsKey(module)) {
        throw new IllegalStateException("no ModuleDescriptor registered for " + module);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static List<ModulePart> parts() {
    List<ModulePart> out = new ArrayList<>();
    for (ModulePart p : ServiceLoader.load(ModulePart.class, VtModules.class.getClassLoader())) {
      if (!ALL.containsKey(p.module())) {
        throw new IllegalStateException(p.getClass().getName() + " is a part of module " + p.module()
            + ", which has no registered descriptor");
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  /** The descriptor of {@code module}. */
  public static ModuleDescriptor of(VtModule module) {
    ModuleDescriptor d = BY_IDENTITY.get(Objects.requireNonNull(module, "module"));
    if (d == null) {
      throw new IllegalArgumentException("no ModuleDescriptor registered for module " + module);
    }
    return d;
  }

  /** Whether {@code module} has a registered descriptor. @since 0.3 */
  public static boolean isRegistered(VtModule module) {
    return BY_IDENTITY.containsKey(module);
  }

  /** Every descriptor: VT's modules in their order, then the extension modules by name. */
  public static Collection<ModuleDescriptor> all() {
    return ALL.values();
  }

  /** Whether a registered descriptor declares {@code kind} (a standard kind, or an extension module's). @since 0.3 */
  public static boolean declares(TargetKind kind) {
    ModuleDescriptor d = ALL.get(kind.module());
    return d != null && d.targetKinds().contains(kind);
  }

  /** Whether a registered descriptor lists {@code kind} among its answers. @since 0.3 */
  public static boolean declares(ResponseKind kind) {
    for (ModuleDescriptor d : ALL.values()) {
      if (d.responseKinds().contains(kind)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parts of type {@code type} of every module (vt-rules: {@code RuleSetProvider}, the modules' rule sets), in the
   * modules' order.
   *
   * @since 0.3
   */
  public static <T extends ModulePart> List<T> parts(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (VtModule m : ALL.keySet()) {
      for (ModulePart p : PARTS) {
        if (type.isInstance(p) && p.module().equals(m)) {
          out.add(type.cast(p));
        }
      }
    }
    return out;
  }
}
