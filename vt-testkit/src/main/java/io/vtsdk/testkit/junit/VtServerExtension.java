package io.vtsdk.testkit.junit;

import io.vtsdk.server.ReferenceServer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link VtServerTest}: one server per test class (kept in the class's extension store and
 * closed by JUnit when the class is done), reset before each test, injected as a {@link ReferenceServer} parameter.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class VtServerExtension implements ParameterResolver, BeforeEachCallback {
  private static final Namespace NS = Namespace.create(VtServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == ReferenceServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    if (c.getTestClass().isEmpty()) {
      throw new ParameterResolutionException("a ReferenceServer can only be injected in a test class annotated"
          + " with @VtServerTest");
    }
    return server(c);
  }

  @Override
  public void beforeEach(ExtensionContext c) {
    ReferenceServer server = server(c);
    server.reset();
    String clock = settings(c).clock();
    if (!clock.isEmpty()) {
      server.setClock(java.time.Instant.parse(clock));
    }
  }

  /** The class's {@link VtServerTest} (its defaults when the extension is registered otherwise). */
  private static VtServerTest settings(ExtensionContext c) {
    return c.getTestClass().flatMap(t -> org.junit.platform.commons.support.AnnotationSupport.findAnnotation(t,
        VtServerTest.class)).orElse(Defaults.class.getAnnotation(VtServerTest.class));
  }

  @VtServerTest
  private static final class Defaults {}

  private static ReferenceServer server(ExtensionContext c) {
    ExtensionContext classContext = c.getTestClass().isPresent() && c.getTestMethod().isPresent()
        ? c.getParent().orElse(c) : c;
    return classContext.getStore(NS)
        .getOrComputeIfAbsent("server", k -> {
          VtServerTest t = settings(c);
          if (!t.clock().isEmpty()) {
            try {
              java.time.Instant.parse(t.clock());
            } catch (java.time.format.DateTimeParseException e) {
              throw new ParameterResolutionException("@VtServerTest(clock): not an ISO-8601 instant such as "
                  + "2026-11-23T10:00:00Z");
            }
          }
          ReferenceServer.Builder b = ReferenceServer.builder().seed(t.seed()).demoData(t.demoData())
              .demoDossiers(t.demoData() && t.demoDossiers()).admin(t.admin())
              .disclosureThreshold(t.disclosureThreshold());
          Class<?> test = c.getRequiredTestClass();
          try {
            for (String file : t.directory()) {
              b.directory(file(test, file, "directory"));
            }
            if (!t.counterparts().isEmpty()) {
              b.counterparts(t.counterparts().equals("auto")
                  ? io.vtsdk.server.counterparts.Counterparts.auto()
                  : io.vtsdk.server.counterparts.Counterparts.read(file(test, t.counterparts(), "counterparts")));
            }
            return new Running(b.build().start());
          } catch (io.vtsdk.server.InvalidFileException e) {
            throw new ParameterResolutionException("@VtServerTest: " + e.getMessage());
          }
        }, Running.class)
        .server();
  }

  /** A file given to the annotation: a path, else a class-path resource of the test. */
  private static java.nio.file.Path file(Class<?> test, String name, String attribute) {
    java.nio.file.Path path = java.nio.file.Path.of(name);
    if (java.nio.file.Files.isRegularFile(path)) {
      return path;
    }
    java.net.URL url = test.getResource(name.startsWith("/") ? name : "/" + name);
    if (url != null && "file".equals(url.getProtocol())) {
      try {
        return java.nio.file.Path.of(url.toURI());
      } catch (java.net.URISyntaxException e) {
        // refused below
      }
    }
    throw new ParameterResolutionException("@VtServerTest(" + attribute + "): " + name + " is neither a file nor a "
        + "class-path resource");
  }

  /** Closes the server when JUnit discards the class's store (JUnit closes the AutoCloseable values it holds). */
  record Running(ReferenceServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
