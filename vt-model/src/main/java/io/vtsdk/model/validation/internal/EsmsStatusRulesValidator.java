package io.vtsdk.model.validation.internal;

import io.vtsdk.model.Coding;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.StatusMotifMap;
import io.vtsdk.model.validation.ValidEsmsStatus;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** ASS_A32 pairing of ESMS and unit statuses with their motifs; the SDO invariants on units. Not API. */
public final class EsmsStatusRulesValidator implements ConstraintValidator<ValidEsmsStatus, EsmsStatus> {
  @Override
  public boolean isValid(EsmsStatus s, ConstraintValidatorContext ctx) {
    if (s == null) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    StatusMotifMap a32 = Nomenclatures.statusMotifs();
    boolean ok = pair(ctx, a32, s.status(), s.motif(), "motif");
    if (s.unitMotif() != null && s.unitStatus() == null) {
      Rules.violation(ctx, "{vt.esms.unitMotifWithoutStatus}", "unitStatus");
      ok = false;
    }
    if (s.unitStatus() != null) { // SDO regle-StatutUnite
      ok &= required(ctx, s.rorUnitId(), "rorUnitId");
      ok &= required(ctx, s.unitName(), "unitName");
      ok &= required(ctx, s.unitCategory(), "unitCategory");
      ok &= required(ctx, s.careMode(), "careMode");
      ok &= required(ctx, s.unitStatusDate(), "unitStatusDate");
    }
    if (s.careMode() != null && !EsmsStatus.CARE_MODES.contains(s.careMode().code())) { // regle-ModePriseEnCharge
      Rules.violation(ctx, "{vt.esms.careMode}", "careMode");
      ok = false;
    }
    return pair(ctx, a32, s.unitStatus(), s.unitMotif(), "unitMotif") && ok;
  }

  private static boolean required(ConstraintValidatorContext ctx, Object value, String path) {
    if (value == null || value instanceof String str && str.isBlank()) {
      Rules.violation(ctx, "{vt.esms.unitStatusNeeds}", path);
      return false;
    }
    return true;
  }

  private static boolean pair(
      ConstraintValidatorContext ctx, StatusMotifMap a32, Coding status, Coding motif, String path) {
    if (status == null || motif == null || a32.isAllowed(status.code(), motif.code())) {
      return true;
    }
    if (a32.motifsFor(status.code()).isEmpty()) {
      Rules.violation(ctx, "{vt.esms.motifNotExpected}", path, "status", status.code());
    } else {
      Rules.violation(ctx, "{vt.esms.motifNotPaired}", path, "status", status.code());
    }
    return false;
  }
}
