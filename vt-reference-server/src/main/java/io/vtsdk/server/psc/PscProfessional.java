package io.vtsdk.server.psc;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.actor.Profession;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A demo professional of the {@link PscSimulator}: synthetic, no real person.
 *
 * @param nationalId the national id PSC gives as {@code SubjectNameID} and {@code sub}: {@code 8} + RPPS for an RPPS
 *     holder; for a CPE card holder without RPPS, {@code 3} + the structure's FINESS + a local id (assumption: PSC's
 *     public documentation shows only RPPS holders)
 * @param rpps the RPPS (11 digits), null for a card holder without one
 * @param familyName the exercise family name
 * @param givenName the exercise given name
 * @param professionCode the ANS TRE_G15 profession code ({@code 10} médecin, {@code 60} infirmier…), empty for none
 * @param cpxCard authenticates with a CPx card (CPS, CPE); otherwise with e-CPS
 * @param units the VT units they act for (one activity each)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PscProfessional(String nationalId, String rpps, String familyName, String givenName,
    String professionCode, boolean cpxCard, List<UnitId> units) {

  public PscProfessional {
    Objects.requireNonNull(nationalId, "nationalId");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(givenName, "givenName");
    professionCode = professionCode == null ? "" : professionCode;
    units = List.copyOf(units);
    if (units.isEmpty()) {
      throw new IllegalArgumentException("a professional acts for at least one unit");
    }
  }

  /** The coarse profession of VT's model, from the TRE_G15 code (10 médecin, 60 infirmier; others AUTRE). */
  public Profession profession() {
    return profession(professionCode);
  }

  /** The coarse profession of a TRE_G15 code. */
  public static Profession profession(String professionCode) {
    return switch (professionCode == null ? "" : professionCode) {
      case "10" -> Profession.MEDECIN;
      case "60" -> Profession.INFIRMIER;
      default -> Profession.AUTRE;
    };
  }

  /** Ids and units only: no names. */
  @Override
  public String toString() {
    return "PscProfessional[" + nationalId + ", profession=" + professionCode + ", card=" + cpxCard + ", units="
        + units + "]";
  }
}
