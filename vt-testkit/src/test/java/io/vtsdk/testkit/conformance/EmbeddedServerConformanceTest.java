package io.vtsdk.testkit.conformance;

import io.vtsdk.server.ReferenceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance suite against the embedded reference server, through HTTP only (the default target). */
class EmbeddedServerConformanceTest extends VtConformanceSuite {
  private static ReferenceServer server;

  @BeforeAll
  static void start() {
    server = ReferenceServer.builder().build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected ConformanceTarget target() {
    return ConformanceTarget.of(server);
  }
}
