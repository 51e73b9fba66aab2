package io.vtsdk.rules.sets;

import io.vtsdk.model.module.VtModules;
import io.vtsdk.rules.RuleSet;
import io.vtsdk.rules.RuleSetProvider;
import io.vtsdk.rules.Thresholds;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The rule sets of every registered module: what each module's {@link RuleSetProvider} gives, in the modules' order.
 * Not a list of its own: the registry of modules ({@link VtModules}) is the one place a module and its rules are found.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class StandardRuleSets {
  private StandardRuleSets() {}

  public static List<RuleSet> all() {
    return all(Thresholds.defaults());
  }

  public static List<RuleSet> all(Thresholds t) {
    List<RuleSet> out = new ArrayList<>();
    for (RuleSetProvider p : VtModules.parts(RuleSetProvider.class)) {
      out.addAll(p.ruleSets(t));
    }
    return List.copyOf(out);
  }
}
