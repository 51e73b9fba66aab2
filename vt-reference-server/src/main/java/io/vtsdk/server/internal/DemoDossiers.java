package io.vtsdk.server.internal;

import io.vtsdk.model.Coding;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.dossier.AdminSocialSection;
import io.vtsdk.model.dossier.CareSection;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.LivingSituation;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.RequestingServiceSection;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.patient.Address;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.model.patient.LegalRepresentative;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.patient.Regime;
import io.vtsdk.model.patient.TreatingDoctor;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic demo dossiers of every module, in various states, generated from a seed. Names are drawn from a small
 * list of invented pairs; no identifier is real (no INS: identities are PROVISOIRE). Not API.
 */
final class DemoDossiers {
  private DemoDossiers() {}

  /** What to do with a demo dossier once created: send to units, then apply actions in order. */
  record Scenario(Dossier draft, List<String> sendTo, List<Step> steps) {}

  record Step(int requestIndex, Action action, Role role, String unit, String responseKind) {}

  /** Birth name, first given name and the sex that goes with it (a demo person's sex follows the name). */
  private static final String[][] NAMES = {{"MOREAU", "Lucie", "F"}, {"GIRARD", "Paul", "M"},
      {"ROUX", "Inès", "F"}, {"FAURE", "Louis", "M"}, {"BLANC", "Jeanne", "F"}, {"GUERIN", "Noah", "M"}};

  static List<Scenario> scenarios(long seed, LocalDate today) {
    Random r = new Random(seed);
    Professional doctor = Professional.of(null, "DEMO", "Médecin", Profession.MEDECIN);
    SectionInfo info = SectionInfo.draft(doctor);
    Requester ward = new Requester(DemoData.CARDIO_HCL, doctor);
    Dossier sanitaire = base("DEMO-1", VtModule.SANITAIRE, adult(r, today, 79), ward, today)
        .orientation(Orientation.smr(SmrMention.CARDIO_VASCULAIRE, List.of("Adultes",
            "Cardiologie et pathologies vasculaires", "Insuffisance cardiaque")))
        .medical(new MedicalSection(info, "Données de démonstration", List.of(), 3, true))
        .care(new CareSection(info, "Réadaptation à l'effort", null))
        .adminSocial(new AdminSocialSection(info, LivingSituation.ALONE, null, true, false, Set.of(), null, null))
        .requestingService(new RequestingServiceSection(info, "Cardiologie", null, null)).build();
    Dossier prado = base("DEMO-2", VtModule.PRADO, adult(r, today, 67), ward, today)
        .orientation(Orientation.prado(PradoVolet.INSUFFISANCE_CARDIAQUE))
        .medical(new MedicalSection(info, null, List.of(), null, true))
        .requestingService(new RequestingServiceSection(info, "Cardiologie", null, null)).build();
    Dossier grandAge = base("DEMO-3", VtModule.GRAND_AGE, adult(r, today, 86), ward, today)
        .requestType(RequestType.A_DOMICILE).hospitalisationDate(null).plannedDischargeDate(null)
        .orientation(Orientation.of(TargetKind.EHPAD))
        .medical(new MedicalSection(info, null, List.of(), 2, null))
        .adminSocial(new AdminSocialSection(info, LivingSituation.WITH_CARER, true, true, true, Set.of(), null, null))
        .build();
    Patient child = child(r, today, 4);
    Dossier tnd = base("DEMO-4", VtModule.TND, child, ward, today).requestType(RequestType.A_DOMICILE)
        .hospitalisationDate(null).plannedDischargeDate(null).orientation(Orientation.of(TargetKind.PCO_0_6))
        .medical(new MedicalSection(info, null, List.of(), null, null))
        .consent(new Consent(true, Consent.GivenBy.LEGAL_REPRESENTATIVE, today)).build();
    Coding ime = Nomenclatures.get(NosTable.J254).coding("183").orElseThrow();
    Dossier handicap = base("DEMO-5", VtModule.HANDICAP, child(r, today, 11),
        new Requester(UnitId.of("MDPH-69"), null), today)
        .requestType(null).hospitalisationDate(null).plannedDischargeDate(null)
        .orientation(Orientation.esms(ime))
        .mdphDecision(new MdphDecision("MDPH69-DEMO-1", null, List.of(ime), List.of(), today.minusMonths(2),
            today.plusYears(3)))
        .adminSocial(new AdminSocialSection(info, LivingSituation.WITH_FAMILY, null, null, null, Set.of(), null, null))
        .consent(new Consent(true, Consent.GivenBy.LEGAL_REPRESENTATIVE, today)).build();
    List<Scenario> out = new ArrayList<>(List.of(
        new Scenario(sanitaire, List.of("SMR-CARDIO-69", "SMR-POLY-75"), List.of(
            new Step(0, Action.READ, Role.RECEIVER, "SMR-CARDIO-69", null),
            new Step(0, Action.ACCEPT, Role.RECEIVER, "SMR-CARDIO-69", "ACCEPTED"))),
        new Scenario(prado, List.of("CPAM-691"), List.of(
            new Step(0, Action.DECLARE_ELIGIBLE_ADMINISTRATIVELY, Role.CPAM, "CPAM-691",
                "PRADO_ELIGIBLE_ADMINISTRATIVELY"))),
        new Scenario(grandAge, List.of(), List.of()),
        new Scenario(tnd, List.of("PCO-69"), List.of()),
        new Scenario(handicap, List.of("IME-69"), List.of(
            new Step(0, Action.READ, Role.ESMS, "IME-69", null)))));
    // A module described as data (HNP) gets its descriptor's example, sent to its first demo unit.
    ModuleDescriptor.Examples kit = examples(r, today, doctor);
    for (ModuleDescriptor module : VtModules.all()) {
      if (out.stream().noneMatch(s -> s.draft().module() == module.module())) {
        Dossier d = module.example(base("DEMO-" + (out.size() + 1), module.module(), null, ward, today), kit).build();
        out.add(new Scenario(d, module.demoUnits().stream().limit(1).map(u -> u.id().value()).toList(), List.of()));
      }
    }
    return List.copyOf(out);
  }

