package io.vtsdk.model.dossier;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Consent of the person, or of their legal representative (minors, protected adults), to the sharing of the dossier
 * with the receiving structures.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Consent(
    boolean granted,
    @NotNull(message = "{vt.required}") GivenBy givenBy,
    @NotNull(message = "{vt.required}") @PastOrPresent(message = "{vt.date.future}") LocalDate date) {

  public Consent {
    Objects.requireNonNull(givenBy, "givenBy");
  }

  /** Who gave (or refused) consent. */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum GivenBy {
    PERSON,
    LEGAL_REPRESENTATIVE
  }
}
