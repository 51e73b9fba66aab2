package io.vtsdk.testkit;

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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(VtServerExtension.class)
public @interface VtServerTest {}
