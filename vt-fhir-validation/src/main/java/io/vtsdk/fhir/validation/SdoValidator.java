package io.vtsdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * HAPI's instance validator with the base R4 definitions, the SDO IG's StructureDefinitions (shipped in this
 * module, see {@code io/vtsdk/fhir/sdo/SOURCE.md}), FR Core 2.2.0 with the subsets of its dependencies
 * ({@code io/vtsdk/fhir/packages/SOURCES-fr-core.md}) and vt-sdk's own extensions: structure, cardinalities, fixed
 * values, slices and the IGs' invariants (regle-StatutUnite, fr-core-1…). A resource is checked against the profiles
 * its {@code meta.profile} declares. A code system the validator does not have (the INSEE communes, LOINC, vt-sdk's)
 * is a warning, not an error.
 *
 * <p>Terminology: the statuses and motifs are checked against their bindings, the value sets JDV_J250 to J253 and the
 * code systems TRE_R357 / R358 built from vt-model's NOS tables ({@code SdoTerminology}). ASS_A32 (2025) pairs some
 * motifs that the older J250/J251 lack ({@link io.vtsdk.model.nos.StatusMotifMap#valueSetConflicts()}): such a Task
 * is what vt-model accepts, so its binding error is reported as a WARNING naming the pair — a real SI-SDO that
 * validates terminology would refuse it. Other bindings (J30, J34, type of right) are to value sets we do not ship.
 * Building one takes a second or two (it loads the definitions, converts them to R5 and snapshots the profiles, on the
 * first validation): build it once and share it; it is thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SdoValidator {
  static final List<String> PROFILES = List.of(
      "StructureDefinition-sdo-task.json",
      "StructureDefinition-sdo-document-reference.json",
      "StructureDefinition-esms-document-reference.json",
      "StructureDefinition-esms-consent.json",
      "StructureDefinition-sdo-bundle-resultat-recherche-notification-esms.json",
      "StructureDefinition-esms-bundle-resultat-recherche-notification-esms.json",
      "StructureDefinition-esms-bundle-resultat-recherche-decision-evaluation.json");

  private final FhirValidator validator;
  private final R4Base base;
  private final boolean unknownProfilesAreErrors;
  private volatile FhirValidator wholeSet; // built the first time a resource needs it (R4Base#needsWholeSet)

  private SdoValidator(FhirValidator validator, R4Base base, boolean unknownProfilesAreErrors) {
    this.validator = validator;
    this.base = base;
    this.unknownProfilesAreErrors = unknownProfilesAreErrors;
  }

  /** Loads the definitions and builds the validator; a profile it does not know is an error. */
  public static SdoValidator create() {
    return create(true);
  }

  /**
   * Loads the definitions and builds the validator.
   *
   * @param unknownProfilesAreErrors false to report a {@code meta.profile} this validator does not ship (FR Core…) as
   *     a warning, validating the resource against base R4 and the profiles it knows
   */
  public static SdoValidator create(boolean unknownProfilesAreErrors) {
    return create(unknownProfilesAreErrors, R4Base.load());
  }

  /** On the given base definitions (the tests compare the build's subset with HAPI's whole set). */
  static SdoValidator create(boolean unknownProfilesAreErrors, R4Base base) {
    return new SdoValidator(validator(unknownProfilesAreErrors, base), base, unknownProfilesAreErrors);
  }

  // UnknownCodeSystemWarningValidationSupport is deprecated in HAPI 8 without a replacement for this one use: INSEE
  // commune codes (TRE_R13) are not shipped, and an unknown code system must be a warning, not an error
  @SuppressWarnings("deprecation")
  private static FhirValidator validator(boolean unknownProfilesAreErrors, R4Base base) {
    FhirContext ctx = VtFhir.context();
    PrePopulatedValidationSupport sdo = new PrePopulatedValidationSupport(ctx);
    for (String file : PROFILES) {
      sdo.addStructureDefinition(VtFhir.parse(read(file), StructureDefinition.class));
    }
    SdoTerminology.CODE_SYSTEMS.forEach(t -> sdo.addCodeSystem(SdoTerminology.codeSystem(t)));
    SdoTerminology.VALUE_SETS.forEach(t -> sdo.addValueSet(SdoTerminology.valueSet(t)));
    List<IValidationSupport> supports = new ArrayList<>(List.of(sdo, FhirPackages.frCore(ctx), FhirPackages.vtSdk(ctx)));
    supports.addAll(base.supports(ctx));
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(ctx);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    supports.addAll(List.of(new CommonCodeSystemsTerminologyService(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx), unknownCodeSystems,
        new SnapshotGeneratingValidationSupport(ctx)));
    FhirInstanceValidator instance =
        new FhirInstanceValidator(new ValidationSupportChain(supports.toArray(IValidationSupport[]::new)));
    instance.setErrorForUnknownProfiles(unknownProfilesAreErrors);
    FhirValidator v = ctx.newValidator();
    v.registerValidatorModule(instance);
    return v;
  }

  /** Runs the validation on the subset, and again on the whole set when the subset could not read the resource. */
  private ValidationResult run(java.util.function.Function<FhirValidator, ValidationResult> validation) {
    ValidationResult result = validation.apply(validator);
    if (!base.needsWholeSet(result)) {
      return result;
    }
    FhirValidator whole = wholeSet;
    if (whole == null) {
      synchronized (this) {
        whole = wholeSet;
        if (whole == null) {
          whole = validator(unknownProfilesAreErrors, R4Base.whole());
          wholeSet = whole;
        }
      }
    }
    return validation.apply(whole);
  }

  static String read(String file) {
    return FhirPackages.read("/io/vtsdk/fhir/sdo/" + file);
  }

  public FhirValidationReport validate(IBaseResource resource) {
    return report(run(v -> v.validateWithResult(resource)), () -> conflicts(resource));
  }

  /**
   * Validates FHIR JSON text.
   *
   * @throws FhirMappingException when the text is not FHIR JSON at all
   */
  public FhirValidationReport validate(String json) {
    return report(run(v -> v.validateWithResult(json)), () -> {
      try {
        return conflicts(VtFhir.parse(json)); // parsed again only when an error may be one of these pairs
      } catch (RuntimeException unreadable) {
        return List.of();
      }
    });
  }

  /** The ASS_A32-vs-value-set conflicts of a Task's (status, motif) pairs, ESMS and unit level. */
  private static List<io.vtsdk.model.nos.StatusMotifMap.Conflict> conflicts(IBaseResource resource) {
    if (!(resource instanceof org.hl7.fhir.r4.model.Task task)) {
      return List.of();
    }
    java.util.Map<String, String> codes = new java.util.HashMap<>();
    for (org.hl7.fhir.r4.model.Task.ParameterComponent in : task.getInput()) {
      if (in.getValue() instanceof org.hl7.fhir.r4.model.CodeableConcept cc && cc.hasCoding()) {
        codes.put(in.getType().getText(), cc.getCodingFirstRep().getCode());
      }
    }
    return io.vtsdk.model.nos.Nomenclatures.statusMotifs().valueSetConflicts().stream()
        .filter(c -> c.status().equals(codes.get("statutESMS")) && c.motif().equals(codes.get("motifESMS"))
            || c.status().equals(codes.get("statutUnite")) && c.motif().equals(codes.get("motifUnite")))
        .toList();
  }

  /** The motif value sets a conflict can be about: an error naming neither cannot be softened. */
  private static final List<String> MOTIF_VALUE_SETS = List.of(io.vtsdk.model.nos.NosTable.J250.url(),
      io.vtsdk.model.nos.NosTable.J251.url());

  private static FhirValidationReport report(ValidationResult r,
      java.util.function.Supplier<List<io.vtsdk.model.nos.StatusMotifMap.Conflict>> conflictsOfTheResource) {
    List<io.vtsdk.model.nos.StatusMotifMap.Conflict> conflicts = null;
    List<FhirIssue> issues = new ArrayList<>();
    for (SingleValidationMessage m : r.getMessages()) {
      FhirIssue.Severity severity = switch (m.getSeverity()) {
        case FATAL -> FhirIssue.Severity.FATAL;
        case ERROR -> FhirIssue.Severity.ERROR;
        case WARNING -> FhirIssue.Severity.WARNING;
        default -> FhirIssue.Severity.INFORMATION;
      };
      String message = m.getMessage();
      if (severity == FhirIssue.Severity.ERROR && message != null
          && MOTIF_VALUE_SETS.stream().anyMatch(message::contains)) {
        conflicts = conflicts != null ? conflicts : conflictsOfTheResource.get();
        for (io.vtsdk.model.nos.StatusMotifMap.Conflict c : conflicts) {
          if (message.contains(c.valueSet().url()) && message.contains("#" + c.motif() + ")")) {
            severity = FhirIssue.Severity.WARNING;
            message = c.describe() + " (" + message + ")";
            break;
          }
        }
      }
      issues.add(new FhirIssue(severity, m.getLocationString(), message, m.getMessageId(),
          m.getLocationLine() == null ? 0 : Math.max(0, m.getLocationLine()),
          m.getLocationCol() == null ? 0 : Math.max(0, m.getLocationCol())));
    }
    return new FhirValidationReport(issues);
  }
}
