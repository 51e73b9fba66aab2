package io.vtsdk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A code from a code system: {@code system} is the canonical URL of the code system or value set, {@code display}
 * is optional and informative (key on the code, never on the display).
 */
@API(status = API.Status.STABLE, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coding(String system, String code, String display) {
  public Coding {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(code, "code");
  }

  public static Coding of(String system, String code) {
    return new Coding(system, code, null);
  }

  /** Equal system and code; the display is ignored. */
  public boolean sameCode(Coding other) {
    return other != null && system.equals(other.system) && code.equals(other.code);
  }
}
