package io.vtsdk.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import io.vtsdk.fhir.VtFhir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.json.VtJson;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;

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

  static final String PACKAGES = "/io/vtsdk/fhir/packages/";
  /** FR Core 2.2.0 first, then its dependency subsets. */
  static final List<String> FR_CORE = List.of(
      "hl7.fhir.fr.core-2.2.0.tgz",
      "hl7.fhir.uv.extensions.r4-5.2.0-subset.tgz",
      "hl7.terminology.r4-7.1.0-subset.tgz",
      "ans.fr.terminologies-1.7.0-subset.tgz",
      "hl7.fhir.uv.xver-r5.r4-0.0.1-snapshot-3-subset.tgz");

  static final String VT_SDK_BASE = "https://vtsdk.io/fhir/StructureDefinition/";
  static final String VT_SDK = "/io/vtsdk/fhir/vtsdk/";

  /** The FR Core packages' conformance resources, parsed on first use (see {@link Lazy}). */
  static Lazy frCore(FhirContext ctx) {
    Map<String, byte[]> byUrl = new HashMap<>();
    for (String file : FR_CORE) {
      try (InputStream raw = FhirPackages.class.getResourceAsStream(PACKAGES + file)) {
        if (raw == null) {
          throw new IllegalStateException("missing resource " + PACKAGES + file);
        }
        Map<String, byte[]> entries = new HashMap<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw));
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          String name = e.getName();
          if (e.isFile() && name.startsWith("package/") && name.indexOf('/', "package/".length()) < 0
              && name.endsWith(".json")) {
            entries.put(name.substring("package/".length()), tar.readAllBytes());
          }
        }
        JsonNode index = VtJson.newMapper().readTree(entries.get(".index.json"));
        for (JsonNode f : index.path("files")) {
          String url = f.path("url").asText(null);
          byte[] json = entries.get(f.path("filename").asText());
          if (url != null && json != null && CONFORMANCE.contains(f.path("resourceType").asText())) {
            byUrl.putIfAbsent(url, json); // FR Core first: its own definitions win
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot load the FHIR package " + file, e);
      }
    }
    return new Lazy(ctx, byUrl);
  }

  private static final java.util.Set<String> CONFORMANCE = java.util.Set.of("StructureDefinition", "ValueSet",
      "CodeSystem");

  /**
   * Conformance resources kept as JSON and parsed the first time the validator asks for their URL: the packages hold
   * 12 MB of JSON (profiles with snapshots, NOS code systems), of which a validation reads a few. Like
   * {@code R4Base.RestOfR4}, it lists none of them ({@code fetchAll…} is empty), or the validator would parse and
   * convert them all to R5 when it starts; a resource that claims an FR Core profile gets it fetched by URL.
   */
  static final class Lazy extends PrePopulatedValidationSupport {
    private final Map<String, byte[]> json;

    Lazy(FhirContext ctx, Map<String, byte[]> json) {
      super(ctx);
      this.json = new java.util.concurrent.ConcurrentHashMap<>(json);
    }

    /** Parses {@code url}'s resource into this support the first time it is asked for. */
    private void load(String url) {
      if (url == null) {
        return;
      }
      byte[] bytes = json.remove(R4Base.unversioned(url));
      if (bytes != null) {
        synchronized (this) {
          addResource(VtFhir.context().newJsonParser().parseResource(new String(bytes, StandardCharsets.UTF_8)));
        }
      }
    }

    /** How many of the packages' resources are still unparsed (tests). */
    int unparsed() {
      return json.size();
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
      load(url);
      return super.fetchStructureDefinition(url);
    }

    @Override
    public IBaseResource fetchValueSet(String url) {
      load(url);
      return super.fetchValueSet(url);
    }

    @Override
    public IBaseResource fetchCodeSystem(String system) {
      load(system);
      return super.fetchCodeSystem(system);
    }

    @Override
    public boolean isCodeSystemSupported(ValidationSupportContext ctx, String system) {
      load(system);
      return super.isCodeSystemSupported(ctx, system);
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext ctx, String url) {
      load(url);
      return super.isValueSetSupported(ctx, url);
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
  }

  /** vt-sdk's StructureDefinitions (differentials; the chain's snapshot generator completes them), parsed on use. */
  static Lazy vtSdk(FhirContext ctx) {
    Map<String, byte[]> byUrl = new HashMap<>();
    for (String file : read(VT_SDK + "index.txt").lines().filter(l -> !l.isBlank()).toList()) {
      String json = read(VT_SDK + file);
      try {
        byUrl.put(VtJson.newMapper().readTree(json).path("url").asText(), json.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + VT_SDK + file, e);
      }
    }
    return new Lazy(ctx, byUrl);
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
