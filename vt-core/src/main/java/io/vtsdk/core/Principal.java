package io.vtsdk.core;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who acts: a role, the unit (or structure) they act for, and the actor's id (an RPPS for a professional, an account
 * id for a person in the usager space). Every call of {@link VtCore} names its principal; {@link AccessPolicy} decides
 * what it may see and do.
 *
 * @param role the role the caller acts in
 * @param unit the unit or structure it acts for
 * @param actorId the professional's RPPS or the account's id; never a patient identifier
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Principal(Role role, UnitId unit, String actorId) {
  public Principal {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(unit, "unit");
    actorId = actorId == null ? "" : actorId;
  }
}
