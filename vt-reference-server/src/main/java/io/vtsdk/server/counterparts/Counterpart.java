package io.vtsdk.server.counterparts;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.workflow.Role;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A unit the reference server plays, and how: the requests it receives are answered by {@link Behaviour}, through the
 * core as that unit's principal (the same policy, events and journal as a person in the console).
 *
 * <p>It names the units it plays by one of: a unit id, a receiving role (every unit receiving in a module whose
 * receiving role it is: {@code CPAM}, {@code RECEIVER}, {@code ESMS}), a module (every unit receiving in it), or
 * {@code all}. When several match a request, the most precise wins (unit, then role, then module, then all), then
 * the first listed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Counterpart(UnitId unit, Role role, VtModule module, Boolean all, Behaviour behaviour) {

  public Counterpart {
    Objects.requireNonNull(behaviour, "behaviour");
    int selectors = (unit == null ? 0 : 1) + (role == null ? 0 : 1) + (module == null ? 0 : 1)
        + (Boolean.TRUE.equals(all) ? 1 : 0);
    if (selectors != 1) {
      throw new IllegalArgumentException("a counterpart names exactly one of unit, role, module, all");
    }
    all = Boolean.TRUE.equals(all) ? Boolean.TRUE : null;
  }

  /** The unit {@code unit} behaves so. */
  public static Counterpart unit(UnitId unit, Behaviour behaviour) {
    return new Counterpart(unit, null, null, null, behaviour);
  }

  /** Every unit receiving in the role {@code role} behaves so. */
  public static Counterpart role(Role role, Behaviour behaviour) {
    return new Counterpart(null, role, null, null, behaviour);
  }

  /** Every unit receiving in {@code module} behaves so. */
  public static Counterpart module(VtModule module, Behaviour behaviour) {
    return new Counterpart(null, null, module, null, behaviour);
  }

  /** Every receiving unit behaves so (the vendor's own units excepted, see {@link Counterparts#except}). */
  public static Counterpart all(Behaviour behaviour) {
    return new Counterpart(null, null, null, true, behaviour);
  }
}
