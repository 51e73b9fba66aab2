package io.vtsdk.fhir.frcore;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.internal.Values;
import io.vtsdk.model.Coding;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Structure;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.identity.Siret;
import io.vtsdk.model.PradoVolet;
import java.util.HashSet;
import java.util.Set;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The directory in FHIR: {@link Structure} ↔ FR Core Organization (FINESS géographique {@code FINEG} and juridique
 * {@code FINEJ} on {@code https://finess.esante.gouv.fr}, SIRET on {@code https://sirene.fr}, the national structure
 * id {@code idNatSt} = "1" + FINESS or "3" + SIRET), and {@link Unit} ↔ HealthcareService (the unit id and ROR id as
 * identifiers, the structure as a contained Organization in {@code providedBy}, modules as {@code category}, target
 * kinds as {@code type}, the ESMS category as {@code specialty}, modalities as {@code characteristic}, Prado volets
 * as {@code program}; the rest in vt-sdk extensions).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DirectoryMapper {
  private DirectoryMapper() {}

  // ------------------------------------------------------------------------------------------------ structure

  public static Organization toOrganization(Structure s) {
    java.util.Objects.requireNonNull(s, "structure");
    Organization o = new Organization();
    o.getMeta().addProfile(FrCore.ORGANIZATION);
    o.addIdentifier().setSystem(FrCore.OID_IDNATST).setValue(s.idNat());
    if (s.finessGeographique() != null) {
      finess(o.addIdentifier(), s.finessGeographique(), "FINEG");
    }
    if (s.finessJuridique() != null) {
      finess(o.addIdentifier(), s.finessJuridique(), "FINEJ");
    }
    if (s.siret() != null) {
      o.addIdentifier().setSystem(FrCore.SYSTEM_SIRET).setValue(s.siret().value());
    }
    o.setName(s.name());
    if (s.category() != null) {
      o.addType(Values.concept(s.category()));
    }
    if (s.departement() != null) {
      o.addExtension(FrCore.VT_DEPARTEMENT, new StringType(s.departement().code()));
    }
    for (VtModule m : s.modules()) {
      o.addExtension(FrCore.VT + "module", new org.hl7.fhir.r4.model.CodeType(m.name()));
    }
    return o;
  }

  private static void finess(Identifier id, Finess f, String type) {
    id.setSystem(FrCore.SYSTEM_FINESS).setValue(f.value()).getType().addCoding()
        .setSystem(FrCore.CS_IDENTIFIER_TYPE).setCode(type);
  }

  public static Structure fromOrganization(Organization o) {
    java.util.Objects.requireNonNull(o, "organization");
    Finess geo = null;
    Finess legal = null;
    Siret siret = null;
    for (Identifier id : o.getIdentifier()) {
      if (FrCore.SYSTEM_FINESS.equals(id.getSystem()) || "http://finess.esante.gouv.fr".equals(id.getSystem())) {
        String type = id.getType().getCodingFirstRep().getCode();
        if ("FINEJ".equals(type)) {
          legal = new Finess(id.getValue());
        } else {
          geo = new Finess(id.getValue()); // FINEG, or untyped
        }
      } else if (FrCore.SYSTEM_SIRET.equals(id.getSystem())) {
        siret = new Siret(id.getValue());
      }
    }
    if (geo == null && siret == null) {
      throw new FhirMappingException("Organization.identifier", "needs a FINESS géographique or a SIRET");
    }
    if (!o.hasName()) {
      throw new FhirMappingException("Organization.name", "required");
    }
    Extension dep = o.getExtensionByUrl(FrCore.VT_DEPARTEMENT);
    Set<VtModule> modules = new HashSet<>();
    for (Extension m : o.getExtensionsByUrl(FrCore.VT + "module")) {
      modules.add(Values.code(VtModule::valueOf, VtModule.values(), m.getValue().primitiveValue(),
          "Organization.extension:module"));
    }
    return new Structure(geo, legal, siret, o.hasType() ? coding(o.getTypeFirstRep(), "Organization.type") : null,
        o.getName(), dep == null ? null : Departement.of(dep.getValue().primitiveValue()), modules);
  }

  // ------------------------------------------------------------------------------------------------ unit

  public static HealthcareService toHealthcareService(Unit u) {
    java.util.Objects.requireNonNull(u, "unit");
    HealthcareService h = new HealthcareService();
    h.getMeta().addProfile(FrCore.HEALTHCARE_SERVICE);
    h.addIdentifier().setSystem(FrCore.VT_UNIT_ID).setValue(u.id().value());
    if (u.rorId() != null) {
      h.addIdentifier().setSystem(FrCore.VT_ROR_UNIT_ID).setValue(u.rorId());
    }
    h.setName(u.name());
    if (u.structure() != null) {
      Organization o = new Organization();
      o.setId("structure");
      finess(o.addIdentifier(), u.structure(), "FINEG");
      h.addContained(o);
      h.setProvidedBy(new Reference("#structure"));
    }
    if (!u.modules().isEmpty()) { // FR Core 2.2.0 allows one category: the modules are its codings
      org.hl7.fhir.r4.model.CodeableConcept category = h.addCategory();
      u.modules().stream().sorted().forEach(m -> category.addCoding(Values.toFhir(new Coding(FrCore.VT_CS_MODULE,
          m.name(), null))));
    }
    for (TargetKind t : u.targetKinds()) {
      h.addType(Values.concept(new Coding(FrCore.VT_CS_TARGET_KIND, t.name(), null)));
    }
    if (u.esmsCategory() != null) {
      h.addSpecialty(Values.concept(u.esmsCategory()));
    }
    for (Coding m : u.modalities()) {
      h.addCharacteristic(Values.concept(m));
    }
    for (PradoVolet v : u.pradoVolets()) {
      h.addProgram(Values.concept(new Coding(FrCore.VT_CS_PRADO_VOLET, v.name(), null)));
    }
    if (u.departement() != null) {
      h.addExtension(FrCore.VT_DEPARTEMENT, new StringType(u.departement().code()));
    }
    for (Departement d : u.coveredDepartements()) {
      h.addExtension(FrCore.VT_COVERED_DEPARTEMENT, new StringType(d.code()));
    }
    if (u.capacity() != null) {
      h.addExtension(FrCore.VT_CAPACITY, new IntegerType(u.capacity()));
    }
    if (u.cpamCode() != null) {
      h.addExtension(FrCore.VT_CPAM_CODE, new StringType(u.cpamCode()));
    }
    return h;
  }

  public static Unit fromHealthcareService(HealthcareService h) {
    java.util.Objects.requireNonNull(h, "healthcareService");
    String id = null;
    String ror = null;
    for (Identifier i : h.getIdentifier()) {
      if (FrCore.VT_UNIT_ID.equals(i.getSystem())) {
        id = i.getValue();
      } else if (FrCore.VT_ROR_UNIT_ID.equals(i.getSystem())) {
        ror = i.getValue();
      }
    }
    if (id == null) {
      throw new FhirMappingException("HealthcareService.identifier:unit", "required (system " + FrCore.VT_UNIT_ID
          + ")");
    }
    if (!h.hasName()) {
      throw new FhirMappingException("HealthcareService.name", "required");
    }
    Unit.Builder b = Unit.builder(UnitId.of(id), h.getName()).rorId(ror);
    if (h.hasProvidedBy()) {
      Organization o = h.getContained().stream().filter(r -> r instanceof Organization)
          .map(Organization.class::cast)
          .filter(r -> ("#" + r.getIdElement().getIdPart()).equals(h.getProvidedBy().getReference()))
          .findFirst().orElseThrow(() -> new FhirMappingException("HealthcareService.providedBy",
              "must reference a contained Organization"));
      b.structure(o.getIdentifier().stream().filter(i -> FrCore.SYSTEM_FINESS.equals(i.getSystem()))
          .findFirst().map(i -> new Finess(i.getValue())).orElseThrow(() -> new FhirMappingException(
              "HealthcareService.providedBy.identifier", "needs a FINESS")));
    }
    Set<VtModule> modules = new HashSet<>();
    h.getCategory().forEach(c -> c.getCoding().stream().filter(coding -> FrCore.VT_CS_MODULE.equals(coding.getSystem()))
        .forEach(coding -> modules.add(Values.code(VtModule::valueOf, VtModule.values(), coding.getCode(),
            "HealthcareService.category"))));
    Set<TargetKind> kinds = new HashSet<>();
    h.getType().forEach(c -> kinds.add(Values.code(TargetKind::valueOf, TargetKind.values(),
        Values.code(c, FrCore.VT_CS_TARGET_KIND),
        "HealthcareService.type")));
    Set<PradoVolet> volets = new HashSet<>();
    h.getProgram().forEach(c -> volets.add(Values.enumValue(PradoVolet.class,
        Values.code(c, FrCore.VT_CS_PRADO_VOLET),
        "HealthcareService.program")));
    Set<Coding> modalities = new HashSet<>();
    h.getCharacteristic().forEach(c -> modalities.add(coding(c, "HealthcareService.characteristic")));
    Set<Departement> covered = new HashSet<>();
    h.getExtensionsByUrl(FrCore.VT_COVERED_DEPARTEMENT).forEach(e -> covered.add(Departement.of(
        e.getValue().primitiveValue())));
    Extension dep = h.getExtensionByUrl(FrCore.VT_DEPARTEMENT);
    Extension cap = h.getExtensionByUrl(FrCore.VT_CAPACITY);
    Extension cpam = h.getExtensionByUrl(FrCore.VT_CPAM_CODE);
    return b.modules(modules).targetKinds(kinds).pradoVolets(volets).modalities(modalities)
        .coveredDepartements(covered)
        .esmsCategory(h.hasSpecialty() ? coding(h.getSpecialtyFirstRep(), "HealthcareService.specialty") : null)
        .departement(dep == null ? null : Departement.of(dep.getValue().primitiveValue()))
        .capacity(cap == null ? null : ((IntegerType) cap.getValue()).getValue())
        .cpamCode(cpam == null ? null : cpam.getValue().primitiveValue())
        .build();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  static Coding coding(CodeableConcept cc, String element) {
    org.hl7.fhir.r4.model.Coding c = cc.getCodingFirstRep();
    if (!c.hasSystem() || !c.hasCode()) {
      throw new FhirMappingException(element, "needs a coding with a system and a code");
    }
    return Values.fromFhir(c);
  }
}
