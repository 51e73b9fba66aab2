package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.internal.JsonHttp;

/** The tests' JSON client, bound to a reference server. */
final class Http extends JsonHttp {
  Http(ReferenceServer server) {
    super(server.baseUrl(), server.adminToken());
  }
}
