package io.vtsdk.server.internal;

import io.vtsdk.api.Page;
import static io.vtsdk.server.internal.V1Replies.enumParam;
import static io.vtsdk.server.internal.V1Replies.intParam;

import io.vtsdk.core.VtCore;
import io.vtsdk.model.VtModule;

/** Indicators (the caller's scope) and the change feed. Not API. */
final class IndicatorAndEventRoutes {
  private final VtCore core;
  private final V1Replies out;

  IndicatorAndEventRoutes(VtCore core, V1Replies out) {
    this.core = core;
    this.out = out;
  }

  void register(Router r) {
    r.route("GET", "/v1/indicators/requests",
        c -> out.ok(core.observatory().requestFigures(c.principal(), V1Replies.moduleParam(c))));
    r.route("GET", "/v1/indicators/waiting-lists",
        c -> out.ok(Page.of(core.observatory().waitingLists(c.principal()))));
    r.route("GET", "/v1/events", c -> out.page(core.events().page(c.principal(), c.query("after"),
        intParam(c, "limit", 100, 1, 1000))));
    r.route("GET", "/v1/events/stream", c -> {
      String from = c.header("Last-Event-ID") != null ? c.header("Last-Event-ID") : c.query("after");
      if (from != null) {
        core.events().page(c.principal(), from, 1); // an unreadable cursor is a 400 now, before the stream starts
      }
      return Reply.stream("text/event-stream; charset=utf-8", new EventStream(core.events(), c.principal(),
          from != null ? from : core.events().end(c.principal()), out.json(), r.streamMillis()));
    });
  }

}
