package io.vtsdk.model.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A French département code: {@code 01}–{@code 95} (no {@code 20}), {@code 2A}, {@code 2B}, or overseas
 * {@code 971}–{@code 976}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Departement(
    @JsonValue
        @Pattern(
            regexp = Departement.PATTERN,
            message = "{vt.departement.format}")
        String code) {

  /** The codes' pattern. */
  static final String PATTERN = "0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6]";

  private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Departement {
    Objects.requireNonNull(code, "code");
    code = code.trim().toUpperCase(Locale.ROOT);
  }

  /** Whether {@code code} is a département code (as written: {@code 2a} is not). @since 0.2 */
  public static boolean isValid(String code) {
    return code != null && COMPILED.matcher(code).matches();
  }

  public static Departement of(String code) {
    return new Departement(code);
  }

  /** Its region (INSEE COG), empty for Saint-Pierre-et-Miquelon (975). @since 0.2 */
  public java.util.Optional<Region> region() {
    return Region.of(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
