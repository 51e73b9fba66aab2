package io.vtsdk.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.apiguardian.api.API;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one {@link FhirContext} (R4) of vt-sdk, built once (it is expensive) and shared, with JSON helpers. Parsers are
 * cheap and not thread-safe: each call takes a new one.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class VtFhir {
  private VtFhir() {}

  /** The shared R4 context. */
  public static FhirContext context() {
    return FhirContext.forR4Cached();
  }

  /** A JSON parser that keeps unknown elements out of the model (errors are reported by {@link #parse}). */
  public static IParser json() {
    return context().newJsonParser();
  }

  public static String toJson(IBaseResource resource) {
    return json().encodeResourceToString(resource);
  }

  /**
   * Parses JSON as {@code type}.
   *
   * @throws FhirMappingException when the text is not FHIR JSON of that type (with HAPI's message code, never the value)
   */
  public static <T extends IBaseResource> T parse(String json, Class<T> type) {
    try {
      return json().parseResource(type, json);
    } catch (DataFormatException e) {
      throw new FhirMappingException(type.getSimpleName(), "not valid FHIR R4 JSON (" + code(e.getMessage()) + ")");
    }
  }

  /**
   * Parses FHIR JSON of any resource type.
   *
   * @throws FhirMappingException when the text is not FHIR R4 JSON
   */
  public static IBaseResource parse(String json) {
    try {
      return json().parseResource(json);
    } catch (DataFormatException e) {
      throw new FhirMappingException("Resource", "not valid FHIR R4 JSON (" + code(e.getMessage()) + ")");
    }
  }

  /** HAPI's message code only: its messages may quote the offending value. */
  private static String code(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("HAPI-\\d+").matcher(message == null ? "" : message);
    return m.find() ? m.group() : "unreadable";
  }
}
