package io.vtsdk.model.dossier;

import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.validation.AttachmentLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Metadata of a file attached to a dossier. The content lives elsewhere (the server's attachment store); the
 * {@code sha256} lets both sides check it. Size limit and allowed content types are checked by the validator
 * (configurable, default 20 MiB).
 */
@API(status = API.Status.STABLE, since = "0.1")
@AttachmentLimits
public record Attachment(
    AttachmentId id,
    @NotBlank(message = "{vt.required}") @Size(max = 255, message = "{vt.size.max}") String fileName,
    @NotBlank(message = "{vt.required}") String contentType,
    @PositiveOrZero(message = "{vt.positive}") long size,
    @Pattern(regexp = "[0-9a-f]{64}", message = "{vt.sha256.format}") String sha256,
    Instant uploadedAt) {

  public Attachment {
    Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return "Attachment[id=" + id + ", contentType=" + contentType + ", size=" + size + "]";
  }
}
