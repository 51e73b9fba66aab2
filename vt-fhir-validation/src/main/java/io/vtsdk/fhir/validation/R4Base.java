package io.vtsdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import io.vtsdk.fhir.VtFhir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The base R4 definitions behind {@link SdoValidator}: the subset the build selected (BaseDefinitionsWriter, in the
 * tests, run by the exec plugin), with HAPI's whole set behind it for anything else.
 *
 * <p>Why: HAPI's validator converts every StructureDefinition it is given to R5 when it starts (its FHIRPath engine
 * lists them all), after parsing 31 MB of XML bundles: 5 of the 7 seconds of {@code vt fhir validate} on one file
 * (docs/performance.md). The subset holds what SDO resources and our own Bundles use; the whole set is parsed only
 * when something outside it is asked for, and the answers are the same ({@code BaseDefinitionsTest}).
 */
final class R4Base {
  static final String DEFINITIONS = "/io/vtsdk/fhir/validation/r4-base-definitions.json";
  static final String URLS = "/io/vtsdk/fhir/validation/r4-base-urls.txt";

  private final Bundle subset;
  private final Set<String> wholeSetUrls;
  private final Set<String> subsetTypes;

  private R4Base(Bundle subset, Set<String> wholeSetUrls) {
    this.subset = subset;
    this.wholeSetUrls = wholeSetUrls;
    this.subsetTypes = subset == null ? Set.of() : subset.getEntry().stream()
        .filter(e -> e.getResource() instanceof StructureDefinition sd
            && sd.getDerivation() == StructureDefinition.TypeDerivationRule.SPECIALIZATION)
        .map(e -> ((StructureDefinition) e.getResource()).getType())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The build's subset, or the whole set when the build step did not run (classes compiled by an IDE). */
  static R4Base load() {
    try (InputStream urls = R4Base.class.getResourceAsStream(URLS);
        InputStream definitions = R4Base.class.getResourceAsStream(DEFINITIONS)) {
      if (urls == null || definitions == null) {
        return whole();
      }
      return new R4Base(VtFhir.context().newJsonParser().parseResource(Bundle.class, definitions),
          Set.copyOf(new String(urls.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the base definitions " + DEFINITIONS, e);
    }
  }

  /** HAPI's whole set, as before the subset: slow to start, the reference the subset is checked against. */
  static R4Base whole() {
    return new R4Base(null, Set.of());
  }

  boolean isSubset() {
    return subset != null;
  }

  /** The validation supports that answer for base R4, first to last. */
  List<IValidationSupport> supports(FhirContext ctx) {
    if (subset == null) {
      return List.of(new DefaultProfileValidationSupport(ctx));
    }
    PrePopulatedValidationSupport base = new PrePopulatedValidationSupport(ctx);
    subset.getEntry().forEach(e -> base.addResource(e.getResource()));
    return List.of(base, new RestOfR4(ctx, wholeSetUrls));
  }

  /**
   * Whether the subset could not read the resource at all: HAPI's element parser takes a root resource's type from
   * the list of definitions, which holds only the subset's (a type inside a Bundle is fetched, and the fallback
   * answers). The report is then a fatal issue located at a resource type the subset does not define.
   */
  boolean needsWholeSet(ValidationResult result) {
    return subset != null && result.getMessages().stream()
        .anyMatch(m -> m.getSeverity() == ResultSeverityEnum.FATAL && m.getLocationString() != null
            && !subsetTypes.contains(m.getLocationString())
            && VtFhir.context().getResourceTypes().contains(m.getLocationString()));
  }

  /** A canonical URL without its {@code |version}. */
  static String unversioned(String url) {
    int bar = url.indexOf('|');
    return bar < 0 ? url : url.substring(0, bar);
  }

  /**
   * HAPI's whole base set behind the subset: it answers a definition, value set or code system the subset lacks,
   * parsing HAPI's XML bundles on the first such question only, and never for a URL the whole set does not hold
   * (LOINC, the NOS, FR Core: the build lists the whole set's URLs). It lists no definitions, or the validator would
   * convert them all to R5 again.
   */
  static final class RestOfR4 extends DefaultProfileValidationSupport {
    private final Set<String> urls;

    RestOfR4(FhirContext ctx, Set<String> urls) {
      super(ctx);
      this.urls = urls;
    }

    private boolean holds(String url) {
      return url != null && (urls.contains(url) || urls.contains(unversioned(url)));
    }

    @Override
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
      return List.of();
    }

    @Override
    public <T extends IBaseResource> List<T> fetchAllNonBaseStructureDefinitions() {
      return List.of();
    }

    @Override
    public List<IBaseResource> fetchAllConformanceResources() {
      return List.of();
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
      return holds(url) ? super.fetchStructureDefinition(url) : null;
    }

    @Override
    public IBaseResource fetchValueSet(String url) {
      return holds(url) ? super.fetchValueSet(url) : null;
    }

    @Override
    public IBaseResource fetchCodeSystem(String system) {
      return holds(system) ? super.fetchCodeSystem(system) : null;
    }
  }
}
