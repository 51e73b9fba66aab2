package io.vtsdk.model.nos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * ASS_A32 (StatutMotifPersonnePriseCharge): which TRE_R358 motifs go with which TRE_R357 status. The source says
 * which pairs are related, not which motifs are mandatory: a status with no pair takes no motif.
 *
 * <p>Source: https://mos.esante.gouv.fr/NOS/ASS_A32-StatutMotifPersonnePriseCharge (OID 1.2.250.1.213.3.4.217,
 * version 20250411120000).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class StatusMotifMap {
  public static final String URL =
      "https://mos.esante.gouv.fr/NOS/ASS_A32-StatutMotifPersonnePriseCharge/FHIR/ASS-A32-StatutMotifPersonnePriseCharge";

  private final Map<String, Set<String>> motifsByStatus;

  StatusMotifMap(List<String[]> pairs) {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    for (String[] p : pairs) {
      m.computeIfAbsent(p[0], k -> new LinkedHashSet<>()).add(p[1]);
    }
    m.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    this.motifsByStatus = Collections.unmodifiableMap(m);
  }

  /** True when ASS_A32 pairs {@code motif} with {@code status}. */
  public boolean isAllowed(String status, String motif) {
    return motifsFor(status).contains(motif);
  }

  /** Motifs ASS_A32 pairs with {@code status} (empty: the status takes no motif). */
  public Set<String> motifsFor(String status) {
    return motifsByStatus.getOrDefault(status, Set.of());
  }

  /** Statuses that carry motifs. */
  public Set<String> statusesWithMotifs() {
    return motifsByStatus.keySet();
  }

  /** Every pair, as (status, motif). */
  public List<Map.Entry<String, String>> pairs() {
    return motifsByStatus.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(m -> Map.entry(e.getKey(), m)))
        .toList();
  }

  /**
   * The pairs ASS_A32 (2025) makes whose motif the level's motif value set lacks: JDV_J251 (2023) for the ESMS-level
   * statuses of J252, JDV_J250 for the unit-level statuses of J253. We accept them (A32 is newer); a real SI-SDO that
   * validates the sdo-task bindings against J250/J251 would refuse them, so the FHIR validator warns about each,
   * naming the pair (see docs/nomenclatures.md).
   */
  public List<Conflict> valueSetConflicts() {
    List<Conflict> c = conflicts;
    if (c == null) {
      conflicts = c = computeConflicts(); // the tables are immutable: computed once (a race computes it twice)
    }
    return c;
  }

  private volatile List<Conflict> conflicts;

  private List<Conflict> computeConflicts() {
    List<Conflict> out = new java.util.ArrayList<>();
    for (Map.Entry<String, String> pair : pairs()) {
      NosTable motifs = Nomenclatures.get(NosTable.J252).contains(pair.getKey()) ? NosTable.J251
          : Nomenclatures.get(NosTable.J253).contains(pair.getKey()) ? NosTable.J250 : null;
      if (motifs != null && !Nomenclatures.get(motifs).contains(pair.getValue())) {
        out.add(new Conflict(pair.getKey(), pair.getValue(), motifs));
      }
    }
    return List.copyOf(out);
  }

  /** An ASS_A32 pair whose motif {@code valueSet} lacks. */
  public record Conflict(String status, String motif, NosTable valueSet) {
    /** What a user needs to read: the pair and the value set. */
    public String describe() {
      return "ASS_A32 pairs status " + status + " with motif " + motif + ", which " + valueSet.name()
          + " lacks: an SI-SDO validating the sdo-task bindings against " + valueSet.name() + " would refuse it";
    }
  }
}
