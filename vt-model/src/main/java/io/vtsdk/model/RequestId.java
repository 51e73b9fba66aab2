package io.vtsdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.apiguardian.api.API;

/** Opaque identifier of a {@code Request} assigned by VT (or the reference server). Carries no personal data. */
@API(status = API.Status.STABLE, since = "0.1")
public record RequestId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RequestId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("RequestId is blank");
    }
  }

  public static RequestId of(String value) {
    return new RequestId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
