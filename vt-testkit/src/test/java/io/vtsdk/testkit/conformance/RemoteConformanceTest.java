package io.vtsdk.testkit.conformance;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The conformance suite against another implementation, described by {@code vt.conformance.*} system properties
 * (see {@link ConformanceTarget#fromSystemProperties()}); runs only when {@code vt.conformance.baseUrl} is set:
 *
 * <pre>
 * ./mvnw -pl vt-testkit test -Dtest=RemoteConformanceTest -Dvt.conformance.baseUrl=http://127.0.0.1:8080 ...
 * </pre>
 */
@EnabledIfSystemProperty(named = "vt.conformance.baseUrl", matches = ".+")
class RemoteConformanceTest extends VtConformanceSuite {
  @Override
  protected ConformanceTarget target() {
    return ConformanceTarget.fromSystemProperties();
  }
}
