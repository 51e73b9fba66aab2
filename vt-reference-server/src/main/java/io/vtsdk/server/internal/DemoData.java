package io.vtsdk.server.internal;

import io.vtsdk.model.Coding;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Caisses;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Finess;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic directory, generated deterministically from a seed: units of every module in several départements
 * (Rhône, Ain, Isère, Paris, Corse-du-Sud), every caisse ("691 - CPAM du Rhône"…), disability ESMS of J254 categories and
 * PCOs. FINESS numbers are valid (Luhn key) but synthetic. No person data. Not API.
 */
public final class DemoData {
  private DemoData() {}

  /** Units every demo shares; their ids are stable whatever the seed (docs and examples use them). */
  public static final UnitId CARDIO_HCL = UnitId.of("U-CARDIO-HCL");
  public static final UnitId CPAM_691 = UnitId.of("CPAM-691");

  public static List<Unit> directory(long seed) {
    Random r = new Random(seed);
    List<Unit> units = new ArrayList<>();
    units.add(Unit.builder(CARDIO_HCL, "HCL - Cardiologie (Louis Pradel)").structure(finess("69", r))
        .departement(dep("69")).modules(Set.of(VtModule.SANITAIRE, VtModule.PRADO, VtModule.GRAND_AGE))
        .pradoVolets(Set.of(PradoVolet.INSUFFISANCE_CARDIAQUE, PradoVolet.AVC, PradoVolet.BPCO,
            PradoVolet.CHIRURGIE, PradoVolet.PERSONNES_AGEES))
        .build());
    units.add(Unit.builder(UnitId.of("U-NEURO-CHU38"), "CHU Grenoble - Neurologie").structure(finess("38", r))
        .departement(dep("38")).modules(Set.of(VtModule.SANITAIRE, VtModule.PRADO)).pradoVolets(Set.of(PradoVolet.AVC))
        .build());
    units.add(smr(receiver("SMR-CARDIO-69", "SMR cardio-vasculaire Lyon", "69", VtModule.SANITAIRE, TargetKind.SMR, 40,
        r), SmrMention.CARDIO_VASCULAIRE));
    units.add(smr(receiver("SMR-GERIA-01", "SMR gériatrie Bourg-en-Bresse", "01", VtModule.SANITAIRE, TargetKind.SMR,
        30, r), SmrMention.GERIATRIE, SmrMention.POLYVALENT));
    units.add(smr(receiver("SMR-POLY-75", "SMR polyvalent Paris 13e", "75", VtModule.SANITAIRE, TargetKind.SMR, 60, r),
        SmrMention.POLYVALENT));
    units.add(receiver("HAD-69", "HAD Lyon Métropole", "69", VtModule.SANITAIRE, TargetKind.HAD, 120, r));
    units.add(receiver("USP-38", "USP Grenoble", "38", VtModule.SANITAIRE, TargetKind.USP, 12, r));
    units.add(receiver("EHPAD-69-A", "EHPAD Les Tilleuls", "69", VtModule.GRAND_AGE, TargetKind.EHPAD, 80, r));
    units.add(receiver("EHPAD-2A", "EHPAD Ajaccio", "2A", VtModule.GRAND_AGE, TargetKind.EHPAD, 60, r));
    units.add(receiver("RA-01", "Résidence autonomie Les Dombes", "01", VtModule.GRAND_AGE,
        TargetKind.RESIDENCE_AUTONOMIE, 45, r));
    units.add(receiver("USLD-75", "USLD Paris", "75", VtModule.GRAND_AGE, TargetKind.USLD, 50, r));
    // every caisse a patient can belong to (vt-model's list), so that a Prado dossier of any département can be
    // sent out of the box; a CPAM's unit id is "CPAM-" + its 3-digit code
    Caisses.all().forEach(c -> units.add(c.toUnit()));
    units.add(Unit.builder(UnitId.of("MDPH-69"), "MDPH du Rhône").departement(dep("69"))
        .modules(Set.of(VtModule.HANDICAP)).build());
    // a GRADeS reads the observatory of its region (role OBSERVER): it sends and receives nothing
    units.add(Unit.builder(UnitId.of("GRADES-ARA"), "GRADeS Auvergne-Rhône-Alpes (observatoire)")
        .departement(dep("69")).build());
    units.add(esms("IME-69", "IME Les Érables", "69", "183", 48, r));
    units.add(esms("SESSAD-69", "SESSAD Villeurbanne", "69", "182", 35, r));
    units.add(esms("MAS-38", "MAS du Vercors", "38", "255", 40, r));
    units.add(esms("EANM-01", "Foyer d'hébergement de l'Ain", "01", "449", 25, r)); // J254 449: EANM (a foyer)
    units.add(Unit.builder(UnitId.of("PCO-69"), "PCO TND Rhône").departement(dep("69"))
        .modules(Set.of(VtModule.TND)).targetKinds(Set.of(TargetKind.PCO_0_6, TargetKind.PCO_7_12))
        .coveredDepartements(Set.of(dep("69"))).structure(finess("69", r)).build());
    units.add(Unit.builder(UnitId.of("PCO-2A"), "PCO TND Corse-du-Sud").departement(dep("2A"))
        .modules(Set.of(VtModule.TND)).targetKinds(Set.of(TargetKind.PCO_0_6))
        .coveredDepartements(Set.of(dep("2A"))).build());
    for (ModuleDescriptor module : VtModules.all()) {
      units.addAll(module.demoUnits()); // a module described as data brings its own units (HNP)
    }
    return units;
  }

  /** An SMR unit with the mentions of the SMR reform it holds. */
  private static Unit smr(Unit unit, SmrMention... mentions) {
    return unit.toBuilder().smrMentions(Set.of(mentions)).build();
  }

  private static Unit receiver(String id, String name, String dep, VtModule module, TargetKind kind, int capacity,
      Random r) {
    return Unit.builder(UnitId.of(id), name).structure(finess(dep, r)).departement(dep(dep))
        .modules(Set.of(module)).targetKinds(Set.of(kind)).capacity(capacity).rorId("ROR-" + id).build();
  }

  private static Unit esms(String id, String name, String dep, String j254, int capacity, Random r) {
    Coding category = Nomenclatures.get(NosTable.J254).coding(j254).orElseThrow();
    return Unit.builder(UnitId.of(id), name).structure(finess(dep, r)).departement(dep(dep))
        .modules(Set.of(VtModule.HANDICAP)).targetKinds(Set.of(TargetKind.ESMS)).capacity(capacity)
        .esmsCategory(category).rorId("ROR-" + id).build();
  }

  /** A synthetic FINESS with a valid Luhn key (Corsica: format only, see docs/identifiers.md). */
  static Finess finess(String dep, Random r) {
    String eight = dep + String.format("%06d", r.nextInt(1_000_000));
    return dep.matches("\\d\\d") ? Finess.withKey(eight) : Finess.parse(eight + "0");
  }

  private static Departement dep(String code) {
    return Departement.of(code);
  }
}
