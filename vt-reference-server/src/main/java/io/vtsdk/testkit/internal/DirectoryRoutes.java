package io.vtsdk.testkit.internal;

import io.vtsdk.api.Page;
import static io.vtsdk.testkit.internal.V1Replies.enumParam;

import io.vtsdk.core.VtCore;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.TargetKind;

/** The directory: {@code /v1/units}. Not API. */
final class DirectoryRoutes {
  private final VtCore core;
  private final V1Replies out;

  DirectoryRoutes(VtCore core, V1Replies out) {
    this.core = core;
    this.out = out;
  }

  void register(Router r) {
    r.route("GET", "/v1/units", this::searchUnits);
    r.route("GET", "/v1/units/{id}", c -> out.ok(core.unit(UnitId.of(c.path("id")))));
  }

  private Reply searchUnits(Call c) {
    return out.ok(Page.of(core.searchUnits(new VtCore.UnitQuery(enumParam(c, "module", VtModule.class),
        enumParam(c, "target", TargetKind.class), enumParam(c, "pradoVolet", PradoVolet.class),
        c.query("departement"), c.query("finess"), c.query("category")))));
  }
}
