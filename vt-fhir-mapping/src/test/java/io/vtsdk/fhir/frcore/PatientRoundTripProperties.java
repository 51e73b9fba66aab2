package io.vtsdk.fhir.frcore;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.fhir.VtFhir;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.identity.VigilanceAttribute;
import io.vtsdk.model.patient.Address;
import io.vtsdk.model.patient.Insurance;
import io.vtsdk.model.patient.LegalRepresentative;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.patient.ProtectionMeasure;
import io.vtsdk.model.patient.Regime;
import io.vtsdk.model.patient.TreatingDoctor;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any patient → FR Core Patient → JSON → Patient → patient is lossless. */
public class PatientRoundTripProperties {
  @Property(tries = 200)
  void modelToFhirToModelIsLossless(@ForAll("patients") Patient patient) {
    String json = VtFhir.toJson(PatientMapper.toFhir(patient));
    Patient back = PatientMapper.fromFhir(VtFhir.parse(json, org.hl7.fhir.r4.model.Patient.class));
    // compared as JSON first: toString() redacts identity, so a failure would not say what differs
    assertThat(io.vtsdk.model.json.VtJson.toJson(back)).isEqualTo(io.vtsdk.model.json.VtJson.toJson(patient));
    assertThat(back).isEqualTo(patient);
  }

  static <T> Arbitrary<T> maybe(Arbitrary<T> a) {
    return a.injectNull(0.3);
  }

  static Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéèëçÉÈœ'-")
        .ofMinLength(1).ofMaxLength(20).filter(s -> Character.isLetter(s.charAt(0)));
  }

  static Arbitrary<String> familyNames() {
    return Combinators.combine(names(), maybe(names())).as((a, b) -> b == null ? a : a + " " + b);
  }

  static Arbitrary<Professional> professionals() {
    return Combinators.combine(maybe(Arbitraries.strings().numeric().ofLength(10).map(Fixtures::rpps)),
            familyNames(), maybe(names()), Arbitraries.of(Profession.class),
            maybe(Combinators.combine(Arbitraries.strings().numeric().ofLength(10).map(Fixtures::rpps),
                Arbitraries.of(true, false)).as(Professional.Delegation::new)))
        .as(Professional::new);
  }

  @Provide
  Arbitrary<Patient> patients() {
    return anyPatient();
  }

  /** The generator, for the validity properties of vt-fhir-validation. */
  public static Arbitrary<Patient> anyPatient() {
    return Builders.withBuilder(Patient::builder)
        .use(maybe(Combinators.combine(Arbitraries.strings().numeric().ofLength(12).map(s -> "1" + s)
            .map(Fixtures::nir), Arbitraries.of(InsAuthority.class)).as(Ins::new))).in(Patient.Builder::ins)
        .use(maybe(familyNames())).in(Patient.Builder::birthName)
        .use(maybe(names())).in(Patient.Builder::firstBirthGivenName)
        .use(maybe(familyNames())).in(Patient.Builder::birthGivenNames)
        .use(maybe(familyNames())).in(Patient.Builder::usedName)
        .use(maybe(names())).in(Patient.Builder::usedGivenName)
        .use(maybe(Arbitraries.of(Sex.class))).in(Patient.Builder::sex)
        .use(maybe(Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.of(1920, 1, 1).plusDays(d))))
        .in(Patient.Builder::birthDate)
        .use(maybe(Arbitraries.strings().numeric().ofLength(5))).in(Patient.Builder::birthPlace)
        .use(maybe(Arbitraries.of(io.vtsdk.model.identity.IdentityProof.class))).in(Patient.Builder::identityProof)
        .use(maybe(Arbitraries.of(IdentityStatus.class))).in(Patient.Builder::identityStatus)
        .use(Arbitraries.of(VigilanceAttribute.class).set()).in(Patient.Builder::vigilance)
        .use(maybe(Combinators.combine(maybe(familyNames().map(s -> "12 rue " + s)),
            maybe(Arbitraries.strings().numeric().ofLength(5)), maybe(familyNames()),
            maybe(Arbitraries.of("69", "2A", "974").map(Departement::of))).as(Address::new)))
        .in(Patient.Builder::address)
        .use(maybe(Combinators.combine(maybe(Arbitraries.of(Regime.class)), maybe(Arbitraries.of(true, false)),
            maybe(Arbitraries.of(true, false)), maybe(Arbitraries.of(true, false)),
            maybe(Arbitraries.strings().numeric().ofLength(3))).as(Insurance::new)))
        .in(Patient.Builder::insurance)
        .use(maybe(Arbitraries.of(ProtectionMeasure.class))).in(Patient.Builder::protection)
        .use(maybe(Combinators.combine(familyNames(), Arbitraries.of(LegalRepresentative.Relationship.class),
            maybe(Arbitraries.strings().numeric().ofLength(10))).as(LegalRepresentative::new)))
        .in(Patient.Builder::legalRepresentative)
        .use(maybe(Arbitraries.oneOf(Arbitraries.just(TreatingDoctor.absent()),
            professionals().map(TreatingDoctor::of)))).in(Patient.Builder::treatingDoctor)
        .build(Patient.Builder::build).map(PatientRoundTripProperties::withoutEmptyParts);
  }

  /**
   * An address or an insurance with no field set has no FHIR form (an element or extension must carry a value):
   * it reads back as absent. The mapping treats "empty" as "absent" (docs/fhir.md). An INS on an identity that is not
   * qualified has none either (FR Core conveys it only with a qualified identity; the validator refuses it), and a
   * qualified identity without its INS (refused too, identity.insRequired) is, in FR Core 2.2.0, a validated one: VALI
   * without the INS.
   */
  public static Patient withoutEmptyParts(Patient p) {
    Address a = p.address();
    Insurance i = p.insurance();
    boolean emptyAddress = a != null && a.line() == null && a.postalCode() == null && a.city() == null
        && a.departement() == null;
    boolean emptyInsurance = i != null && i.regime() == null && i.ame() == null && i.c2s() == null
        && i.complementaryInsurance() == null && i.cpamCode() == null;
    return p.toBuilder().address(emptyAddress ? null : a).insurance(emptyInsurance ? null : i)
        .ins(p.identityStatus() == IdentityStatus.QUALIFIEE ? p.ins() : null)
        .identityStatus(p.identityStatus() == IdentityStatus.QUALIFIEE && p.ins() == null ? IdentityStatus.VALIDEE
            : p.identityStatus()).build();
  }
}
