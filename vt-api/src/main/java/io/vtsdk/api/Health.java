package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.apiguardian.api.API;

/** The server's health: {@code UP} when it serves, and its clock. */
@API(status = API.Status.STABLE, since = "0.1")
public record Health(String status, Instant time) {
  @JsonIgnore
  public boolean isUp() {
    return "UP".equals(status);
  }
}
