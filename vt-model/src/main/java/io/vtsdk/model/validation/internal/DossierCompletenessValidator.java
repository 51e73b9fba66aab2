package io.vtsdk.model.validation.internal;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.RequestType;
import io.vtsdk.model.validation.CompleteDossier;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * What a receiving unit needs: the common elements here, each module's in its descriptor
 * ({@code ModuleDescriptor.requirements}; documented in docs/validation.md). Reports each missing element with code
 * {@code required} at its path, or a more precise code. Not API.
 */
public final class DossierCompletenessValidator implements ConstraintValidator<CompleteDossier, Dossier> {
  @Override
  public boolean isValid(Dossier d, ConstraintValidatorContext ctx) {
    if (d == null) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    Check c = new Check(ctx);
    VtModule m = d.module();
    if (d.requestType() == RequestType.EN_HOSPITALISATION) {
      c.require(d.hospitalisationDate(), "hospitalisationDate");
    }
    io.vtsdk.model.module.VtModules.of(m).requirements(d, c);
    if (d.consent() != null && !d.consent().granted()) {
      Rules.violation(ctx, "{vt.consent.notGranted}", "consent.granted");
      c.ok = false;
    }
    return c.ok;
  }

  private static final class Check implements io.vtsdk.model.module.ModuleDescriptor.Requirements {
    final ConstraintValidatorContext ctx;
    boolean ok = true;

    Check(ConstraintValidatorContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void require(Object value, String path, String template) {
      if (value == null) {
        refuse(template, path);
      }
    }

    @Override
    public void refuse(String template, String path) {
      Rules.violation(ctx, template, path);
      ok = false;
    }
  }
}
