package io.vtsdk.model.validation.internal;

import io.vtsdk.model.identity.CheckMode;
import java.util.Set;

/** Configuration handed to constraint validators as the Hibernate Validator payload. Not API. */
public record ValidationOptions(long maxAttachmentBytes, Set<String> allowedContentTypes, CheckMode checkMode) {
  public static final ValidationOptions DEFAULTS = new ValidationOptions(
      20L * 1024 * 1024,
      Set.of("application/pdf", "image/jpeg", "image/png", "image/tiff", "text/plain",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
          "application/vnd.oasis.opendocument.text"),
      CheckMode.STRICT);

  public ValidationOptions {
    allowedContentTypes = Set.copyOf(allowedContentTypes);
  }
}
