package io.vtsdk.fhir.frcore;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.internal.Values;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Nir;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * {@link Patient} ↔ FR Core Patient ({@code fr-core-patient}, or {@code fr-core-patient-ins} for a qualified identity
 * with its INS and the traits that profile requires):
 * <ul>
 *   <li>INS → {@code identifier} slice by OID: INS-NIR ({@code .8}, use official), INS-NIA ({@code .9}, use temp),
 *       INS-NIR-TEST ({@code .10}), INS-NIR-DEMO ({@code .11}) — written for a qualified identity only (FR Core: « Le
 *       matricule INS ne peut être véhiculé que dans le cas d'une identité qualifiée »); the validator refuses an INS
 *       on any other status, so a valid patient loses nothing;</li>
 *   <li>birth name and first birth given name → the official name; the birth given names → FR Core's
 *       birth-list-given-name extension (space-separated, as INSi returns them); used name and given name → the
 *       usual name;</li>
 *   <li>identity status → fr-core-identity-reliability / identityStatus (PROV, RECUP, VALI, QUAL); vigilance
 *       attributes → its {@code comment} codings (every non-status code of fr-core-cs-v2-0445);</li>
 *   <li>birthplace INSEE code → patient-birthPlace with fr-core-address-insee-code;</li>
 *   <li>address → {@code address} (the département in a vt-sdk extension); legal representative →
 *       {@code contact}; treating doctor → {@code generalPractitioner} (a contained FR Core Practitioner);</li>
 *   <li>insurance and protection measure → vt-sdk extensions (FR Core has no Patient element for them).</li>
 * </ul>
 * Reading ignores what the model has no place for (telecom, nationality…). Lossless for every model patient whose
 * birth given names contain no space (docs/fhir.md).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PatientMapper {
  private PatientMapper() {}

  // ------------------------------------------------------------------------------------------------ write

  public static org.hl7.fhir.r4.model.Patient toFhir(Patient p) {
    java.util.Objects.requireNonNull(p, "patient");
    org.hl7.fhir.r4.model.Patient out = new org.hl7.fhir.r4.model.Patient();
    out.getMeta().addProfile(claimsIns(p) ? FrCore.PATIENT_INS : FrCore.PATIENT);
    if (p.ins() != null && p.identityStatus() != null && p.identityStatus().conveysIns()) { // FR Core: only a qualified identity
      InsSlice slice = InsSlice.of(p.ins().authority());
      out.addIdentifier().setUse(slice.use).setSystem("urn:oid:" + p.ins().authority().oid())
          .setValue(p.ins().number().value())
          .getType().addCoding().setSystem(FrCore.CS_IDENTIFIER_TYPE).setCode(slice.code);
    }
    if (p.identityStatus() != null || !p.vigilance().isEmpty()) {
      Extension reliability = out.addExtension().setUrl(FrCore.EXT_IDENTITY_RELIABILITY);
      if (p.identityStatus() != null) {
        reliability.addExtension("identityStatus", new Coding(FrCore.CS_IDENTITY_STATUS,
            p.identityStatus().code(), null));
      }
      for (VigilanceAttribute v : p.vigilance()) {
        reliability.addExtension("comment", new Coding(FrCore.CS_IDENTITY_STATUS_COMMENT, v.code(), null));
      }
    }
    if (p.birthName() != null || p.firstBirthGivenName() != null || !p.givenNames().isEmpty()) {
      HumanName official = out.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.birthName());
      if (p.firstBirthGivenName() != null) {
        official.addGiven(p.firstBirthGivenName());
      }
      if (!p.givenNames().isEmpty()) {
        official.addExtension(FrCore.EXT_BIRTH_LIST_GIVEN_NAME, new StringType(String.join(" ", p.givenNames())));
      }
    }
    if (p.usedName() != null || p.usedGivenName() != null) {
      HumanName usual = out.addName().setUse(HumanName.NameUse.USUAL).setFamily(p.usedName());
      if (p.usedGivenName() != null) {
        usual.addGiven(p.usedGivenName());
      }
    }
    if (p.sex() != null) {
      out.setGender(switch (p.sex()) {
        case M -> AdministrativeGender.MALE;
        case F -> AdministrativeGender.FEMALE;
        case U -> AdministrativeGender.UNKNOWN;
      });
    }
    if (p.birthDate() != null) {
      out.setBirthDateElement(Values.date(p.birthDate()));
    }
    if (p.birthplaceInsee() != null) {
      org.hl7.fhir.r4.model.Address place = new org.hl7.fhir.r4.model.Address();
      place.addExtension(FrCore.EXT_ADDRESS_INSEE_CODE, new Coding(FrCore.CS_INSEE_COMMUNE, p.birthplaceInsee(), null));
      out.addExtension(FrCore.EXT_BIRTH_PLACE, place);
    }
    if (p.address() != null) {
      Address a = p.address();
      org.hl7.fhir.r4.model.Address addr = out.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME)
          .setPostalCode(a.postalCode()).setCity(a.city());
      if (a.line() != null) {
        addr.addLine(a.line());
      }
      if (a.departement() != null) {
        addr.addExtension(FrCore.VT_DEPARTEMENT, new StringType(a.departement().code()));
      }
    }
    if (p.insurance() != null) {
      Insurance i = p.insurance();
      Extension ins = out.addExtension().setUrl(FrCore.VT_INSURANCE);
      if (i.regime() != null) {
        ins.addExtension("regime", new CodeType(i.regime().name()));
      }
      bool(ins, "ame", i.ame());
      bool(ins, "c2s", i.c2s());
      bool(ins, "complementaryInsurance", i.complementaryInsurance());
      if (i.cpamCode() != null) {
        ins.addExtension("cpamCode", new StringType(i.cpamCode()));
      }
    }
    if (p.protection() != null) {
      out.addExtension(FrCore.VT_PROTECTION_MEASURE, new CodeType(p.protection().name()));
    }
    if (p.legalRepresentative() != null) {
      LegalRepresentative r = p.legalRepresentative();
      org.hl7.fhir.r4.model.Patient.ContactComponent c = out.addContact();
      c.addExtension(FrCore.VT_LEGAL_REPRESENTATIVE, new CodeType(r.relationship().name()));
      c.getName().setText(r.name());
      if (r.phone() != null) {
        c.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(r.phone());
      }
    }
    if (p.treatingDoctor() != null) {
      if (p.treatingDoctor().none()) {
        out.addExtension(FrCore.VT_NO_TREATING_DOCTOR, new BooleanType(true));
      } else {
        Practitioner gp = PractitionerMapper.toPractitioner(p.treatingDoctor().doctor());
        gp.setId("treating-doctor");
        gp.setMeta(null); // a contained resource does not claim a profile
        out.addContained(gp);
        out.addGeneralPractitioner(new Reference("#treating-doctor"));
      }
    }
    return out;
  }

  /**
   * fr-core-patient-ins is claimed only for a qualified identity with an INS and the traits that profile requires
   * (birth name, first and listed birth given names, sex, birth date, birthplace); otherwise fr-core-patient.
   */
  static boolean claimsIns(Patient p) {
    return p.ins() != null && p.identityStatus() == IdentityStatus.QUALIFIEE && p.birthName() != null
        && p.firstBirthGivenName() != null && !p.givenNames().isEmpty() && p.sex() != null && p.birthDate() != null
        && p.birthplaceInsee() != null;
  }

  private static void bool(Extension parent, String url, Boolean value) {
    if (value != null) {
      parent.addExtension(url, new BooleanType(value));
    }
  }


  /** The FR Core identifier slice of each INS authority (by OID). */
  private enum InsSlice {
    NIR(InsAuthority.NIR, "INS-NIR", Identifier.IdentifierUse.OFFICIAL),
    NIA(InsAuthority.NIA, "INS-NIA", Identifier.IdentifierUse.TEMP),
    NIR_TEST(InsAuthority.NIR_TEST, "INS-NIR-TEST", Identifier.IdentifierUse.OFFICIAL),
    NIR_DEMO(InsAuthority.NIR_DEMO, "INS-NIR-DEMO", Identifier.IdentifierUse.OFFICIAL);

    final InsAuthority authority;
    final String code;
    final Identifier.IdentifierUse use;

    InsSlice(InsAuthority authority, String code, Identifier.IdentifierUse use) {
      this.authority = authority;
      this.code = code;
      this.use = use;
    }

    static InsSlice of(InsAuthority a) {
      return Arrays.stream(values()).filter(s -> s.authority == a).findFirst().orElseThrow();
    }
  }

  // ------------------------------------------------------------------------------------------------ read

  /**
   * The model patient of an FR Core Patient.
   *
   * @throws FhirMappingException naming the element and the rule (never the value)
   */
  public static Patient fromFhir(org.hl7.fhir.r4.model.Patient in) {
    java.util.Objects.requireNonNull(in, "patient");
    Patient.Builder b = Patient.builder();
    b.ins(ins(in));
    Extension reliability = in.getExtensionByUrl(FrCore.EXT_IDENTITY_RELIABILITY);
    if (reliability != null) {
      Extension status = reliability.getExtensionByUrl("identityStatus");
      if (status != null) {
        b.identityStatus(identityStatus(code(status, "Patient.extension:identityReliability.identityStatus")));
      }
      Set<VigilanceAttribute> vigilance = EnumSet.noneOf(VigilanceAttribute.class);
      for (Extension c : reliability.getExtensionsByUrl("comment")) {
        String code = code(c, "Patient.extension:identityReliability.comment");
        VigilanceAttribute.fromCode(code).ifPresent(vigilance::add); // a status code (VIDE, PROV, VALI) is no attribute
      }
      b.vigilance(vigilance);
    }
    for (HumanName n : in.getName()) {
      if (n.getUse() == HumanName.NameUse.OFFICIAL) {
        b.birthName(n.getFamily());
        b.firstBirthGivenName(n.hasGiven() ? n.getGiven().get(0).getValue() : null);
        Extension list = n.getExtensionByUrl(FrCore.EXT_BIRTH_LIST_GIVEN_NAME);
        if (list != null && list.getValue() != null) {
          b.givenNames(Arrays.stream(list.getValue().primitiveValue().split(" ")).filter(s -> !s.isEmpty())
              .toList());
        }
      } else if (n.getUse() == HumanName.NameUse.USUAL) {
        b.usedName(n.getFamily());
        b.usedGivenName(n.hasGiven() ? n.getGiven().get(0).getValue() : null);
      }
    }
    if (in.hasGender()) {
      b.sex(switch (in.getGender()) {
        case MALE -> Sex.M;
        case FEMALE -> Sex.F;
        case UNKNOWN -> Sex.U;
        default -> throw new FhirMappingException("Patient.gender", "must be male, female or unknown (INS)");
      });
    }
    if (in.hasBirthDateElement()) {
      DateType d = in.getBirthDateElement();
      if (d.getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
        throw new FhirMappingException("Patient.birthDate", "must be a full date (YYYY-MM-DD)");
      }
      b.birthDate(LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay()));
    }
    Extension place = in.getExtensionByUrl(FrCore.EXT_BIRTH_PLACE);
    if (place != null && place.getValue() instanceof org.hl7.fhir.r4.model.Address addr) {
      Extension insee = addr.getExtensionByUrl(FrCore.EXT_ADDRESS_INSEE_CODE);
      if (insee != null) {
        b.birthplaceInsee(code(insee, "Patient.extension:birthPlace.valueAddress.extension:inseeCode"));
      }
    }
    if (in.hasAddress()) {
      org.hl7.fhir.r4.model.Address a = in.getAddressFirstRep();
      Extension dep = a.getExtensionByUrl(FrCore.VT_DEPARTEMENT);
      b.address(new Address(a.hasLine() ? a.getLine().get(0).getValue() : null, a.getPostalCode(), a.getCity(),
          dep == null ? null : Departement.of(dep.getValue().primitiveValue())));
    }
    Extension insurance = in.getExtensionByUrl(FrCore.VT_INSURANCE);
    if (insurance != null) {
      String regime = text(insurance, "regime");
      b.insurance(new Insurance(regime == null ? null : Values.enumValue(Regime.class, regime,
          "Patient.extension:insurance.regime"), bool(insurance, "ame"), bool(insurance, "c2s"),
          bool(insurance, "complementaryInsurance"), text(insurance, "cpamCode")));
    }
    Extension protection = in.getExtensionByUrl(FrCore.VT_PROTECTION_MEASURE);
    if (protection != null) {
      b.protection(Values.enumValue(ProtectionMeasure.class, protection.getValue().primitiveValue(),
          "Patient.extension:protectionMeasure"));
    }
    for (org.hl7.fhir.r4.model.Patient.ContactComponent c : in.getContact()) {
      Extension rel = c.getExtensionByUrl(FrCore.VT_LEGAL_REPRESENTATIVE);
      if (rel != null) {
        if (!c.hasName() || !c.getName().hasText()) {
          throw new FhirMappingException("Patient.contact.name.text", "required for a legal representative");
        }
        b.legalRepresentative(new LegalRepresentative(c.getName().getText(), Values.enumValue(
            LegalRepresentative.Relationship.class, rel.getValue().primitiveValue(),
            "Patient.contact.extension:relationship"), c.hasTelecom() ? c.getTelecomFirstRep().getValue() : null));
      }
    }
    if (in.getExtensionByUrl(FrCore.VT_NO_TREATING_DOCTOR) != null) {
      b.treatingDoctor(TreatingDoctor.absent());
    } else if (in.hasGeneralPractitioner()) {
      b.treatingDoctor(TreatingDoctor.of(PractitionerMapper.fromPractitioner(gp(in))));
    }
    return b.build();
  }

  private static Ins ins(org.hl7.fhir.r4.model.Patient in) {
    List<Ins> found = new ArrayList<>();
    for (Identifier id : in.getIdentifier()) {
      if (id.getUse() == Identifier.IdentifierUse.OLD || !id.hasSystem() || !id.getSystem().startsWith("urn:oid:")) {
        continue; // deactivated INS, or local identifiers
      }
      InsAuthority authority;
      try {
        authority = InsAuthority.fromOid(id.getSystem().substring("urn:oid:".length()));
      } catch (IllegalArgumentException e) {
        continue; // not an INS
      }
      if (!id.hasValue()) {
        throw new FhirMappingException("Patient.identifier:INS.value", "required");
      }
      found.add(new Ins(new Nir(id.getValue()), authority));
    }
    if (found.size() > 1) {
      throw new FhirMappingException("Patient.identifier:INS", "more than one active INS");
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static IdentityStatus identityStatus(String code) {
    return IdentityStatus.fromCode(code).orElseThrow(() -> new FhirMappingException(
        "Patient.extension:identityReliability.identityStatus",
        "must be PROV, RECUP, VALI or QUAL (fr-core-cs-identity-status)"));
  }

  private static String code(Extension e, String element) {
    Type v = e.getValue();
    if (v instanceof Coding c && c.hasCode()) {
      return c.getCode();
    }
    if (v instanceof org.hl7.fhir.r4.model.CodeableConcept cc && cc.getCodingFirstRep().hasCode()) {
      return cc.getCodingFirstRep().getCode(); // older FR Core versions use a CodeableConcept
    }
    throw new FhirMappingException(element, "needs a Coding with a code");
  }

  private static String text(Extension parent, String url) {
    Extension e = parent.getExtensionByUrl(url);
    return e == null || e.getValue() == null ? null : e.getValue().primitiveValue();
  }

  private static Boolean bool(Extension parent, String url) {
    String v = text(parent, url);
    return v == null ? null : Boolean.valueOf(v);
  }

  private static Practitioner gp(org.hl7.fhir.r4.model.Patient in) {
    String ref = in.getGeneralPractitionerFirstRep().getReference();
    for (org.hl7.fhir.r4.model.Resource r : in.getContained()) {
      if (r instanceof Practitioner p && ref != null && ref.equals("#" + p.getIdElement().getIdPart())) {
        return p;
      }
    }
    throw new FhirMappingException("Patient.generalPractitioner", "must reference a contained Practitioner");
  }
}
