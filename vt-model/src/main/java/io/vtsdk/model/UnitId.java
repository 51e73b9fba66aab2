package io.vtsdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apiguardian.api.API;

/** Opaque identifier of a {@code Unit} assigned by VT (or the reference server). Carries no personal data. */
@API(status = API.Status.STABLE, since = "0.1")
public record UnitId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UnitId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("UnitId is blank");
    }
  }

  public static UnitId of(String value) {
    return new UnitId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
