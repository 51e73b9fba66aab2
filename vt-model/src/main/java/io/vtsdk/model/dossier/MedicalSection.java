package io.vtsdk.model.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.apiguardian.api.API;

/**
 * "Volet médical". Free text here is medical content: never log it. {@link #toString()} omits it.
 *
 * @param gir GIR (groupe iso-ressources, 1 = most dependent … 6), used by Grand-âge
 * @param cardiacDecompensationStay the current stay is for a cardiac decompensation (Prado insuffisance cardiaque)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MedicalSection(
    @Valid SectionInfo info,
    @Size(max = 4000, message = "{vt.size.max}") String summary,
    List<@Size(max = 200, message = "{vt.size.max}") String> pathologies,
    @Min(value = 1, message = "{vt.gir.range}") @Max(value = 6, message = "{vt.gir.range}") Integer gir,
    Boolean cardiacDecompensationStay) {

  public MedicalSection {
    pathologies = pathologies == null ? List.of() : List.copyOf(pathologies);
  }

  @Override
  public String toString() {
    return "MedicalSection[info=" + info + ", gir=" + gir + ", ***]";
  }
}
