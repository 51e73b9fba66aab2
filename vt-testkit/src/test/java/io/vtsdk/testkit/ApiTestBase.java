package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.workflow.Role;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up of the API tests: the class's server (reset by the extension), a client, the clock, a token. */
@VtServerTest
abstract class ApiTestBase {
  ReferenceServer vt;
  Http http;
  String requester;

  @BeforeEach
  void connect(ReferenceServer server) {
    vt = server;
    http = new Http(server);
    vt.setClock(Fixtures.NOW);
    requester = vt.demoToken(Role.REQUESTER);
  }
}
