package io.vtsdk.model.module;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A descriptor holding the parts every module has as values (the module, its workflow, its receivers' role, their
 * answers); a subclass gives its requirements and example, and overrides what it constrains further (routing, answer
 * checks, archiving delay, demo units).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class AbstractModuleDescriptor implements ModuleDescriptor {
  private final VtModule module;
  private final Workflow workflow;
  private final Role receiverRole;
  private final Set<ResponseKind> responseKinds;

  protected AbstractModuleDescriptor(Workflow workflow, Role receiverRole, Set<ResponseKind> responseKinds) {
    this.workflow = Objects.requireNonNull(workflow, "workflow");
    this.module = workflow.module();
    this.receiverRole = Objects.requireNonNull(receiverRole, "receiverRole");
    this.responseKinds = Set.copyOf(responseKinds);
  }

  @Override
  public final VtModule module() {
    return module;
  }

  @Override
  public final Workflow workflow() {
    return workflow;
  }

  @Override
  public final Role receiverRole() {
    return receiverRole;
  }

  @Override
  public final Set<ResponseKind> responseKinds() {
    return responseKinds;
  }

  /** No constraint beyond the common ones (the unit receives the module and the target kind). */
  @Override
  public List<Violation> routing(Dossier dossier, Unit requesting, Unit target, LocalDate date, String pointer,
      Messages messages) {
    return List.of();
  }

  @Override
  public String toString() {
    return "ModuleDescriptor[" + module + "]";
  }
}
