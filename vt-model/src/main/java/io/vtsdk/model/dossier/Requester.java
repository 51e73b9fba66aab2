package io.vtsdk.model.dossier;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.actor.Professional;
import jakarta.validation.Valid;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who sends the dossier: a unit and the professional acting for it. For the Grand-âge usager space the unit is the
 * usager space itself and the professional is absent.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Requester(UnitId unit, @Valid Professional professional) {
  public Requester {
    Objects.requireNonNull(unit, "unit");
  }
}
