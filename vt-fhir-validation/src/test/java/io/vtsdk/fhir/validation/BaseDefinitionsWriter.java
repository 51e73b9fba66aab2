package io.vtsdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import io.vtsdk.fhir.VtFhir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Build step (run by the exec plugin after the test classes compile, like vt-api's OpenAPI document): writes into
 * {@code target/classes} the part of HAPI's base R4 definitions that {@link SdoValidator} needs for SDO resources and
 * vt-fhir-mapping's output, as one JSON Bundle, and the list of the URLs of HAPI's whole set. Loading the subset takes
 * a fraction of the time HAPI needs to parse its 31 MB of XML bundles and convert all 649 StructureDefinitions to R5
 * (docs/performance.md, "The command line").
 *
 * <p>What goes in: every data type (primitive and complex specialisations), the resource types we write
 * ({@link #MAPPED_TYPES}), the StructureDefinitions the SDO profiles are based on or use as a type or a type's
 * profile, closed over the same relations, and the value sets their bindings name with the code systems those
 * include. Anything else the validator asks for is still answered, from HAPI's whole set, loaded on the first such
 * request ({@link R4Base}'s fallback). The definitions are copied from HAPI's
 * {@code hapi-fhir-validation-resources-r4} (HL7 FHIR R4 4.0.1, CC0) without their narrative and their mappings to
 * other standards, which the validator does not read; {@code BaseDefinitionsTest} checks that validating with this
 * subset gives the same report as with the whole set.
 */
final class BaseDefinitionsWriter {
  private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";

  /**
   * The resource types vt-fhir-mapping writes besides the SDO ones, so that validating our own dossier Bundles stays
   * on the fast path too (MappedOutputValidityProperties checks that a mapped Bundle uses no other type).
   */
  static final List<String> MAPPED_TYPES = List.of("Bundle", "Patient", "Practitioner",
      "PractitionerRole", "Organization", "HealthcareService", "ServiceRequest", "QuestionnaireResponse", "Provenance",
      "Consent", "DocumentReference", "Task", "OperationOutcome");

  private final DefaultProfileValidationSupport full;
  private final Map<String, MetadataResource> kept = new LinkedHashMap<>();

  private BaseDefinitionsWriter(FhirContext ctx) {
    this.full = new DefaultProfileValidationSupport(ctx);
  }

  /** Arguments: the subset's file and the file listing the URLs of HAPI's whole set, one per line. */
  public static void main(String[] args) throws IOException {
    BaseDefinitionsWriter writer = new BaseDefinitionsWriter(VtFhir.context());
    write(Path.of(args[0]), VtFhir.context().newJsonParser().encodeResourceToString(writer.subset()));
    write(Path.of(args[1]), String.join("\n", writer.wholeSetUrls()) + "\n");
  }

  private static void write(Path out, String text) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }

  /** Every URL HAPI's whole set answers for, sorted: the fallback asks it for nothing else. */
  java.util.SortedSet<String> wholeSetUrls() {
    java.util.SortedSet<String> urls = new java.util.TreeSet<>();
    for (IBaseResource r : full.fetchAllConformanceResources()) {
      if (r instanceof MetadataResource m && m.hasUrl()) {
        urls.add(m.getUrl());
      }
    }
    return urls;
  }

  /** The subset, as a collection Bundle: StructureDefinitions, then value sets, then code systems. */
  Bundle subset() {
    Deque<String> todo = new ArrayDeque<>();
    for (IBaseResource r : full.fetchAllStructureDefinitions()) {
      StructureDefinition sd = (StructureDefinition) r;
      if (sd.getDerivation() == TypeDerivationRule.SPECIALIZATION
          && (sd.getKind() == StructureDefinitionKind.PRIMITIVETYPE
          || sd.getKind() == StructureDefinitionKind.COMPLEXTYPE)) {
        todo.add(sd.getUrl());
      }
    }
    MAPPED_TYPES.forEach(type -> todo.add(CORE + type));
    for (String file : SdoValidator.PROFILES) {
      StructureDefinition profile = VtFhir.parse(SdoValidator.read(file), StructureDefinition.class);
      todo.add(profile.getBaseDefinition());
      uses(profile, todo);
    }
    Deque<String> valueSets = new ArrayDeque<>();
    while (!todo.isEmpty()) {
      String url = R4Base.unversioned(todo.pop());
      if (kept.containsKey(url) || !(full.fetchStructureDefinition(url) instanceof StructureDefinition sd)) {
        continue;
      }
      kept.put(url, lean(sd.copy()));
      if (sd.hasBaseDefinition()) {
        todo.add(sd.getBaseDefinition());
      }
      uses(sd, todo);
      for (ElementDefinition e : sd.getSnapshot().getElement()) {
        // an example binding is never checked (FHIR R4, ElementDefinition.binding.strength); a preferred one is
        // looked up for the codes it is given
        if (e.getBinding().hasValueSet() && e.getBinding().getStrength() != BindingStrength.EXAMPLE) {
          valueSets.add(e.getBinding().getValueSet());
        }
      }
    }
    while (!valueSets.isEmpty()) {
      String url = R4Base.unversioned(valueSets.pop());
      if (kept.containsKey(url) || !(full.fetchValueSet(url) instanceof ValueSet vs)) {
        continue;
      }
      kept.put(url, lean(vs.copy()));
      for (ValueSet.ConceptSetComponent include : vs.getCompose().getInclude()) {
        include.getValueSet().forEach(v -> valueSets.add(v.getValue()));
        if (include.hasSystem() && !kept.containsKey(include.getSystem())
            && full.fetchCodeSystem(include.getSystem()) instanceof CodeSystem cs) {
          kept.put(include.getSystem(), lean(cs.copy()));
        }
      }
    }
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    kept.values().forEach(r -> bundle.addEntry().setResource(r));
    return bundle;
  }

  /** The types an element may have and the profiles of those types. */
  private static void uses(StructureDefinition sd, Deque<String> todo) {
    for (ElementDefinition e : sd.hasSnapshot() ? sd.getSnapshot().getElement() : sd.getDifferential().getElement()) {
      for (ElementDefinition.TypeRefComponent type : e.getType()) {
        if (type.hasCode()) {
          todo.add(type.getCode().contains(":") ? type.getCode() : CORE + type.getCode());
        }
        type.getProfile().forEach(p -> todo.add(p.getValue()));
      }
    }
  }

  /**
   * Without what the validator does not read: narrative, mappings to other standards, the differential (the snapshot
   * is what is read), the elements' prose (definition, comment, requirements, aliases, examples) and code systems'
   * concept definitions. {@code BaseDefinitionsTest} checks the reports do not change.
   */
  private static StructureDefinition lean(StructureDefinition sd) {
    sd.setText(null);
    sd.getMapping().clear();
    sd.getSnapshot().getElement().forEach(BaseDefinitionsWriter::lean);
    sd.setDifferential(null); // a base definition is read through its snapshot (profiles' snapshots start from it)
    return sd;
  }

  private static void lean(ElementDefinition e) {
    e.getMapping().clear();
    e.setDefinition(null).setComment(null).setRequirements(null).setMeaningWhenMissing(null);
    e.getAlias().clear();
    e.getExample().clear();
  }

  private static <T extends MetadataResource> T lean(T resource) {
    resource.setText(null);
    if (resource instanceof CodeSystem cs) {
      lean(cs.getConcept());
    }
    return resource;
  }

  private static void lean(List<CodeSystem.ConceptDefinitionComponent> concepts) {
    for (CodeSystem.ConceptDefinitionComponent c : concepts) {
      c.setDefinition(null);
      lean(c.getConcept());
    }
  }
}
