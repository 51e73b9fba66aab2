package io.vtsdk.testkit;

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
    server(c).reset();
  }

  private static ReferenceServer server(ExtensionContext c) {
    ExtensionContext classContext = c.getTestClass().isPresent() && c.getTestMethod().isPresent()
        ? c.getParent().orElse(c) : c;
    return classContext.getStore(NS)
        .getOrComputeIfAbsent("server", k -> new Running(ReferenceServer.builder().admin(true).build().start()),
            Running.class)
        .server();
  }

  /** Closes the server when JUnit discards the class's store. */
  record Running(ReferenceServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.close();
    }
  }
}
