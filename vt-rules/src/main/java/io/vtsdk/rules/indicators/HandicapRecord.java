package io.vtsdk.rules.indicators;

import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One Handicap notification with the person it is for, as a people/notifications extract gives it (one line per
 * notification, the person's columns repeated): what {@link HandicapIndicators} counts by person.
 *
 * @param personId the person's pseudonymous id in the extract (never a NIR)
 * @param personDepartement the département the person lives in ("69", "2A")
 * @param personRegion the person's region (as the extract names it)
 * @param birthDate the person's birth date, null when unknown (the child/adult split then leaves the record out)
 * @param notifiedOn the day the MDPH notified the ESMS (status 39)
 * @param esmsFiness the ESMS's FINESS
 * @param esmsCategory its J254 category code ("183")
 * @param esmsDepartement the ESMS's département
 * @param esmsRegion the ESMS's region
 * @param status the notification's current ESMS status, a TRE_R357 code ("42", "47")
 * @param statusDate the day of that status
 * @param motif the status's TRE_R358 motif, or null
 * @param enteredOn the day the person entered the ESMS (status 47 reached), or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record HandicapRecord(String personId, String personDepartement, String personRegion, LocalDate birthDate,
    LocalDate notifiedOn, String esmsFiness, String esmsCategory, String esmsDepartement, String esmsRegion,
    String status, LocalDate statusDate, String motif, LocalDate enteredOn) {
  public HandicapRecord {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(status, "status");
  }

  /** No identity trait: the ids and codes only. */
  @Override
  public String toString() {
    return "HandicapRecord[person " + personId + ", ESMS " + esmsFiness + ", status " + status + "]";
  }
}
