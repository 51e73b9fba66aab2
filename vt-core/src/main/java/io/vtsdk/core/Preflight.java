package io.vtsdk.core;

import io.vtsdk.api.Eligibility;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.core.internal.Messages;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.rules.Decision;
import io.vtsdk.rules.DossierFacts;
import io.vtsdk.rules.NoRuleSetException;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.rules.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * "Would VT accept this send?", answered in process with the same code the reference server runs before every send:
 * validation at the SUBMISSION stage, the routing constraints of the module (each unit receives the module and the
 * orientation's kind of structure; Prado goes to the patient's CPAM; Handicap to a category of a valid MDPH decision)
 * and the eligibility rule set of the orientation for each unit (VT sends a Prado dossier "après vérification des
 * critères d'éligibilité", seed 003).
 *
 * <pre>{@code
 * Preflight preflight = Preflight.standard();
 * PreflightReport report = preflight.check(dossier, requestingUnit, List.of(cpam), Set.of("691"),
 *     LocalDate.of(2026, 12, 1), Locale.FRENCH);
 * if (!report.accepted()) {
 *   report.violations().forEach(v -> show(v.path(), v.message()));
 * }
 * }</pre>
 *
 * <p>An INELIGIBLE decision refuses the send; an INCOMPLETE one does not (it is reported with what is missing), since
 * VT lets a dossier whose optional answers are not filled in go (assumption: no public text says VT blocks it).
 * Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Preflight {
  private final DossierValidator validator;
  private final RuleEngine rules;

  public Preflight(DossierValidator validator, RuleEngine rules) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The standard validator and rule sets. */
  public static Preflight standard() {
    return new Preflight(DossierValidator.builder().build(), RuleEngine.standard());
  }

  /**
   * Checks sending {@code dossier} from {@code requesting} to each of {@code targets} on {@code date}.
   *
   * @param knownCpamCodes the CPAM codes of the directory (the Prado rule set checks the patient's CPAM is one)
   */
  public PreflightReport check(Dossier dossier, Unit requesting, List<Unit> targets, Set<String> knownCpamCodes,
      LocalDate date, Locale locale) {
    Objects.requireNonNull(dossier, "dossier");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(date, "date");
    ValidationReport validation = validator.validate(dossier, Stage.SUBMISSION, locale);
    List<PreflightReport.UnitCheck> checks = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      checks.add(checkUnit(dossier, requesting, targets.get(i), "/units/" + i, knownCpamCodes, date, locale));
    }
    return PreflightReport.of(validation.violations(), checks);
  }

  PreflightReport.UnitCheck checkUnit(Dossier d, Unit requesting, Unit target, String at, Set<String> cpams,
      LocalDate date, Locale locale) {
    List<Violation> out = new ArrayList<>();
    ModuleDescriptor.Messages messages = code -> Messages.get(code, locale);
    if (!target.modules().contains(d.module())) {
      out.add(new Violation(at, "routing.module", messages.get("routing.module")));
    }
    if (d.orientation() == null) {
      out.add(new Violation("/orientation", "routing.orientation", messages.get("routing.orientation")));
      return PreflightReport.UnitCheck.of(target.id(), out, null);
    }
    if (!target.targetKinds().contains(d.orientation().target())) {
      out.add(new Violation(at, "routing.target", messages.get("routing.target")));
    }
    out.addAll(VtModules.of(d.module()).routing(d, requesting, target, date, at, messages));
    Decision decision = null;
    try {
      decision = rules.evaluate(Target.of(d.orientation()), DossierFacts.of(d).requestingUnit(requesting)
          .targetUnit(target).knownCpamCodes(cpams == null ? Set.of() : cpams).build(), date);
    } catch (NoRuleSetException e) {
      // no rule set for this target on this date (e.g. SMR): nothing to gate on
    }
    if (decision instanceof Decision.Ineligible ineligible) {
      for (String rule : ineligible.failedRules()) {
        out.add(new Violation(at, "eligibility." + rule, messages.get("eligibility.failed") + " (" + rule + ")"));
      }
    }
    return PreflightReport.UnitCheck.of(target.id(), out, decision == null ? null : Eligibility.of(decision));
  }

  DossierValidator validator() {
    return validator;
  }

  RuleEngine rules() {
    return rules;
  }
}
