package io.vtsdk.model.directory;

import io.vtsdk.model.internal.Sets;
import io.vtsdk.model.Coding;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.validation.ValidIdentifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A unit of a structure that sends or receives requests: a hospital ward, an SMR unit, an EHPAD, an ESMS unit, a
 * PCO, a CPAM (which receives Prado requests).
 *
 * <p>Build with {@link #builder(UnitId, String)}.
 *
 * @param rorId the unit's identifier in the ROR (répertoire opérationnel des ressources), when known
 * @param structure FINESS géographique of the structure the unit belongs to
 * @param targetKinds what the unit receives (empty for units that only send)
 * @param capacity installed places, when known
 * @param modalities accepted modalities (TRE_R213 / JDV_J264 codes: hébergement, accueil de jour…)
 * @param pradoVolets Prado services this (sending) unit holds a convention for
 * @param cpamCode for a CPAM: its 3-digit code, e.g. 691 for "CPAM du Rhône"
 * @param esmsCategory for a disability ESMS unit: its JDV_J254 category
 * @param coveredDepartements départements a PCO or a CPAM covers
 * @param smrMentions for an SMR unit: the mentions it is authorised for since the SMR reform (décret n° 2022-24; VT
 *     describes units with them since 2023, seed 002 « Prise en compte de la réforme SMR dans la description des
 *     unités »); empty when not described
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Unit(
    UnitId id,
    @Size(max = 64, message = "{vt.size.max}") String rorId,
    @ValidIdentifier Finess structure,
    String name,
    @Valid Departement departement,
    Set<VtModule> modules,
    Set<TargetKind> targetKinds,
    @PositiveOrZero(message = "{vt.positive}") Integer capacity,
    Set<Coding> modalities,
    Set<PradoVolet> pradoVolets,
    String cpamCode,
    Coding esmsCategory,
    Set<@Valid Departement> coveredDepartements,
    Set<io.vtsdk.model.dossier.SmrMention> smrMentions) {

  public Unit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    modules = Sets.sorted(modules, Comparator.naturalOrder());
    targetKinds = Sets.sorted(targetKinds, Comparator.naturalOrder());
    modalities = Sets.sorted(modalities, Comparator.comparing(Coding::system).thenComparing(Coding::code));
    pradoVolets = Sets.ofEnums(pradoVolets, PradoVolet.class);
    coveredDepartements = Sets.sorted(coveredDepartements, Comparator.comparing(Departement::code));
    smrMentions = Sets.ofEnums(smrMentions, io.vtsdk.model.dossier.SmrMention.class);
  }

  /** True when this unit holds a Prado convention for {@code volet}. */
  public boolean hasPradoConvention(PradoVolet volet) {
    return pradoVolets.contains(volet);
  }

  public static Builder builder(UnitId id, String name) {
    return new Builder(id, name);
  }

  public Builder toBuilder() {
    return new Builder(id, name).rorId(rorId).structure(structure).departement(departement).modules(modules)
        .targetKinds(targetKinds).capacity(capacity).modalities(modalities).pradoVolets(pradoVolets)
        .cpamCode(cpamCode).esmsCategory(esmsCategory).coveredDepartements(coveredDepartements)
        .smrMentions(smrMentions);
  }

  /** Builder for {@link Unit}. */
  public static final class Builder {
    private final UnitId id;
    private final String name;
    private String rorId;
    private Finess structure;
    private Departement departement;
    private Set<VtModule> modules;
    private Set<TargetKind> targetKinds;
    private Integer capacity;
    private Set<Coding> modalities;
    private Set<PradoVolet> pradoVolets;
    private String cpamCode;
    private Coding esmsCategory;
    private Set<Departement> coveredDepartements;
    private Set<io.vtsdk.model.dossier.SmrMention> smrMentions;

    Builder(UnitId id, String name) {
      this.id = id;
      this.name = name;
    }

    public Builder rorId(String v) { this.rorId = v; return this; }
    public Builder structure(Finess v) { this.structure = v; return this; }
    public Builder departement(Departement v) { this.departement = v; return this; }
    public Builder modules(Set<VtModule> v) { this.modules = v; return this; }
    public Builder targetKinds(Set<TargetKind> v) { this.targetKinds = v; return this; }
    public Builder capacity(Integer v) { this.capacity = v; return this; }
    public Builder modalities(Set<Coding> v) { this.modalities = v; return this; }
    public Builder pradoVolets(Set<PradoVolet> v) { this.pradoVolets = v; return this; }
    public Builder cpamCode(String v) { this.cpamCode = v; return this; }
    public Builder esmsCategory(Coding v) { this.esmsCategory = v; return this; }
    public Builder coveredDepartements(Set<Departement> v) { this.coveredDepartements = v; return this; }
    public Builder smrMentions(Set<io.vtsdk.model.dossier.SmrMention> v) { this.smrMentions = v; return this; }

    public Unit build() {
      return new Unit(id, rorId, structure, name, departement, modules, targetKinds, capacity, modalities,
          pradoVolets, cpamCode, esmsCategory, coveredDepartements, smrMentions);
    }
  }
}
