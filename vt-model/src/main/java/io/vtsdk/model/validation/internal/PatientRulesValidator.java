package io.vtsdk.model.validation.internal;

import io.vtsdk.model.identity.IdentityStatus;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.validation.ValidPatient;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Cross-field rules of a patient. Not API. */
public final class PatientRulesValidator implements ConstraintValidator<ValidPatient, Patient> {
  @Override
  public boolean isValid(Patient p, ConstraintValidatorContext ctx) {
    if (p == null) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    boolean ok = true;
    // RNIV / FR Core: the INS is conveyed only with a qualified identity, and a qualified identity conveys it. A
    // "récupérée" identity has an INS in the sender's system, but it is not sent (fr-core-patient-ins).
    if (p.identityStatus() == IdentityStatus.QUALIFIEE && p.ins() == null) {
      Rules.violation(ctx, "{vt.identity.insRequired}", "ins", "status", p.identityStatus().label());
      ok = false;
    }
    if (p.ins() != null && p.identityStatus() != IdentityStatus.QUALIFIEE) {
      Rules.violation(ctx, "{vt.identity.insNotQualified}", "ins");
      ok = false;
    }
    // RNIV: a validated or qualified identity was checked against a document of high trust level.
    if (p.identityStatus() != null && (p.identityStatus() == io.vtsdk.model.identity.IdentityStatus.VALIDEE
        || p.identityStatus() == io.vtsdk.model.identity.IdentityStatus.QUALIFIEE)
        && p.identityProof() != null && !p.identityProof().highTrust()) {
      Rules.violation(ctx, "{vt.identity.proofNotHighTrust}", "identityProof", "status", p.identityStatus().label());
      ok = false;
    }
    // a name is one line of text: no control, bidirectional override or lone surrogate (SafeText), whatever reads it
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    names.put("birthName", p.birthName());
    names.put("usedName", p.usedName());
    names.put("firstBirthGivenName", p.firstBirthGivenName());
    names.put("usedGivenName", p.usedGivenName());
    names.put("birthGivenNames", p.birthGivenNames());
    for (java.util.Map.Entry<String, String> name : names.entrySet()) {
      if (name.getValue() != null && io.vtsdk.model.validation.SafeText.problemInLine(name.getValue()).isPresent()) {
        Rules.violation(ctx, "{vt.text.name}", name.getKey());
        ok = false;
      }
    }
    ok &= insTraits(p, ctx);
    if (p.isProtectedAdult() && p.legalRepresentative() == null) {
      Rules.violation(ctx, "{vt.protection.representativeRequired}", "legalRepresentative");
      ok = false;
    }
    return ok;
  }

  /** Where a birth place code says "abroad" ({@code 99} + country) or "unknown" ({@code 99999}). */
  private static final String ABROAD = "99";
  private static final String UNKNOWN_PLACE = "99999";

  /**
   * The INS traits (ANS, Guide d'implémentation de l'INS; RNIV volet 1): a qualified identity carries all of them, its
   * birthplace known (FR Core 2.2.0, fr-core-patient-ins, invariant fr-core-3); the list of birth given names begins
   * with the first one (FR Core, fr-core-patient-birth-list-given-name: « le premier prénom de la liste »); a birth
   * abroad is coded {@code 99} in the NIR (positions 6–7, INSEE) and in the birthplace, and a birth in France in
   * neither. Only what these texts decide is refused (docs/identity.md lists what is not checked).
   */
  private static boolean insTraits(Patient p, ConstraintValidatorContext ctx) {
    boolean ok = true;
    if (p.identityStatus() == IdentityStatus.QUALIFIEE) {
      // birth name, first given name, sex and birth date are required at SUBMISSION for every identity (@NotNull)
      if (isBlank(p.birthGivenNames())) {
        Rules.violation(ctx, "{vt.identity.qualifiedNeedsTrait}", "birthGivenNames");
        ok = false;
      }
      if (isBlank(p.birthPlace())) {
        Rules.violation(ctx, "{vt.identity.qualifiedNeedsTrait}", "birthPlace");
        ok = false;
      } else if (UNKNOWN_PLACE.equals(p.birthPlace())) {
        Rules.violation(ctx, "{vt.identity.qualifiedBirthPlaceUnknown}", "birthPlace");
        ok = false;
      }
    }
    if (!isBlank(p.birthGivenNames()) && !isBlank(p.firstBirthGivenName())) {
      String list = io.vtsdk.model.identity.insi.InsTraits.normalise(p.birthGivenNames());
      String first = io.vtsdk.model.identity.insi.InsTraits.normalise(p.firstBirthGivenName());
      if (!(list.equals(first) || list.startsWith(first + " "))) {
        Rules.violation(ctx, "{vt.identity.firstGivenNameNotFirst}", "birthGivenNames");
        ok = false;
      }
    }
    String nirPlace = nirBirthDepartement(p);
    String place = p.birthPlace();
    if (nirPlace != null && place != null && place.matches(Patient.INSEE_CODE) && !UNKNOWN_PLACE.equals(place)) {
      boolean placeAbroad = place.startsWith(ABROAD);
      // NIRs of people born in Algeria before 1962 carry 91–94, and 96 was used for protectorates: not decided here
      boolean nirSaysFrance = !nirPlace.equals(ABROAD) && !nirPlace.matches("9[1-6]");
      if (nirPlace.equals(ABROAD) && !placeAbroad || nirSaysFrance && placeAbroad) {
        Rules.violation(ctx, "{vt.identity.birthPlaceNotNir}", "birthPlace");
        ok = false;
      }
    }
    return ok;
  }

  /** Positions 6–7 of a definitive NIR (first digit 1 or 2; not a NIA), or null. */
  private static String nirBirthDepartement(Patient p) {
    if (p.ins() == null || p.ins().number() == null || p.ins().authority() == io.vtsdk.model.identity.InsAuthority.NIA) {
      return null;
    }
    String nir = p.ins().number().value();
    return nir.length() == 15 && (nir.charAt(0) == '1' || nir.charAt(0) == '2') ? nir.substring(5, 7) : null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
