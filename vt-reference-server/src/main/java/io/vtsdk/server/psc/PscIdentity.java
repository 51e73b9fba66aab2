package io.vtsdk.server.psc;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.actor.Profession;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a verified Pro Santé Connect access token says about its bearer: ids, profession, how they authenticated and
 * the units they act for. No names.
 *
 * @param nationalId {@code SubjectNameID}
 * @param rpps the RPPS, null for a holder without one
 * @param professionCode the TRE_G15 profession code of the first exercise, empty when none
 * @param cpxCard authenticated with a CPx card ({@code amr} contains {@code sc})
 * @param acr the authentication level
 * @param units the units of the token's activities
 * @param expiresAt the token's expiry
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PscIdentity(String nationalId, String rpps, String professionCode, boolean cpxCard, String acr,
    List<UnitId> units, Instant expiresAt) {

  public PscIdentity {
    units = List.copyOf(units);
  }

  public Profession profession() {
    return PscProfessional.profession(professionCode);
  }

  /** The actor id VT records: the RPPS, else the national id. */
  public String actorId() {
    return rpps != null ? rpps : nationalId;
  }
}
