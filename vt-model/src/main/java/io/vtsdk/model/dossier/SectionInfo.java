package io.vtsdk.model.dossier;

import io.vtsdk.model.actor.Professional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Who wrote a section and its last validated version. {@code validatedVersion} 0 means never validated (then
 * {@code validatedAt} is null).
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SectionInfo(
    @Valid Professional author,
    @PositiveOrZero(message = "{vt.positive}") int validatedVersion,
    Instant validatedAt) {

  public SectionInfo {
    if (validatedVersion == 0 && validatedAt != null) {
      throw new IllegalArgumentException("validatedAt is set but validatedVersion is 0");
    }
    if (validatedVersion > 0 && validatedAt == null) {
      throw new IllegalArgumentException("validatedVersion " + validatedVersion + " needs validatedAt");
    }
  }

  public static SectionInfo draft(Professional author) {
    return new SectionInfo(author, 0, null);
  }

  public static SectionInfo validated(Professional author, int version, Instant at) {
    return new SectionInfo(author, version, at);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isValidated() {
    return validatedVersion > 0;
  }
}
