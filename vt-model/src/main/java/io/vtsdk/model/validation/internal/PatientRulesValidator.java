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
    names.put("givenNames", p.givenNames() == null ? null : String.join(" ", p.givenNames()));
    for (java.util.Map.Entry<String, String> name : names.entrySet()) {
      if (name.getValue() != null && io.vtsdk.model.validation.SafeText.problemInLine(name.getValue()).isPresent()) {
        Rules.violation(ctx, "{vt.text.name}", name.getKey());
        ok = false;
      }
    }
    if (p.isProtectedAdult() && p.legalRepresentative() == null) {
      Rules.violation(ctx, "{vt.protection.representativeRequired}", "legalRepresentative");
      ok = false;
    }
    return ok;
  }
}
