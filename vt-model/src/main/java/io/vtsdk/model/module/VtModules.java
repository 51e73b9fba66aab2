package io.vtsdk.model.module;

import io.vtsdk.model.VtModule;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/** The module descriptors found on the class path (one per {@link VtModule}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class VtModules {
  private static final Map<VtModule, ModuleDescriptor> ALL = load();

  private VtModules() {}

  private static Map<VtModule, ModuleDescriptor> load() {
    Map<VtModule, ModuleDescriptor> m = new EnumMap<>(VtModule.class);
    for (ModuleDescriptor d : ServiceLoader.load(ModuleDescriptor.class, VtModules.class.getClassLoader())) {
      if (m.putIfAbsent(d.module(), d) != null) {
        throw new IllegalStateException("two descriptors for module " + d.module());
      }
    }
    for (VtModule module : VtModule.values()) {
      if (!m.containsKey(module)) {
        throw new IllegalStateException("no ModuleDescriptor registered for " + module);
      }
    }
    return m;
  }

  /** The descriptor of {@code module}. */
  public static ModuleDescriptor of(VtModule module) {
    return ALL.get(java.util.Objects.requireNonNull(module, "module"));
  }

  /** Every descriptor, in the declaration order of {@link VtModule}. */
  public static java.util.Collection<ModuleDescriptor> all() {
    return java.util.Collections.unmodifiableCollection(ALL.values());
  }
}
