/**
 * vt-rules: eligibility rules as data (versioned rule sets selected by date, decisions with their trace), the
 * orientation aid, the indicators of the observatory over records (TUV, Handicap, request figures) and the readers of
 * extracts. Pure computation: no I/O but its own resources. A module's rule sets are a part of it in the registry of
 * modules ({@link io.vtsdk.rules.RuleSetProvider}).
 */
module io.vtsdk.rules {
  requires transitive io.vtsdk.model;
  requires static transitive org.apiguardian.api;

  exports io.vtsdk.rules;
  exports io.vtsdk.rules.csv;
  exports io.vtsdk.rules.indicators;
  exports io.vtsdk.rules.orientation;
  exports io.vtsdk.rules.sets;

  opens io.vtsdk.rules to com.fasterxml.jackson.databind;
  opens io.vtsdk.rules.indicators to com.fasterxml.jackson.databind;

  provides io.vtsdk.model.module.ModulePart with
      io.vtsdk.rules.sets.PradoRuleSets.Provider,
      io.vtsdk.rules.sets.GrandAgeRuleSets.Provider,
      io.vtsdk.rules.sets.HandicapRuleSets.Provider,
      io.vtsdk.rules.sets.TndRuleSets.Provider,
      io.vtsdk.rules.sets.HnpRuleSets.Provider;
}
