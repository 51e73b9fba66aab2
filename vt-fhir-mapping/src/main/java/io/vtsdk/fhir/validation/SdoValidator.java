package io.vtsdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * HAPI's instance validator with the base R4 definitions and the SDO IG's StructureDefinitions (shipped in this
 * module, see {@code io/vtsdk/fhir/sdo/SOURCE.md}): structure, cardinalities, fixed values, slices and the IG's
 * invariants (regle-StatutUnite, regle-ModePriseEnCharge…). A resource is checked against the profiles its
 * {@code meta.profile} declares.
 *
 * <p>Terminology bindings are not checked here: the NOS value sets are not FHIR resources we ship; vt-model's
 * validation checks codes against the NOS tables. Building one is slow (it loads and snapshots the definitions):
 * build it once and share it; it is thread-safe.
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

  private SdoValidator(FhirValidator validator) {
    this.validator = validator;
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
    FhirContext ctx = VtFhir.context();
    PrePopulatedValidationSupport sdo = new PrePopulatedValidationSupport(ctx);
    for (String file : PROFILES) {
      sdo.addStructureDefinition(VtFhir.parse(read(file), StructureDefinition.class));
    }
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx), sdo,
        new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
        new SnapshotGeneratingValidationSupport(ctx));
    FhirInstanceValidator instance = new FhirInstanceValidator(chain);
    instance.setNoTerminologyChecks(true);
    instance.setErrorForUnknownProfiles(unknownProfilesAreErrors);
    FhirValidator v = ctx.newValidator();
    v.registerValidatorModule(instance);
    return new SdoValidator(v);
  }

  private static String read(String file) {
    try (InputStream in = SdoValidator.class.getResourceAsStream("/io/vtsdk/fhir/sdo/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/vtsdk/fhir/sdo/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read io/vtsdk/fhir/sdo/" + file, e);
    }
  }

  public FhirValidationReport validate(IBaseResource resource) {
    return report(validator.validateWithResult(resource));
  }

  /**
   * Validates FHIR JSON text.
   *
   * @throws FhirMappingException when the text is not FHIR JSON at all
   */
  public FhirValidationReport validate(String json) {
    return report(validator.validateWithResult(json));
  }

  private static FhirValidationReport report(ValidationResult r) {
    List<FhirIssue> issues = new ArrayList<>();
    for (SingleValidationMessage m : r.getMessages()) {
      FhirIssue.Severity severity = switch (m.getSeverity()) {
        case FATAL -> FhirIssue.Severity.FATAL;
        case ERROR -> FhirIssue.Severity.ERROR;
        case WARNING -> FhirIssue.Severity.WARNING;
        default -> FhirIssue.Severity.INFORMATION;
      };
      issues.add(new FhirIssue(severity, m.getLocationString(), m.getMessage(), m.getMessageId()));
    }
    return new FhirValidationReport(issues);
  }
}
