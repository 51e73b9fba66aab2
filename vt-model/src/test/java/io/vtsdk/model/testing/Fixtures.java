package io.vtsdk.model.testing;

import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.dossier.AdminSocialSection;
import io.vtsdk.model.dossier.Attachment;
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
import io.vtsdk.model.dossier.SocialBenefit;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.handicap.MdphDecision;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Nir;
import io.vtsdk.model.identity.Rpps;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.identity.VigilanceAttribute;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.patient.Address;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.model.patient.LegalRepresentative;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.model.patient.Regime;
import io.vtsdk.model.patient.TreatingDoctor;
import java.time.Instant;
import io.vtsdk.model.module.Descriptors;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Valid example objects for every module. Synthetic: no real person. */
public final class Fixtures {
  private Fixtures() {}

  public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  public static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

  /** A NIR from its first 13 characters, with the right key. */
  public static Nir nir(String first13) {
    return Nir.parse(first13 + String.format("%02d", Nir.key(first13)));
  }

  /** A digit string with its Luhn key appended. */
  public static String withLuhn(String payload) {
    return payload + io.vtsdk.model.identity.Luhn.key(payload);
  }

  public static Rpps rpps(String first10) {
    return Rpps.parse(withLuhn(first10));
  }

  public static Professional doctor() {
    return new Professional(rpps("1000360631"), "DUPONT", "Jean", Profession.MEDECIN, null);
  }

  public static Professional nurse() {
    return new Professional(rpps("1000987654"), "DURAND", "Léa", Profession.INFIRMIER, null);
  }

  public static Patient adult() {
    return Patient.builder()
        .ins(new Ins(nir("2480569123456"), InsAuthority.NIR))
        .birthName("MARTIN")
        .firstBirthGivenName("Claire")
        .birthGivenNames("Claire Marie")
        .usedName("BERNARD")
        .sex(Sex.F)
        .birthDate(LocalDate.of(1948, 5, 2))
        .birthPlace("69123")
        .identityStatus(IdentityStatus.QUALIFIEE)
        .vigilance(Set.of(VigilanceAttribute.HOMONYME_DETECTE))
        .address(new Address("3 rue de la République", "69002", "Lyon", Departement.of("69")))
        .insurance(new Insurance(Regime.GENERAL, false, false, true, "691"))
        .protection(ProtectionMeasure.NONE)
        .treatingDoctor(TreatingDoctor.of(doctor()))
        .build();
  }

  public static Patient child(LocalDate birthDate) {
    return Patient.builder()
        .ins(new Ins(nir("1" + String.format("%02d", birthDate.getYear() % 100)
            + String.format("%02d", birthDate.getMonthValue()) + "2A004017"), InsAuthority.NIR))
        .birthName("LEROY")
        .firstBirthGivenName("Hugo")
        .birthGivenNames("Hugo Paul")
        .sex(Sex.M)
        .birthDate(birthDate)
        .birthPlace("2A004")
        .identityStatus(IdentityStatus.QUALIFIEE)
        .address(new Address("1 cours Napoléon", "20000", "Ajaccio", Departement.of("2A")))
        .legalRepresentative(new LegalRepresentative("LEROY Anne", LegalRepresentative.Relationship.PARENT, null))
        .treatingDoctor(TreatingDoctor.of(doctor()))
        .build();
  }

  static SectionInfo validated(Professional author) {
    return SectionInfo.validated(author, 1, NOW.minusSeconds(3600));
  }

  public static MedicalSection medical() {
    return new MedicalSection(validated(doctor()), "Décompensation cardiaque", List.of("Insuffisance cardiaque"), 3,
        true);
  }

  public static CareSection care() {
    return new CareSection(validated(nurse()), "Rééducation à l'effort", "Kinésithérapie quotidienne");
  }

  public static AdminSocialSection adminSocial() {
    return new AdminSocialSection(validated(nurse()), LivingSituation.ALONE, null, true, false,
        Set.of(SocialBenefit.APA), null, null);
  }

  public static RequestingServiceSection requestingService() {
    return new RequestingServiceSection(validated(nurse()), "Cardiologie", "04 72 00 00 00", "cardio@chu.example");
  }

  public static Requester requester() {
    return new Requester(UnitId.of("U-CARDIO-HCL"), doctor());
  }

