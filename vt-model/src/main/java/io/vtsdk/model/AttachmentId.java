package io.vtsdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apiguardian.api.API;

/** Opaque identifier of a {@code Attachment} assigned by VT (or the reference server). Carries no personal data. */
@API(status = API.Status.STABLE, since = "0.1")
public record AttachmentId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public AttachmentId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("AttachmentId is blank");
    }
  }

  public static AttachmentId of(String value) {
    return new AttachmentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