  /** Demo parts for a descriptor's example: provisional identities, sections drafted by the demo doctor. */
  private static ModuleDescriptor.Examples examples(Random r, LocalDate today, Professional doctor) {
    return new ModuleDescriptor.Examples() {
      @Override
      public LocalDate today() {
        return today;
      }

      @Override
      public int nextInt(int bound) {
        return r.nextInt(bound);
      }

      @Override
      public Patient adult(int age) {
        return DemoDossiers.adult(r, today, age);
      }

      @Override
      public Patient child(int age) {
        return DemoDossiers.child(r, today, age);
      }

      @Override
      public Professional doctor() {
        return doctor;
      }

      @Override
      public Professional nurse() {
        return doctor;
      }

      @Override
      public SectionInfo validated(Professional author) {
        return SectionInfo.draft(author);
      }

      @Override
      public MedicalSection medical(Professional author, Integer gir) {
        return new MedicalSection(SectionInfo.draft(author), "Données de démonstration", List.of(), gir, null);
      }

      @Override
      public AdminSocialSection adminSocial(Professional author) {
        return new AdminSocialSection(SectionInfo.draft(author), LivingSituation.ALONE, null, null, null, Set.of(),
            null, null);
      }
    };
  }

  private static Dossier.Builder base(String id, VtModule module, Patient patient, Requester requester,
      LocalDate today) {
    return Dossier.builder(DossierId.of(id), module).patient(patient).requester(requester)
        .requestType(RequestType.EN_HOSPITALISATION).hospitalisationDate(today.minusDays(4))
        .plannedDischargeDate(today.plusDays(5));
  }

  private static Patient adult(Random r, LocalDate today, int age) {
    String[] n = NAMES[r.nextInt(NAMES.length)];
    return Patient.builder().birthName(n[0]).firstBirthGivenName(n[1]).sex(Sex.valueOf(n[2]))
        .birthDate(today.minusYears(age).minusDays(r.nextInt(300))).identityStatus(IdentityStatus.PROVISOIRE)
        .address(new Address(null, "69003", "Lyon", Departement.of("69")))
        .insurance(new Insurance(Regime.GENERAL, false, false, true, "691"))
        .treatingDoctor(TreatingDoctor.absent()).build();
  }

  private static Patient child(Random r, LocalDate today, int age) {
    String[] n = NAMES[r.nextInt(NAMES.length)];
    return Patient.builder().birthName(n[0]).firstBirthGivenName(n[1]).sex(Sex.valueOf(n[2]))
        .birthDate(today.minusYears(age).minusDays(r.nextInt(300))).identityStatus(IdentityStatus.PROVISOIRE)
        .address(new Address(null, "69003", "Lyon", Departement.of("69")))
        .legalRepresentative(new LegalRepresentative("Parent de démonstration",
            LegalRepresentative.Relationship.PARENT, null))
        .treatingDoctor(TreatingDoctor.absent()).build();
  }
}
