package io.vtsdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import io.vtsdk.fhir.VtFhir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The FHIR packages the validator loads besides base R4 and SDO, all from this module's resources (the build and the
 * validator need no network):
 * <ul>
 *   <li>FR Core {@code hl7.fhir.fr.core#2.2.0}, the official package byte for byte, and the subsets of its dependencies
 *       FR Core uses ({@code io/vtsdk/fhir/packages/SOURCES-fr-core.md} says where each file comes from);</li>
 *   <li>vt-sdk's own extensions ({@code io/vtsdk/fhir/vtsdk/}, canonical base {@value #VT_SDK_BASE}).</li>
 * </ul>
 */
final class FhirPackages {
  private FhirPackages() {}

  static final String PACKAGES = "classpath:/io/vtsdk/fhir/packages/";
  /** FR Core 2.2.0 first, then its dependency subsets. */
  static final List<String> FR_CORE = List.of(
      "hl7.fhir.fr.core-2.2.0.tgz",
      "hl7.fhir.uv.extensions.r4-5.2.0-subset.tgz",
      "hl7.terminology.r4-7.1.0-subset.tgz",
      "ans.fr.terminologies-1.7.0-subset.tgz",
      "hl7.fhir.uv.xver-r5.r4-0.0.1-snapshot-3-subset.tgz");

  static final String VT_SDK_BASE = "https://vtsdk.io/fhir/StructureDefinition/";
  static final String VT_SDK = "/io/vtsdk/fhir/vtsdk/";

  static NpmPackageValidationSupport frCore(FhirContext ctx) {
    NpmPackageValidationSupport npm = new NpmPackageValidationSupport(ctx);
    for (String file : FR_CORE) {
      try {
        npm.loadPackageFromClasspath(PACKAGES + file);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot load the FHIR package " + file, e);
      }
    }
    return npm;
  }

  /** vt-sdk's StructureDefinitions (differentials; the chain's snapshot generator completes them). */
  static PrePopulatedValidationSupport vtSdk(FhirContext ctx) {
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
    for (String file : read(VT_SDK + "index.txt").lines().filter(l -> !l.isBlank()).toList()) {
      ours.addStructureDefinition(VtFhir.parse(read(VT_SDK + file), StructureDefinition.class));
    }
    return ours;
  }

  static String read(String resource) {
    try (InputStream in = FhirPackages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
