package io.vtsdk.model.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apiguardian.api.API;

/** The legal representative of a minor or protected adult. {@link #toString()} redacts the name and phone. */
@API(status = API.Status.STABLE, since = "0.1")
public record LegalRepresentative(
    @NotBlank(message = "{vt.required}") @Size(max = 200, message = "{vt.size.max}") String name,
    @NotNull(message = "{vt.required}") Relationship relationship,
    @Size(max = 30, message = "{vt.size.max}") String phone) {

  /** How the representative relates to the person. */
  @org.apiguardian.api.API(status = API.Status.STABLE, since = "0.1")
  public enum Relationship {
    PARENT,
    TUTEUR,
    CURATEUR,
    MANDATAIRE,
    PERSONNE_HABILITEE,
    AUTRE
  }

  @Override
  public String toString() {
    return "LegalRepresentative[relationship=" + relationship + ", ***]";
  }
}