  private static Dossier.Builder base(String id, VtModule module) {
    return Dossier.builder(DossierId.of(id), module)
        .number("2026-" + id)
        .patient(adult())
        .requester(requester())
        .requestType(RequestType.EN_HOSPITALISATION)
        .hospitalisationDate(TODAY.minusDays(5))
        .plannedDischargeDate(TODAY.plusDays(3))
        .requestingService(requestingService())
        .createdAt(NOW)
        .updatedAt(NOW);
  }

  public static Dossier sanitaire() {
    return base("S1", VtModule.SANITAIRE)
        .orientation(Orientation.smr(SmrMention.CARDIO_VASCULAIRE,
            List.of("Adultes", "Cardiologie et pathologies vasculaires", "Insuffisance cardiaque")))
        .medical(medical())
        .care(care())
        .adminSocial(adminSocial())
        .attachments(List.of(new Attachment(AttachmentId.of("A1"), "compte-rendu.pdf", "application/pdf", 120_000,
            "a".repeat(64), NOW)))
        .build();
  }

  public static Dossier prado() {
    return base("P1", VtModule.PRADO)
        .orientation(Orientation.prado(PradoVolet.INSUFFISANCE_CARDIAQUE))
        .medical(medical())
        .build();
  }

  public static Dossier grandAge() {
    return base("G1", VtModule.GRAND_AGE)
        .requestType(RequestType.A_DOMICILE)
        .hospitalisationDate(null)
        .plannedDischargeDate(null)
        .desiredEntryDate(TODAY.plusMonths(2))
        .orientation(Orientation.of(TargetKind.EHPAD))
        .medical(medical())
        .adminSocial(adminSocial())
        .consent(new Consent(true, Consent.GivenBy.PERSON, TODAY))
        .build();
  }

  public static MdphDecision mdphDecision() {
    return new MdphDecision("MDPH69-2026-0042", "069-2026-000042",
        List.of(Nomenclatures.get(NosTable.J254).coding("183").orElseThrow()),
        List.of(Nomenclatures.get(NosTable.J264).coding("46").orElseThrow()),
        TODAY.minusMonths(1), TODAY.plusYears(5));
  }

  public static Dossier handicap() {
    return base("H1", VtModule.HANDICAP)
        .patient(Descriptors.withoutIns(child(LocalDate.of(2016, 3, 14))))
        .requestType(null)
        .hospitalisationDate(null)
        .plannedDischargeDate(null)
        .orientation(Orientation.esms(Nomenclatures.get(NosTable.J254).coding("183").orElseThrow()))
        .mdphDecision(mdphDecision())
        .adminSocial(adminSocial())
        .consent(new Consent(true, Consent.GivenBy.LEGAL_REPRESENTATIVE, TODAY))
        .build();
  }

  public static Dossier tnd() {
    return base("T1", VtModule.TND)
        .patient(child(LocalDate.of(2022, 1, 10)))
        .requestType(RequestType.A_DOMICILE)
        .hospitalisationDate(null)
        .plannedDischargeDate(null)
        .orientation(Orientation.of(TargetKind.PCO_0_6))
        .medical(medical())
        .consent(new Consent(true, Consent.GivenBy.LEGAL_REPRESENTATIVE, TODAY))
        .build();
  }

  /** HNP: a GP asks a specialty service to admit a patient living in the Aude, from home. */
  public static Dossier hnp() {
    Patient p = adult();
    return base("N1", VtModule.HNP)
        .patient(p.toBuilder().address(new Address("3 rue Trivalle", "11000", "Carcassonne", Departement.of("11")))
            .build())
        .requestType(RequestType.A_DOMICILE)
        .hospitalisationDate(null)
        .plannedDischargeDate(null)
        .orientation(Orientation.of(TargetKind.SPECIALTY_SERVICE))
        .medical(medical())
        .build();
  }

  /** Every module of the registry (JUnit's {@code @MethodSource("io.vtsdk.model.testing.Fixtures#modules")}). */
  public static List<VtModule> modules() {
    return List.of(VtModule.values());
  }

  public static List<Dossier> everyModule() {
    return List.of(sanitaire(), prado(), grandAge(), handicap(), tnd(), hnp());
  }
}
