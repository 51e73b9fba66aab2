package io.vtsdk.server.internal;

import io.vtsdk.api.Page;
import static io.vtsdk.server.internal.V1Replies.enumParam;

import io.vtsdk.core.DirectoryService;
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
    r.route("GET", "/v1/units/{id}", c -> out.ok(core.directory().unit(UnitId.of(c.path("id")))));
  }

  private Reply searchUnits(Call c) {
    return out.ok(Page.of(core.directory().search(new DirectoryService.UnitSearch(V1Replies.moduleParam(c),
        V1Replies.codeParam(c, "target", TargetKind::valueOf, "TargetKind"), enumParam(c, "pradoVolet", PradoVolet.class),
        c.query("departement"), c.query("finess"), c.query("category")))));
  }
}
