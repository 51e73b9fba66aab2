package io.vtsdk.model.validation.internal;

import io.vtsdk.model.dossier.Consent;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.validation.ValidDossier;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;

/** Cross-field rules of a dossier, checked at every stage. Not API. */
public final class DossierRulesValidator implements ConstraintValidator<ValidDossier, Dossier> {
  @Override
  public boolean isValid(Dossier d, ConstraintValidatorContext ctx) {
    if (d == null) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    boolean ok = true;
    if (d.hospitalisationDate() != null && d.plannedDischargeDate() != null
        && d.plannedDischargeDate().isBefore(d.hospitalisationDate())) {
      Rules.violation(ctx, "{vt.dates.dischargeBeforeHospitalisation}", "plannedDischargeDate");
      ok = false;
    }
    Patient p = d.patient();
    // A module whose descriptor says it does not use the INS (Handicap, seed 002: « Mise en place de l'INS avec appel
    // au téléservice (sauf module Handicap) »): no INS, so no status that only INSi gives.
    if (p != null && !io.vtsdk.model.module.VtModules.of(d.module()).usesIns()) {
      if (p.ins() != null) {
        Rules.violation(ctx, "{vt.identity.insNotInHandicap}", "patient.ins");
        ok = false;
      }
      if (p.identityStatus() != null && p.identityStatus().needsIns()) {
        Rules.violation(ctx, "{vt.identity.statusNotInHandicap}", "patient.identityStatus", "status",
            p.identityStatus().label());
        ok = false;
      }
    }
    Consent c = d.consent();
    if (p != null && c != null) {
      LocalDate on = c.date() != null ? c.date() : LocalDate.now(ctx.getClockProvider().getClock());
      boolean needsRepresentative = p.isMinorOn(on) || p.isProtectedAdult();
      if (needsRepresentative && c.givenBy() != Consent.GivenBy.LEGAL_REPRESENTATIVE) {
        Rules.violation(ctx, "{vt.consent.representativeRequired}", "consent.givenBy");
        ok = false;
      }
      if (needsRepresentative && p.legalRepresentative() == null) {
        Rules.violation(ctx, "{vt.consent.representativeMissing}", "patient.legalRepresentative");
        ok = false;
      }
    }
    // The medical section's validation belongs to the prescribing doctor alone (seed 003); delegates may fill it.
    if (d.medical() != null && d.medical().info() != null && d.medical().info().isValidated()
        && d.medical().info().author() != null && !d.medical().info().author().mayValidateMedicalSection()) {
      Rules.violation(ctx, "{vt.medical.validatedByPrescriber}", "medical.info.author");
      ok = false;
    }
    if (d.mdphDecision() != null && d.orientation() != null && d.orientation().target() == TargetKind.ESMS
        && d.orientation().esmsCategory() != null
        && !d.mdphDecision().allowsCategory(d.orientation().esmsCategory().code())) {
      Rules.violation(ctx, "{vt.mdph.categoryNotInDecision}", "orientation.esmsCategory");
      ok = false;
    }
    return ok;
  }
}
