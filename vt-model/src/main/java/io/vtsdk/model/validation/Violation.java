package io.vtsdk.model.validation;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One problem found by validation.
 *
 * @param path JSON Pointer (RFC 6901) of the offending element in the JSON form of the validated object, e.g.
 *     {@code /patient/ins/number}; {@code ""} for the object itself
 * @param code stable, language-independent code, e.g. {@code required}, {@code nir.key}, {@code comment.size}
 * @param message human message in the requested language; never contains the rejected value
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Violation(String path, String code, String message) {
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
