package io.vtsdk.rules.sets;

import io.vtsdk.rules.RuleSet;
import io.vtsdk.rules.Thresholds;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** The standard rule sets of every module. */
@API(status = API.Status.STABLE, since = "0.1")
public final class StandardRuleSets {
  private StandardRuleSets() {}

  public static List<RuleSet> all() {
    return all(Thresholds.defaults());
  }

  public static List<RuleSet> all(Thresholds t) {
    List<RuleSet> out = new ArrayList<>();
    out.addAll(PradoRuleSets.all(t));
    out.addAll(GrandAgeRuleSets.all(t));
    out.addAll(HandicapRuleSets.all());
    out.addAll(TndRuleSets.all(t));
    out.addAll(HnpRuleSets.all(t));
    return List.copyOf(out);
  }
}
