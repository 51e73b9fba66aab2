package io.vtsdk.model.nos;

import io.vtsdk.model.Coding;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** One loaded nomenclature: its source and its concepts by code. Immutable and thread-safe. */
@API(status = API.Status.STABLE, since = "0.1")
public final class Nomenclature {
  private final NosTable table;
  private final Map<String, Concept> concepts;

  Nomenclature(NosTable table, Map<String, Concept> concepts) {
    this.table = table;
    this.concepts = Collections.unmodifiableMap(new LinkedHashMap<>(concepts));
  }

  public NosTable table() {
    return table;
  }

  /** The concept of {@code code}, if the nomenclature has it. */
  public Optional<Concept> lookup(String code) {
    return Optional.ofNullable(code == null ? null : concepts.get(code));
  }

  /** True when {@code code} is in this code system or value set. */
  public boolean contains(String code) {
    return code != null && concepts.containsKey(code);
  }

  /**
   * True when {@code coding} has a code of this nomenclature and a system that names it: the value set's own URL or,
   * for a value set, the URL of the code system the code comes from.
   */
  public boolean contains(Coding coding) {
    if (coding == null) {
      return false;
    }
    Concept c = concepts.get(coding.code());
    return c != null && (table.url().equals(coding.system()) || c.system().equals(coding.system()));
  }

  /** A coding in the code system the codes come from, with the display of this nomenclature. */
  public Optional<Coding> coding(String code) {
    return lookup(code).map(Concept::toCoding);
  }

  /** All concepts, in source order. */
  public Collection<Concept> concepts() {
    return concepts.values();
  }

  public int size() {
    return concepts.size();
  }

  @Override
  public String toString() {
    return "Nomenclature[" + table + ", " + concepts.size() + " codes]";
  }
}
