package io.vtsdk.api;

import io.vtsdk.model.UnitId;
import java.util.List;
import org.apiguardian.api.API;

/** The body of a send or a preflight: the receiving units, in the order the requester chose them. */
@API(status = API.Status.STABLE, since = "0.2")
public record SendRequest(List<UnitId> units) {
  public SendRequest {
    units = units == null ? List.of() : List.copyOf(units);
  }
}
