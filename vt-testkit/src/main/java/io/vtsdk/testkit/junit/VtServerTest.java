package io.vtsdk.testkit.junit;

import io.vtsdk.server.ReferenceServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one {@link ReferenceServer} started on a free loopback port, reset before each test.
 * Declare a {@code ReferenceServer} parameter on a test, lifecycle method or constructor to get it.
 *
 * <pre>{@code
 * @VtServerTest
 * class MyIntegrationTest {
 *   @Test
 *   void sendsAPradoDossier(ReferenceServer vt) { ... vt.url("/v1/dossiers") ... }
 * }
 * }</pre>
 *
 * <p>Its attributes set the server up: {@code @VtServerTest(seed = 7, demoDossiers = true, clock =
 * "2026-11-23T10:00:00Z")}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(VtServerExtension.class)
public @interface VtServerTest {
  /** Seed of the synthetic demo directory (as {@code vt serve --seed}). */
  long seed() default 42;

  /** Load the demo directory (false: an empty directory, as {@code --no-demo}). */
  boolean demoData() default true;

  /** Load the demo dossiers DEMO-1…5 at each reset. */
  boolean demoDossiers() default false;

  /**
   * The smallest count of people the observatory publishes in a row (default 11, the public rule:
   * {@code io.vtsdk.rules.indicators.Disclosure}); 1 shows every row of a test's few dossiers.
   */
  int disclosureThreshold() default 11;

  /** Serve the control API over HTTP ({@code /__admin}, with {@link ReferenceServer#adminToken()}). */
  boolean admin() default true;

  /** Freeze the server clock at this ISO-8601 instant at each reset ({@code 2026-11-23T10:00:00Z}); empty: real time. */
  String clock() default "";

  /**
   * The units the server plays ({@code vt serve --counterparts}): {@code auto} for the documented default world, or a
   * JSON/YAML file, a path or a class-path resource ({@code counterparts = "my-world.yaml"}). Empty: none. @since 0.4
   */
  String counterparts() default "";

  /**
   * Directory files to add to the server's directory ({@code vt serve --directory}): ROR-shaped FHIR Bundles or CSVs,
   * paths or class-path resources. @since 0.4
   */
  String[] directory() default {};
}
