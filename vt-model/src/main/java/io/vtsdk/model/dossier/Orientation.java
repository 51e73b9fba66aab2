package io.vtsdk.model.dossier;

import io.vtsdk.model.Coding;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.VtModule;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where the dossier orients the person: a module, a target kind and its refinement (SMR mention, Prado volet, ESMS
 * category), plus the synthesis path the orientation aid produced, e.g.
 * {@code ["Adultes", "Cardiologie et pathologies vasculaires", "Insuffisance cardiaque"]}.
 *
 * <p>Structural invariants (checked here): the target belongs to the module; a mention only with SMR, a volet only
 * with PRADO, a category only with ESMS. Completeness (a PRADO orientation needs a volet) is checked by the
 * validator at submission.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Orientation(
    VtModule module,
    TargetKind target,
    SmrMention smrMention,
    PradoVolet pradoVolet,
    Coding esmsCategory,
    List<String> synthesisPath) {

  public Orientation {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(target, "target");
    if (target.module() != module) {
      throw new IllegalArgumentException(
          "Orientation target " + target + " belongs to module " + target.module() + ", not " + module);
    }
    if (smrMention != null && target != TargetKind.SMR) {
      throw new IllegalArgumentException("an SMR mention is only for target SMR, not " + target);
    }
    if (pradoVolet != null && target != TargetKind.PRADO) {
      throw new IllegalArgumentException("a Prado volet is only for target PRADO, not " + target);
    }
    if (esmsCategory != null && target != TargetKind.ESMS) {
      throw new IllegalArgumentException("an ESMS category is only for target ESMS, not " + target);
    }
    synthesisPath = synthesisPath == null ? List.of() : List.copyOf(synthesisPath);
  }

  public static Orientation of(TargetKind target) {
    return new Orientation(target.module(), target, null, null, null, List.of());
  }

  public static Orientation smr(SmrMention mention, List<String> synthesisPath) {
    return new Orientation(VtModule.SANITAIRE, TargetKind.SMR, mention, null, null, synthesisPath);
  }

  public static Orientation prado(PradoVolet volet) {
    return new Orientation(VtModule.PRADO, TargetKind.PRADO, null, volet, null, List.of());
  }

  public static Orientation esms(Coding category) {
    return new Orientation(VtModule.HANDICAP, TargetKind.ESMS, null, null, category, List.of());
  }

  /** The synthesis path as VT prints it: {@code "Adultes > Cardiologie > …"}. */
  public String synthesis() {
    return String.join(" > ", synthesisPath);
  }
}
