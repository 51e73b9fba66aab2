package io.vtsdk.model.patient;

import io.vtsdk.model.identity.Departement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apiguardian.api.API;

/** A postal address. {@link #toString()} keeps only the département: an address is personal data. */
@API(status = API.Status.STABLE, since = "0.1")
public record Address(
    @Size(max = 200, message = "{vt.size.max}") String line,
    @Pattern(regexp = "[0-9]{5}", message = "{vt.postalCode.format}") String postalCode,
    @Size(max = 100, message = "{vt.size.max}") String city,
    @Valid Departement departement) {

  @Override
  public String toString() {
    return "Address[departement=" + departement + ", ***]";
  }
}
