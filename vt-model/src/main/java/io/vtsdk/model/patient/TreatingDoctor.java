package io.vtsdk.model.patient;

import io.vtsdk.model.actor.Professional;
import jakarta.validation.Valid;
import org.apiguardian.api.API;

/**
 * The médecin traitant, or the explicit fact that there is none ("Pas de médecin traitant", a Prado priority
 * criterion). Absence of this object means "not filled in", which is different from "none".
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TreatingDoctor(boolean none, @Valid Professional doctor) {
  public TreatingDoctor {
    if (none && doctor != null) {
      throw new IllegalArgumentException("TreatingDoctor: 'none' is true but a doctor is given; keep one of the two");
    }
    if (!none && doctor == null) {
      throw new IllegalArgumentException("TreatingDoctor: give a doctor, or use TreatingDoctor.absent()");
    }
  }

  public static TreatingDoctor absent() {
    return new TreatingDoctor(true, null);
  }

  public static TreatingDoctor of(Professional doctor) {
    return new TreatingDoctor(false, doctor);
  }
}
