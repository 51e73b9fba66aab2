package io.vtsdk.core;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.actor.Profession;
import io.vtsdk.model.workflow.Role;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who acts: a role, the unit (or structure) they act for, the actor's id (an RPPS for a professional, an account id
 * for a person in the usager space) and, when a strong authentication established it, what it says about the
 * professional. Every call of {@link VtCore} names its principal; {@link AccessPolicy} decides what it may see and do.
 *
 * @param role the role the caller acts in
 * @param unit the unit or structure it acts for
 * @param actorId the professional's RPPS (or national id) or the account's id; never a patient identifier
 * @param authentication what Pro Santé Connect established (profession, card, level); null for a test server's demo
 *     token, which stands for the professional the dossier names
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Principal(Role role, UnitId unit, String actorId, Authentication authentication) {
  public Principal {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(unit, "unit");
    actorId = actorId == null ? "" : actorId;
  }

  /** A principal without a strong authentication (a test server's demo token, an in-process call). */
  public Principal(Role role, UnitId unit, String actorId) {
    this(role, unit, actorId, null);
  }

  /**
   * What the professional's authentication established (Pro Santé Connect): the profession (from the RPPS
   * exercise), whether they used a CPx card (CPS, CPE, CPF…) rather than e-CPS, and the authentication level
   * ({@code acr}).
   *
   * @param profession the coarse profession ({@link Profession#AUTRE} for a card holder without one, such as a
   *     secretary with a CPE card)
   * @param cpxCard authenticated with a CPx card
   * @param acr the authentication context class reference of the token
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Authentication(Profession profession, boolean cpxCard, String acr) {
    public Authentication {
      Objects.requireNonNull(profession, "profession");
      Objects.requireNonNull(acr, "acr");
    }
  }
}
