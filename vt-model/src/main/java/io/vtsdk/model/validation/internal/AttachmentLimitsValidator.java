package io.vtsdk.model.validation.internal;

import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.validation.AttachmentLimits;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;

/** Size and content type of attachments, from the validator's options. Not API. */
public final class AttachmentLimitsValidator implements ConstraintValidator<AttachmentLimits, Attachment> {
  @Override
  public boolean isValid(Attachment a, ConstraintValidatorContext ctx) {
    if (a == null) {
      return true;
    }
    ctx.disableDefaultConstraintViolation();
    ValidationOptions o = Rules.options(ctx);
    boolean ok = true;
    if (a.size() > o.maxAttachmentBytes()) {
      Rules.violation(ctx, "{vt.attachment.tooLarge}", "size", "limit", o.maxAttachmentBytes());
      ok = false;
    }
    if (a.contentType() != null && !a.contentType().isBlank()) {
      String type = a.contentType().toLowerCase(Locale.ROOT);
      int semi = type.indexOf(';');
      type = (semi >= 0 ? type.substring(0, semi) : type).trim();
      if (!o.allowedContentTypes().contains(type)) {
        Rules.violation(ctx, "{vt.attachment.contentType}", "contentType");
        ok = false;
      }
    }
    return ok;
  }
}
