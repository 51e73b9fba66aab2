package io.vtsdk.fhir;

import org.apiguardian.api.API;

/**
 * A resource could not be mapped: which FHIR element, and which rule it breaks. The message never contains the
 * element's value (it may be an identity trait).
 *
 * <pre>{@code
 * try {
 *   EsmsStatus s = SdoTaskMapper.fromTask(task);
 * } catch (FhirMappingException e) {
 *   log.warn("refused {}: {}", e.element(), e.rule());
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class FhirMappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String element;
  private final String rule;

  public FhirMappingException(String element, String rule) {
    super(element + ": " + rule);
    this.element = element;
    this.rule = rule;
  }

  /** The element, as a FHIR path with slice names, e.g. {@code Task.input:idNat_Struct}. */
  public String element() {
    return element;
  }

  /** The rule broken, e.g. {@code required (1..1) by sdo-task}. */
  public String rule() {
    return rule;
  }
}
