package io.vtsdk.rules.orientation;

import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.rules.Source;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One orientation the aid proposes ("Orientations proposées"), with the table row that produced it and that row's
 * source (most rows are assumptions: see the table's resource).
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Proposal(TargetKind target, SmrMention smrMention, int priority, String rowId, String labelFr,
    Source source) {

  /** The orientation to put in the dossier, with the questionnaire's synthesis path. */
  public Orientation toOrientation(List<String> synthesisPath) {
    return new Orientation(target.module(), target, smrMention, null, null, synthesisPath);
  }
}
