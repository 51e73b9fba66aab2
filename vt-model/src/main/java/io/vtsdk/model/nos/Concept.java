package io.vtsdk.model.nos;

import io.vtsdk.model.Coding;
import org.apiguardian.api.API;

/** One code of a nomenclature, with its display and published status ({@code active} when not given). */
@API(status = API.Status.STABLE, since = "0.1")
public record Concept(String system, String code, String display, String status) {
  public boolean isActive() {
    return !"deprecated".equals(status);
  }

  public Coding toCoding() {
    return new Coding(system, code, display);
  }
}
