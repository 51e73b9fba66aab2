package io.vtsdk.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.vtsdk.server.ReferenceServer;
import java.lang.management.ManagementFactory;

/**
 * Child process of {@link ServerLoadHarness}: starts one server in a fresh JVM and prints the milliseconds from JVM
 * start to "ready to serve", then stops it.
 */
public final class StartProbe {
  private StartProbe() {}

  public static void main(String[] args) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.nanoTime();
    if ("wiremock".equals(args[0])) {
      WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort()
          .bindAddress("127.0.0.1"));
      wm.start();
      print(jvmStart, t0);
      wm.stop();
    } else {
      ReferenceServer vt = ReferenceServer.builder().build().start();
      print(jvmStart, t0);
      vt.close();
    }
  }

  private static void print(long jvmStart, long t0) {
    long inProcess = (System.nanoTime() - t0) / 1_000_000;
    long sinceJvm = System.currentTimeMillis() - jvmStart;
    System.out.println(inProcess + " " + sinceJvm);
  }
}
