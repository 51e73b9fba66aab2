package io.vtsdk.model.validation.internal;

import io.vtsdk.model.request.Motif;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.validation.ValidResponse;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Motif rules of a response. Not API. */
public final class ResponseRulesValidator implements ConstraintValidator<ValidResponse, Response> {
  @Override
  public boolean isValid(Response r, ConstraintValidatorContext ctx) {
    if (r == null) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    Optional<String> system = r.kind().motifSystem();
    if (system.isEmpty()) {
      if (r.motif() != null) {
        Rules.violation(ctx, "{vt.response.motifNotExpected}", "motif");
        return false;
      }
      return true;
    }
    if (r.motif() == null) {
      Rules.violation(ctx, "{vt.response.motifRequired}", "motif");
      return false;
    }
    Optional<Motif> motif = system.get().equals(r.motif().system())
        ? r.kind().motif(r.motif().code())
        : Optional.empty();
    if (motif.isEmpty()) {
      Rules.violation(ctx, "{vt.response.motifUnknown}", "motif");
      return false;
    }
    if (motif.get().needsPrecision() && (r.comment() == null || r.comment().isBlank())) {
      Rules.violation(ctx, "{vt.response.precisionRequired}", "comment");
      return false;
    }
    return true;
  }
}
