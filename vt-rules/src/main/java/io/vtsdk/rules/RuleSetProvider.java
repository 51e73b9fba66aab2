package io.vtsdk.rules;

import io.vtsdk.model.module.ModulePart;
import io.vtsdk.model.module.VtModules;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A module's rule sets, as a part of the module in the one registry ({@link VtModules#parts}): registered in
 * {@code META-INF/services/io.vtsdk.model.module.ModulePart} beside the module's descriptor, found by
 * {@link RuleEngine#standard()}. An extension module adds its rules with one class of this kind.
 *
 * @since 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public interface RuleSetProvider extends ModulePart {
  /** The module's rule sets, with {@code thresholds} where a rule has a configurable value. */
  List<RuleSet> ruleSets(Thresholds thresholds);
}
