package io.vtsdk.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.dossier.Orientation;
import io.vtsdk.model.dossier.TargetKind;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What eligibility is asked for: a target kind, refined by the Prado volet for PRADO ({@code PRADO/AVC}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Target(TargetKind kind, PradoVolet volet) {
  public Target {
    Objects.requireNonNull(kind, "kind");
    if ((kind == TargetKind.PRADO) != (volet != null)) {
      throw new IllegalArgumentException("a PRADO target needs a volet, and only PRADO takes one (got " + kind
          + ", " + volet + ")");
    }
  }

  public static Target of(TargetKind kind) {
    return new Target(kind, null);
  }

  public static Target prado(PradoVolet volet) {
    return new Target(TargetKind.PRADO, volet);
  }

  /** The target of a dossier's orientation. */
  public static Target of(Orientation o) {
    return new Target(o.target(), o.target() == TargetKind.PRADO ? o.pradoVolet() : null);
  }

  /** Parses {@code EHPAD} or {@code PRADO/AVC}. */
  public static Target parse(String text) {
    String[] parts = text.trim().toUpperCase(java.util.Locale.ROOT).split("/");
    TargetKind k;
    PradoVolet v;
    try {
      k = TargetKind.valueOf(parts[0]);
      v = parts.length > 1 ? PradoVolet.valueOf(parts[1]) : null;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown target '" + text + "': expected a target kind such as EHPAD, "
          + "SMR, PCO_0_6, or PRADO/<volet> such as PRADO/AVC", e);
    }
    return new Target(k, v);
  }

  @JsonValue
  @Override
  public String toString() {
    return volet == null ? kind.name() : kind.name() + "/" + volet.name();
  }
}
