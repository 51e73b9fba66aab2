package io.vtsdk.model.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.apiguardian.api.API;

/** "Volet soins et projet": care needs and the objective of the stay. {@link #toString()} omits the free text. */
@API(status = API.Status.STABLE, since = "0.1")
public record CareSection(
    @Valid SectionInfo info,
    @Size(max = 500, message = "{vt.size.max}") String objective,
    @Size(max = 4000, message = "{vt.size.max}") String careNeeds) {

  @Override
  public String toString() {
    return "CareSection[info=" + info + ", ***]";
  }
}
