package io.vtsdk.model.validation.internal;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.validation.CompleteDossier;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * What a receiving unit needs, per module (documented in docs/validation.md). Reports each missing element with
 * code {@code required} at its path, or a more precise code. Not API.
 */
public final class DossierCompletenessValidator implements ConstraintValidator<CompleteDossier, Dossier> {
  @Override
  public boolean isValid(Dossier d, ConstraintValidatorContext ctx) {
    if (d == null) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    Check c = new Check(ctx);
    Orientation o = d.orientation();
    Patient p = d.patient();
    VtModule m = d.module();

    if (m != VtModule.HANDICAP) {
      c.require(d.requestType(), "requestType");
    }
    if (d.requestType() == RequestType.EN_HOSPITALISATION) {
      c.require(d.hospitalisationDate(), "hospitalisationDate");
    }
    switch (m) {
      case SANITAIRE:
        c.require(d.medical(), "medical");
        c.require(d.care(), "care");
        c.require(d.adminSocial(), "adminSocial");
        c.require(d.requestingService(), "requestingService");
        if (o != null && o.target() == TargetKind.SMR) {
          c.require(o.smrMention(), "orientation.smrMention");
        }
        break;
      case PRADO:
        if (o != null) {
          c.require(o.pradoVolet(), "orientation.pradoVolet");
        }
        if (p != null) {
          c.require(p.insurance() == null ? null : p.insurance().ame(), "patient.insurance.ame", "{vt.prado.ameRequired}");
          c.require(p.treatingDoctor(), "patient.treatingDoctor");
        }
        if (d.requestType() == RequestType.EN_HOSPITALISATION) {
          c.require(d.plannedDischargeDate(), "plannedDischargeDate");
        }
        c.require(d.requestingService(), "requestingService");
        break;
      case GRAND_AGE:
        c.require(d.medical(), "medical");
        c.require(d.adminSocial(), "adminSocial");
        break;
      case HANDICAP:
        c.require(d.mdphDecision(), "mdphDecision");
        c.require(d.consent(), "consent");
        c.require(d.adminSocial(), "adminSocial");
        if (o != null) {
          c.require(o.esmsCategory(), "orientation.esmsCategory");
        }
        break;
      case TND:
        c.require(d.medical(), "medical");
        c.require(d.consent(), "consent");
        if (d.requester() != null
            && (d.requester().professional() == null || !d.requester().professional().fillsForADoctor())) {
          Rules.violation(ctx, "{vt.tnd.doctorRequired}", "requester.professional");
          c.ok = false;
        }
        break;
      default:
        throw new AssertionError(m);
    }
    if (d.consent() != null && !d.consent().granted()) {
      Rules.violation(ctx, "{vt.consent.notGranted}", "consent.granted");
      c.ok = false;
    }
    return c.ok;
  }

  private static final class Check {
    final ConstraintValidatorContext ctx;
    boolean ok = true;

    Check(ConstraintValidatorContext ctx) {
      this.ctx = ctx;
    }

    void require(Object value, String path) {
      require(value, path, "{vt.required}");
    }

    void require(Object value, String path, String template) {
      if (value == null) {
        Rules.violation(ctx, template, path);
        ok = false;
      }
    }
  }
}
