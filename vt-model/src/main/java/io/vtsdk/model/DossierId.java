package io.vtsdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apiguardian.api.API;

/** Opaque identifier of a {@code Dossier} assigned by VT (or the reference server). Carries no personal data. */
@API(status = API.Status.STABLE, since = "0.1")
public record DossierId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public DossierId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("DossierId is blank");
    }
  }

  public static DossierId of(String value) {
    return new DossierId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
