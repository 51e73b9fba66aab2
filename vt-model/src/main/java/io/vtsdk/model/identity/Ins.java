package io.vtsdk.model.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.vtsdk.model.validation.ValidIdentifier;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The INS (identité nationale de santé) matricule: a NIR or NIA and the OID of its authority.
 *
 * <p>{@link #toString()} redacts the number.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Ins(@NotNull @ValidIdentifier @Valid Nir number, @NotNull InsAuthority authority) {

  public Ins {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(authority, "authority");
  }

  /** An INS-NIR of production, checked. */
  public static Ins ofNir(CharSequence nir) {
    return new Ins(Nir.parse(nir), InsAuthority.NIR);
  }

  @Override
  public String toString() {
    return "Ins[" + authority.name() + " ***************]";
  }
}
