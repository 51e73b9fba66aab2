package io.vtsdk.core.module;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What one VT module is, as data: its workflow, the role its receiving units act in, and the routing constraints a
 * receiving unit must meet. Found through {@link java.util.ServiceLoader} ({@code META-INF/services/
 * io.vtsdk.core.module.ModuleDescriptor}); {@link VtModules} holds them. Adding a module is one class and one line.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface ModuleDescriptor {

  VtModule module();

  /**
   * The module's workflow (statuses, transitions, who may perform each): the standard table by default; a module
   * defined as data returns its own ({@link Workflow#define}).
   */
  default Workflow workflow() {
    return Workflow.of(module());
  }

  /** The role the receiving units of this module act in (CPAM for Prado, ESMS for Handicap…). */
  Role receiverRole();

  /**
   * The module's own routing constraints for sending {@code dossier} from {@code requesting} to {@code target} on
   * {@code date}, beyond the common ones (the unit receives the module and the target kind). Each broken one is a
   * violation at {@code pointer} (the unit's place in the send request).
   */
  List<Violation> routing(Dossier dossier, Unit requesting, Unit target, LocalDate date, String pointer,
      Messages messages);

  /** Localised messages of the routing codes. */
  interface Messages {
    String get(String code);
  }
}
