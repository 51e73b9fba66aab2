package io.vtsdk.fhir.frcore;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.internal.Values;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.IdentityProof;
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
 * {@link Patient} ↔ FR Core 2.2.0 Patient ({@code fr-core-patient-ins} for a qualified identity with its INS,
 * {@code fr-core-patient} otherwise):
 * <ul>
 *   <li>INS → {@code identifier} slice by OID, use official: INS-NIR ({@code .8}), INS-NIA ({@code .9}), INS-NIR-TEST
 *       ({@code .10}), INS-NIR-DEMO ({@code .11}) — written for a qualified identity only (FR Core: « Le matricule INS
 *       ne peut être véhiculé que dans le cas d'une identité qualifiée »); the validator refuses an INS on any other
 *       status, so a valid patient loses nothing;</li>
 *   <li>birth name and first birth given name → the official name; the list of birth given names → FR Core's
 *       birth-list-given-name extension, as INSi gives it; used name and given name → the usual name;</li>
 *   <li>identity status → fr-core-identity-reliability / identityStatus in fr-core-cs-v2-0445 (VALI or PROV), the
 *       four RNIV statuses told apart by the INS (« qualifiée ») and methodCollection INSI (« récupérée »); the
 *       identity document → its validationMode, or vt-sdk's identity-proof extension where FR Core has no code;
 *       each vigilance attribute → one more fr-core-identity-reliability with the attribute as identityStatus;</li>
 *   <li>birthplace INSEE code → patient-birthPlace with fr-core-address-insee-code;</li>
 *   <li>address → {@code address} (the département in a vt-sdk extension); legal representative →
 *       {@code contact}; treating doctor → {@code generalPractitioner} (a contained FR Core Practitioner);</li>
 *   <li>insurance and protection measure → vt-sdk extensions (FR Core has no Patient element for them).</li>
 * </ul>
 * Reading ignores what the model has no place for (telecom, nationality…). Lossless for every model patient
 * (docs/fhir.md, with the deviations from FR Core written down).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PatientMapper {
  private PatientMapper() {}

  // ------------------------------------------------------------------------------------------------ write

  public static org.hl7.fhir.r4.model.Patient toFhir(Patient p) {
    java.util.Objects.requireNonNull(p, "patient");
    org.hl7.fhir.r4.model.Patient out = new org.hl7.fhir.r4.model.Patient();
    boolean insProfile = claimsIns(p);
    out.getMeta().addProfile(insProfile ? FrCore.PATIENT_INS : FrCore.PATIENT);
    if (insProfile) { // FR Core: the INS only with a qualified identity; official for an NIR and a NIA alike (2.2.0)
      out.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:oid:" + p.ins().authority().oid())
          .setValue(p.ins().number().value())
          .getType().addCoding().setSystem(FrCore.CS_IDENTIFIER_TYPE).setCode(InsSlice.of(p.ins().authority()).code);
    }
    if (p.identityStatus() != null || p.identityProof() != null) {
      Extension reliability = out.addExtension().setUrl(FrCore.EXT_IDENTITY_RELIABILITY);
      if (p.identityStatus() != null) {
        if (p.identityStatus().needsIns()) { // RECUPEREE, QUALIFIEE: the INS came from the teleservice
          reliability.addExtension("methodCollection", new Coding(FrCore.CS_METHOD_COLLECTION, "INSI", null));
        }
        reliability.addExtension("identityStatus", new Coding(FrCore.CS_IDENTITY_RELIABILITY,
            p.identityStatus().reliabilityCode(), null));
      }
      String mode = validationMode(p.identityProof(), insProfile);
      if (mode != null) {
        reliability.addExtension("validationMode", new Coding(FrCore.CS_VALIDATION_MODE, mode, null));
      } else if (p.identityProof() != null) {
        out.addExtension(FrCore.VT_IDENTITY_PROOF, new CodeType(p.identityProof().name()));
      }
    }
    for (VigilanceAttribute v : p.vigilance()) { // FR Core 2.2.0: an identity attribute is an identityStatus code too
      out.addExtension().setUrl(FrCore.EXT_IDENTITY_RELIABILITY).addExtension("identityStatus",
          new Coding(FrCore.CS_IDENTITY_RELIABILITY, v.code(), null));
    }
    if (p.birthName() != null || p.firstBirthGivenName() != null || p.birthGivenNames() != null) {
      HumanName official = out.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.birthName());
      if (p.firstBirthGivenName() != null) {
        official.addGiven(p.firstBirthGivenName());
      }
      if (p.birthGivenNames() != null) {
        official.addExtension(FrCore.EXT_BIRTH_LIST_GIVEN_NAME, new StringType(p.birthGivenNames()));
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
    if (p.birthPlace() != null) {
      org.hl7.fhir.r4.model.Address place = new org.hl7.fhir.r4.model.Address();
      place.addExtension(FrCore.EXT_ADDRESS_INSEE_CODE, new Coding(FrCore.CS_INSEE_COMMUNE, p.birthPlace(), null));
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
   * fr-core-patient-ins is claimed for a qualified identity with its INS (the validator requires the traits that
   * profile needs: birth name, first and listed birth given names, sex, birth date, birthplace); otherwise
   * fr-core-patient, without the INS.
   */
  static boolean claimsIns(Patient p) {
    return p.ins() != null && p.identityStatus() != null && p.identityStatus().conveysIns();
  }

  /**
   * The FR Core validation mode (fr-core-cs-mode-validation-identity) of a document, or null when it has none: under
   * fr-core-patient-ins only PA, CN, AN and LE are allowed (fr-core-vs-mode-validation-identity-ins), so a residence
   * permit (CS) goes to vt-sdk's identity-proof extension there, as « none » and « other » do everywhere.
   */
  private static String validationMode(IdentityProof proof, boolean insProfile) {
    if (proof == null) {
      return null;
    }
    return switch (proof) {
      case CARTE_NATIONALE_IDENTITE -> "CN";
      case PASSEPORT -> "PA";
      case EXTRAIT_ACTE_DE_NAISSANCE -> "AN";
      case LIVRET_DE_FAMILLE -> "LE";
      case TITRE_DE_SEJOUR -> insProfile ? null : "CS";
      case NONE, OTHER -> null;
    };
  }

  private static IdentityProof identityProof(String mode) {
    return switch (mode) {
      case "CN" -> IdentityProof.CARTE_NATIONALE_IDENTITE;
      case "PA" -> IdentityProof.PASSEPORT;
      case "AN" -> IdentityProof.EXTRAIT_ACTE_DE_NAISSANCE;
      case "LE" -> IdentityProof.LIVRET_DE_FAMILLE;
      case "CS" -> IdentityProof.TITRE_DE_SEJOUR;
      default -> IdentityProof.OTHER; // another document of the code system (driving licence, military card…)
    };
  }

  private static void bool(Extension parent, String url, Boolean value) {
    if (value != null) {
      parent.addExtension(url, new BooleanType(value));
    }
  }


  /** The FR Core identifier slice of each INS authority (by OID). */
  private enum InsSlice {
    NIR(InsAuthority.NIR, "INS-NIR"),
    NIA(InsAuthority.NIA, "INS-NIA"),
    NIR_TEST(InsAuthority.NIR_TEST, "INS-NIR-TEST"),
    NIR_DEMO(InsAuthority.NIR_DEMO, "INS-NIR-DEMO");

    final InsAuthority authority;
    final String code;

    InsSlice(InsAuthority authority, String code) {
      this.authority = authority;
      this.code = code;
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
    Ins ins = ins(in);
    b.ins(ins);
    Set<VigilanceAttribute> vigilance = EnumSet.noneOf(VigilanceAttribute.class);
    for (Extension reliability : in.getExtensionsByUrl(FrCore.EXT_IDENTITY_RELIABILITY)) {
      Extension status = reliability.getExtensionByUrl("identityStatus");
      if (status != null) {
        String code = code(status, "Patient.extension:identityReliability.extension:identityStatus");
        java.util.Optional<VigilanceAttribute> attribute = VigilanceAttribute.fromCode(code);
        if (attribute.isPresent()) {
          vigilance.add(attribute.get());
        } else {
          b.identityStatus(identityStatus(code, ins != null, collectedByInsi(reliability)));
        }
      }
      Extension mode = reliability.getExtensionByUrl("validationMode");
      if (mode != null) {
        b.identityProof(identityProof(code(mode, "Patient.extension:identityReliability.extension:validationMode")));
      }
    }
    b.vigilance(vigilance);
    Extension proof = in.getExtensionByUrl(FrCore.VT_IDENTITY_PROOF);
    if (proof != null) {
      b.identityProof(Values.enumValue(IdentityProof.class, proof.getValue().primitiveValue(),
          "Patient.extension:identityProof"));
    }
    for (HumanName n : in.getName()) {
      if (n.getUse() == HumanName.NameUse.OFFICIAL) {
        b.birthName(n.getFamily());
        b.firstBirthGivenName(n.hasGiven() ? n.getGiven().get(0).getValue() : null);
        Extension list = n.getExtensionByUrl(FrCore.EXT_BIRTH_LIST_GIVEN_NAME);
        if (list != null && list.getValue() != null) {
          b.birthGivenNames(list.getValue().primitiveValue());
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
        b.birthPlace(code(insee, "Patient.extension:birthPlace.valueAddress.extension:inseeCode"));
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

  /**
   * The RNIV status of an fr-core-cs-v2-0445 status code (FR Core 2.2.0 has PROV and VALI, not the RNIV's four): VALI
   * with an INS is « qualifiée », without one « validée »; PROV with the INS collected by INSi (methodCollection) is
   * « récupérée », otherwise « provisoire ». VIDE (not yet qualified) reads as « provisoire ». FR Core's development
   * code system (fr-core-cs-identity-status: PROV, RECUP, VALI, QUAL), which no release has, is read too.
   */
  private static IdentityStatus identityStatus(String code, boolean hasIns, boolean byInsi) {
    return switch (code) {
      case "VALI" -> hasIns ? IdentityStatus.QUALIFIEE : IdentityStatus.VALIDEE;
      case "PROV", "VIDE" -> byInsi ? IdentityStatus.RECUPEREE : IdentityStatus.PROVISOIRE;
      default -> IdentityStatus.fromCode(code).orElseThrow(() -> new FhirMappingException(
          "Patient.extension:identityReliability.extension:identityStatus",
          "must be a status of fr-core-cs-v2-0445 (VIDE, PROV, VALI) or an identity attribute of it"));
    };
  }

  private static boolean collectedByInsi(Extension reliability) {
    Extension method = reliability.getExtensionByUrl("methodCollection");
    return method != null && method.getValue() instanceof Coding c && "INSI".equals(c.getCode());
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
