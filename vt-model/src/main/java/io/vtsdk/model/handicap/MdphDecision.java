package io.vtsdk.model.handicap;

import io.vtsdk.model.Coding;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.validation.NosCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An MDPH orientation decision (CDAPH) towards disability ESMS: the ESMS categories it allows (JDV_J254), the
 * modalities (JDV_J264: hébergement, accueil de jour…) and its validity period (inclusive).
 *
 * @param idDecision the MDPH's own identifier of the decision
 * @param idNatDecision the national identifier of the decision (SDO "idNat_Decision")
 */
@API(status = API.Status.STABLE, since = "0.1")
public record MdphDecision(
    @NotBlank(message = "{vt.required}") String idDecision,
    String idNatDecision,
    @NotEmpty(message = "{vt.required}") List<@NosCode(NosTable.J254) Coding> categories,
    List<@NosCode(NosTable.J264) Coding> modalities,
    @NotNull(message = "{vt.required}") LocalDate validFrom,
    LocalDate validTo) {

  public MdphDecision {
    categories = categories == null ? List.of() : List.copyOf(categories);
    modalities = modalities == null ? List.of() : List.copyOf(modalities);
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException("MdphDecision validTo " + validTo + " is before validFrom " + validFrom);
    }
  }

  /** True when {@code date} is within the validity period (open-ended when {@code validTo} is null). */
  public boolean isValidOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return validFrom != null && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }

  /**
   * The national id of the decision: the MDPH's own {@link #idNatDecision} when it gave one, else the one VT, as
   * SI-SDO, issues: {@code "SDO-" + idDecision} (assumption: the SDO IG leaves the form of idNat_Decision to the
   * SI-SDO).
   *
   * @since 0.3
   */
  public String nationalId() {
    return idNatDecision != null ? idNatDecision : "SDO-" + idDecision;
  }

  /** True when the decision allows the ESMS category {@code j254Code}. */
  public boolean allowsCategory(String j254Code) {
    return categories.stream().anyMatch(c -> c.code().equals(j254Code));
  }
}
