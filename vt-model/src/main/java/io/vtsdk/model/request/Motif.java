package io.vtsdk.model.request;

import io.vtsdk.model.Coding;
import org.apiguardian.api.API;

/**
 * A coded reason attached to a negative answer. VT's own motif lists are not published as a nomenclature; vt-sdk
 * gives them local code systems under {@value #SYSTEM_BASE}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Motif permits PradoNonAdhesionMotif, RefusalMotif, TndNotEligibleMotif {
  String SYSTEM_BASE = "https://vtsdk.io/fhir/CodeSystem/";

  /** Stable code, e.g. {@code REFUS_PATIENT}. */
  String code();

  /** Canonical URL of the local code system. */
  String system();

  /** French label as VT shows it. */
  String label();

  /** True for "autre": a précision (comment) is then required. */
  boolean needsPrecision();

  default Coding toCoding() {
    return new Coding(system(), code(), label());
  }
}
