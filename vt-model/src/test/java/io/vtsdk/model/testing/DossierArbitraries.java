package io.vtsdk.model.testing;

import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.audit.AuditEvent;
import io.vtsdk.model.dossier.AdminSocialSection;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.CareSection;
import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.LivingSituation;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.SectionInfo;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.SocialBenefit;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Nir;
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
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** jqwik generators of arbitrary (not necessarily valid) dossiers, for round-trip properties. */
public final class DossierArbitraries {
  private DossierArbitraries() {}

  static Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars("éèàçÉœ’«» ").ofMinLength(1).ofMaxLength(30);
  }

  static <T> Arbitrary<T> maybe(Arbitrary<T> a) {
    return a.injectNull(0.3);
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(-40_000, 20_000).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
  }

  static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L).map(Instant::ofEpochMilli);
  }

  static Arbitrary<Nir> nirs() {
    return Arbitraries.strings().numeric().ofLength(12).map(s -> "1" + s).map(Fixtures::nir);
  }

  static Arbitrary<Professional> professionals() {
    return Combinators.combine(maybe(Arbitraries.strings().numeric().ofLength(10).map(Fixtures::rpps)), text(),
            maybe(text()), Arbitraries.of(Profession.class))
        .as((r, l, f, p) -> new Professional(r, l, f, p, null));
  }

  static Arbitrary<Patient> patients() {
    return Builders.withBuilder(Patient::builder)
        .use(maybe(Combinators.combine(nirs(), Arbitraries.of(InsAuthority.class)).as(Ins::new)))
        .in(Patient.Builder::ins)
        .use(maybe(text())).in(Patient.Builder::birthName)
        .use(maybe(text())).in(Patient.Builder::firstBirthGivenName)
        .use(maybe(text())).in(Patient.Builder::birthGivenNames)
        .use(maybe(text())).in(Patient.Builder::usedName)
        .use(maybe(Arbitraries.of(Sex.class))).in(Patient.Builder::sex)
        .use(maybe(dates())).in(Patient.Builder::birthDate)
        .use(maybe(Arbitraries.strings().numeric().ofLength(5))).in(Patient.Builder::birthPlace)
        .use(maybe(Arbitraries.of(IdentityStatus.class))).in(Patient.Builder::identityStatus)
        .use(Arbitraries.of(VigilanceAttribute.class).set()).in(Patient.Builder::vigilance)
        .use(maybe(Combinators.combine(maybe(text()), maybe(Arbitraries.strings().numeric().ofLength(5)),
            maybe(text()), maybe(Arbitraries.of("69", "2A", "974").map(Departement::of))).as(Address::new)))
        .in(Patient.Builder::address)
        .use(maybe(Combinators.combine(maybe(Arbitraries.of(Regime.class)), maybe(Arbitraries.of(true, false)),
            maybe(Arbitraries.of(true, false)), maybe(Arbitraries.of(true, false)),
            maybe(Arbitraries.strings().numeric().ofLength(3))).as(Insurance::new)))
        .in(Patient.Builder::insurance)
        .use(maybe(Arbitraries.of(ProtectionMeasure.class))).in(Patient.Builder::protection)
        .use(maybe(Combinators.combine(text(), Arbitraries.of(LegalRepresentative.Relationship.class),
            maybe(text())).as(LegalRepresentative::new))).in(Patient.Builder::legalRepresentative)
        .use(maybe(Arbitraries.oneOf(Arbitraries.just(TreatingDoctor.absent()),
            professionals().map(TreatingDoctor::of)))).in(Patient.Builder::treatingDoctor)
        .build(Patient.Builder::build);
  }

  static Arbitrary<Orientation> orientations(VtModule module) {
    List<TargetKind> targets = Arrays.stream(TargetKind.values()).filter(t -> t.module() == module).toList();
    return Combinators.combine(Arbitraries.of(targets), maybe(Arbitraries.of(SmrMention.class)),
            maybe(Arbitraries.of(PradoVolet.class)), maybe(Arbitraries.of("182", "183", "255")),
            text().list().ofMaxSize(4))
        .as((t, m, v, c, path) -> new Orientation(module, t, t == TargetKind.SMR ? m : null,
            t == TargetKind.PRADO ? v : null,
            t == TargetKind.ESMS && c != null ? Nomenclatures.get(NosTable.J254).coding(c).orElseThrow() : null,
            path));
  }

  static Arbitrary<SectionInfo> sectionInfos() {
    return Combinators.combine(maybe(professionals()), Arbitraries.integers().between(0, 5), instants())
        .as((p, v, at) -> new SectionInfo(p, v, v == 0 ? null : at));
  }

  static Arbitrary<AuditEvent> events() {
    return Combinators.combine(text(), instants(), Arbitraries.of(AuditEvent.Type.class),
            maybe(Arbitraries.of(Role.class)), maybe(Arbitraries.of(Action.class)),
            maybe(Arbitraries.of(RequestStatus.class)))
        .as((id, at, type, role, action, status) -> new AuditEvent(id, at, type, role, UnitId.of("U1"), "10003606315",
            DossierId.of("D1"), action == null ? null : RequestId.of("R1"), action, status, status));
  }

  /** Arbitrary dossiers of every module; consistent where constructors demand it, otherwise anything goes. */
  public static Arbitrary<Dossier> dossiers() {
    return Arbitraries.of(VtModule.values()).flatMap(module -> Builders
        .withBuilder(() -> Dossier.builder(DossierId.of("D-" + module), module))
        .use(maybe(text())).in(Dossier.Builder::number)
        .use(maybe(patients())).in(Dossier.Builder::patient)
        .use(maybe(professionals().map(p -> new Requester(UnitId.of("U-REQ"), p)))).in(Dossier.Builder::requester)
        .use(maybe(Arbitraries.of(RequestType.class))).in(Dossier.Builder::requestType)
        .use(maybe(dates())).in(Dossier.Builder::hospitalisationDate)
        .use(maybe(dates())).in(Dossier.Builder::plannedDischargeDate)
        .use(maybe(dates())).in(Dossier.Builder::desiredEntryDate)
        .use(maybe(orientations(module))).in(Dossier.Builder::orientation)
        .use(maybe(Combinators.combine(sectionInfos(), maybe(text()), text().list().ofMaxSize(2),
            maybe(Arbitraries.integers().between(1, 6)), maybe(Arbitraries.of(true, false)))
            .as(MedicalSection::new))).in(Dossier.Builder::medical)
        .use(maybe(Combinators.combine(sectionInfos(), maybe(text()), maybe(text())).as(CareSection::new)))
        .in(Dossier.Builder::care)
        .use(maybe(Combinators.combine(sectionInfos(), maybe(Arbitraries.of(LivingSituation.class)),
            maybe(Arbitraries.of(true, false)), maybe(Arbitraries.of(true, false)),
            maybe(Arbitraries.of(true, false)), Arbitraries.of(SocialBenefit.class).set(), maybe(text()),
            maybe(text())).as(AdminSocialSection::new))).in(Dossier.Builder::adminSocial)
        .use(Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8), text(),
            Arbitraries.longs().between(0, 1L << 40),
            Arbitraries.strings().withChars("0123456789abcdef").ofLength(64), instants())
            .as((id, name, size, sha, at) -> new Attachment(AttachmentId.of(id), name, "application/pdf", size, sha,
                at))
            .list().ofMaxSize(3)).in(Dossier.Builder::attachments)
        .use(maybe(Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(Consent.GivenBy.class), dates())
            .as(Consent::new))).in(Dossier.Builder::consent)
        .use(Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(20).list()
            .ofMaxSize(2)).in(Dossier.Builder::accompagnants)
        .use(Arbitraries.of(DossierStatus.class)).in(Dossier.Builder::status)
        .use(Arbitraries.longs().between(0, 1000)).in(Dossier.Builder::version)
        .use(maybe(instants())).in(Dossier.Builder::createdAt)
        .use(maybe(instants())).in(Dossier.Builder::updatedAt)
        .use(events().list().ofMaxSize(3)).in(Dossier.Builder::history)
        .build(Dossier.Builder::build));
  }
}
