package io.vtsdk.fhir.frcore;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.actor.Professional;
import io.vtsdk.model.identity.Rpps;
import org.apiguardian.api.API;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * {@link Professional} ↔ FR Core Practitioner: the RPPS as the national identifier (IDNPS, {@code "8" + RPPS},
 * system {@code urn:oid:1.2.250.1.71.4.2.1}), the name, and the profession and delegation in vt-sdk extensions.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PractitionerMapper {
  private PractitionerMapper() {}

  public static Practitioner toPractitioner(Professional p) {
    java.util.Objects.requireNonNull(p, "professional");
    Practitioner out = new Practitioner();
    out.getMeta().addProfile(FrCore.PRACTITIONER);
    if (p.rpps() != null) {
      out.addIdentifier().setSystem(FrCore.OID_IDNPS).setValue("8" + p.rpps().value()).setUse(
          Identifier.IdentifierUse.OFFICIAL).getType().addCoding().setSystem(FrCore.CS_IDENTIFIER_TYPE)
          .setCode("IDNPS");
    }
    HumanName name = out.addName().setUse(HumanName.NameUse.USUAL).setFamily(p.lastName());
    if (p.firstName() != null) {
      name.addGiven(p.firstName());
    }
    if (p.profession() != null) {
      out.addExtension(FrCore.VT_PROFESSION, new CodeType(p.profession().name()));
    }
    if (p.delegation() != null) {
      Extension d = out.addExtension().setUrl(FrCore.VT_DELEGATION);
      d.addExtension("delegatorRpps", new org.hl7.fhir.r4.model.StringType(p.delegation().delegatorRpps().value()));
      d.addExtension("cpxAuthenticated", new BooleanType(p.delegation().cpxAuthenticated()));
    }
    return out;
  }

  /**
   * The professional acting for a unit: an FR Core PractitionerRole with the profession as {@code code}, the unit as
   * {@code healthcareService} (by identifier) and {@code practitioner} as given (null: the unit alone).
   */
  public static org.hl7.fhir.r4.model.PractitionerRole toPractitionerRole(Professional p,
      org.hl7.fhir.r4.model.Reference practitioner, io.vtsdk.model.UnitId unit) {
    java.util.Objects.requireNonNull(unit, "unit");
    org.hl7.fhir.r4.model.PractitionerRole role = new org.hl7.fhir.r4.model.PractitionerRole();
    role.getMeta().addProfile(FrCore.PRACTITIONER_ROLE);
    role.addHealthcareService().getIdentifier().setSystem(FrCore.VT_UNIT_ID).setValue(unit.value());
    if (practitioner != null) {
      role.setPractitioner(practitioner);
    }
    if (p != null && p.profession() != null) {
      role.addCode().addCoding().setSystem(FrCore.VT_CS_PROFESSION).setCode(p.profession().name());
    }
    return role;
  }

  /** The unit a PractitionerRole acts for (its healthcareService identifier). */
  public static io.vtsdk.model.UnitId unitOf(org.hl7.fhir.r4.model.PractitionerRole role) {
    return role.getHealthcareService().stream().map(org.hl7.fhir.r4.model.Reference::getIdentifier)
        .filter(i -> FrCore.VT_UNIT_ID.equals(i.getSystem()) && i.hasValue()).findFirst()
        .map(i -> io.vtsdk.model.UnitId.of(i.getValue()))
        .orElseThrow(() -> new FhirMappingException("PractitionerRole.healthcareService.identifier", "required (system "
            + FrCore.VT_UNIT_ID + ")"));
  }

  public static Professional fromPractitioner(Practitioner p) {
    java.util.Objects.requireNonNull(p, "practitioner");
    Rpps rpps = null;
    for (Identifier id : p.getIdentifier()) {
      if (FrCore.OID_IDNPS.equals(id.getSystem()) && id.hasValue()) {
        String v = id.getValue();
        if (!v.startsWith("8") || v.length() < 2) {
          throw new FhirMappingException("Practitioner.identifier:IDNPS.value", "must be \"8\" followed by the RPPS");
        }
        rpps = new Rpps(v.substring(1));
      }
    }
    HumanName name = p.getName().isEmpty() ? null : p.getNameFirstRep();
    if (name == null || !name.hasFamily()) {
      throw new FhirMappingException("Practitioner.name.family", "required");
    }
    Profession profession = null;
    Extension ext = p.getExtensionByUrl(FrCore.VT_PROFESSION);
    if (ext != null) {
      try {
        profession = Profession.valueOf(ext.getValue().primitiveValue());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new FhirMappingException("Practitioner.extension:profession", "unknown profession code");
      }
    }
    Professional.Delegation delegation = null;
    Extension d = p.getExtensionByUrl(FrCore.VT_DELEGATION);
    if (d != null) {
      Extension by = d.getExtensionByUrl("delegatorRpps");
      Extension cpx = d.getExtensionByUrl("cpxAuthenticated");
      if (by == null || cpx == null) {
        throw new FhirMappingException("Practitioner.extension:delegation", "needs delegatorRpps and cpxAuthenticated");
      }
      delegation = new Professional.Delegation(new Rpps(by.getValue().primitiveValue()),
          Boolean.parseBoolean(cpx.getValue().primitiveValue()));
    }
    return new Professional(rpps, name.getFamily(), name.hasGiven() ? name.getGiven().get(0).getValue() : null,
        profession, delegation);
  }
}
