package io.vtsdk.model.module;

import io.vtsdk.model.VtModule;
import org.apiguardian.api.API;

/**
 * Something another artifact adds to a module, found by {@link VtModules} beside the module's descriptor (its rule sets:
 * vt-rules' {@code RuleSetProvider}). Registered in {@code META-INF/services/io.vtsdk.model.module.ModulePart}; a part
 * of a module without a descriptor is refused when the registry loads.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public interface ModulePart {
  /** The module this part belongs to. */
  VtModule module();
}
