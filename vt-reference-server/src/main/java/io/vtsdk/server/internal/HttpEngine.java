package io.vtsdk.server.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP engine: Jetty 12 (WireMock's engine) behind the JDK's {@code com.sun.net.httpserver} API, through Jetty's
 * own {@code jetty-http-spi}, so that the routes stay engine-neutral. Chosen for hostile networks (docs/security.md,
 * docs/performance.md): Jetty parses requests without holding a thread (a client that sends its headers one byte at a
 * time costs a socket, not a worker), writes time out when the client stops reading, and the connections per client
 * address are capped here. Not API.
 *
 * <p>The JDK engine ({@code -Dio.vtsdk.server.engine=jdk}) stays selectable to measure the two against each other
 * (docs/performance.md); it is not a supported configuration.
 */
public final class HttpEngine {
  /** Idle time after which a connection that neither sends nor reads is closed (a blocked write fails with it). */
  static final long IDLE_TIMEOUT_MILLIS = 30_000;
  /**
   * Minimum rate of a request body once started (bytes/s): a client slower than a 2400-baud modem holds a worker for
   * nothing. Headers are parsed without a thread; an answer nobody reads fails at the idle timeout (an event stream
   * writes little, so no minimum rate applies to answers).
   */
  static final long MIN_DATA_RATE = 300;
  /** The request headers' size limit (twice Jetty's default of 8 KiB: long bearer tokens); beyond, 431. */
  static final int REQUEST_HEADER_BYTES = 16 * 1024;

  private HttpEngine() {}

  /**
   * A server bound to {@code address}, not started, whose workers are at most {@code threads} (requests) plus
   * {@code streams} (the live event streams, each holding its thread), accepting at most {@code perClient} open
   * connections from one client address (beyond, the new connection is closed at once).
   */
  public static HttpServer create(InetSocketAddress address, int threads, int streams, int perClient,
      HttpHandler handler) {
    if ("jdk".equals(System.getProperty("io.vtsdk.server.engine"))) {
      return jdk(address, threads, handler);
    }
    QueuedThreadPool pool = new QueuedThreadPool(threads + streams + 8, Math.min(8, threads), 60_000);
    pool.setName("vt-reference-server");
    pool.setDaemon(true);
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
    http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    // Paths as the routes saw them before (an id with %25 or %2E%2E is an unknown id: 404 after the body is read),
    // not refused by the engine before the body, which can break the client's pipe; %2F stays refused, and Jetty
    // refuses a NUL (%00) in any case: 400 before the body.
    http.setUriCompliance(UriCompliance.DEFAULT.with("vt", UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
        UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    connector.setAcceptQueueSize(128);
    connector.addEventListener(new PerClientLimit(perClient));
    server.addConnector(connector);
    server.setErrorHandler(new ProblemErrors());
    // a request body slower than MIN_DATA_RATE fails (408); an answer nobody reads fails at the idle timeout
    server.setHandler(new MinimumDataRateHandler(new ContextHandlerCollection(), MIN_DATA_RATE, 0));
    JettyHttpServer spi = new JettyHttpServer(server, false, http); // not shared: start() and stop() run the server
    try {
      spi.bind(address, 128); // finds the connector above: records the address, adds none
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spi.createContext("/", handler);
    return spi;
  }

  /**
   * A request header's value as sent, its lines joined with {@code ", "}; null when absent. Jetty's
   * {@code HttpExchange} splits every list header into values and throws on an entity tag such as {@code W/"1"}
   * (jetty-http-spi 12.1), so its headers are read from Jetty's own request.
   */
  static String header(com.sun.net.httpserver.HttpExchange ex, String name) {
    java.util.List<String> values = ex instanceof org.eclipse.jetty.http.spi.JettyExchange jetty
        ? jetty.getRequest().getHeaders().getValuesList(name) : ex.getRequestHeaders().get(name);
    return values == null || values.isEmpty() ? null : values.size() == 1 ? values.get(0) : String.join(", ", values);
  }

  /** Every request header, as sent (for the recorded requests). */
  static com.sun.net.httpserver.Headers requestHeaders(com.sun.net.httpserver.HttpExchange ex) {
    if (!(ex instanceof org.eclipse.jetty.http.spi.JettyExchange jetty)) {
      return ex.getRequestHeaders();
    }
    com.sun.net.httpserver.Headers headers = new com.sun.net.httpserver.Headers();
    jetty.getRequest().getHeaders().forEach(f -> headers.add(f.getName(), f.getValue()));
    return headers;
  }

  /** Closes the exchange's connection without an answer (the injected drop faults). */
  static void drop(com.sun.net.httpserver.HttpExchange ex) {
    if (ex instanceof org.eclipse.jetty.http.spi.JettyExchange jetty) {
      jetty.getRequest().getConnectionMetaData().getConnection().getEndPoint().close();
    } else {
      ex.close(); // the JDK engine drops a connection closed before its answer's headers
    }
  }

  /** Ends the exchange; one whose connection is gone (dropped, or the client left) has nothing left to end. */
  static void close(com.sun.net.httpserver.HttpExchange ex) {
    try {
      ex.close();
    } catch (RuntimeException connectionGone) {
      // Jetty's exchange reports the closed connection (EofException): nothing to send any more
    }
  }

  /**
   * The JDK's own engine, for the engines' benchmark only. jetty-http-spi registers itself as the JVM's
   * {@code HttpServerProvider}, so the JDK's default provider is built by name; the JVM needs
   * {@code --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}.
   */
  private static HttpServer jdk(InetSocketAddress address, int threads, HttpHandler handler) {
    try {
      com.sun.net.httpserver.spi.HttpServerProvider provider = (com.sun.net.httpserver.spi.HttpServerProvider)
          Class.forName("sun.net.httpserver.DefaultHttpServerProvider").getDeclaredConstructor().newInstance();
      HttpServer server = provider.createHttpServer(address, 128);
      AtomicInteger n = new AtomicInteger();
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "vt-reference-server-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      }));
      server.createContext("/", handler);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException | IllegalAccessError e) {
      throw new IllegalStateException("the JDK engine needs --add-exports "
          + "jdk.httpserver/sun.net.httpserver=ALL-UNNAMED (it is for the engines' benchmark only)", e);
    }
  }

  /**
   * Closes a connection as it is accepted when its client address already holds {@code max} open ones (counted from
   * acceptance to close, by channel).
   */
  static final class PerClientLimit implements SelectorManager.AcceptListener, Connection.Listener {
    private final int max;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, InetAddress> counted = new ConcurrentHashMap<>();

    PerClientLimit(int max) {
      this.max = max;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
      InetAddress client = channel instanceof SocketChannel s ? address(remote(s)) : null;
      if (client == null) {
        return;
      }
      if (open.computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet() > max) {
        down(client);
        IO.close(channel); // Jetty's accept then fails quietly for it
        return;
      }
      counted.put(channel, client);
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
      InetAddress client = counted.remove(channel);
      if (client != null) {
        down(client);
      }
    }

    @Override
    public void onClosed(Connection connection) {
      InetAddress client = counted.remove(connection.getEndPoint().getTransport());
      if (client != null) {
        down(client);
      }
    }

    private void down(InetAddress client) {
      open.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private static SocketAddress remote(SocketChannel s) {
      try {
        return s.getRemoteAddress();
      } catch (IOException e) {
        return null;
      }
    }

    private static InetAddress address(SocketAddress remote) {
      return remote instanceof InetSocketAddress a ? a.getAddress() : null;
    }
  }

  /**
   * The answers the engine gives itself, before any route (an ambiguous encoded path such as {@code %2E%2E} or
   * {@code %2F}: 400; headers over {@link #REQUEST_HEADER_BYTES}: 431; a body slower than {@link #MIN_DATA_RATE}:
   * 408), as problem+json like every other refusal — a status and a fixed text, never the request's content.
   */
  static final class ProblemErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
        org.eclipse.jetty.util.Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 400;
      String title = switch (status) {
        case 408 -> "the request was sent too slowly";
        case 413 -> "the request is too large";
        case 414 -> "the request's URI is too long";
        case 431 -> "the request's headers are too large";
        default -> status >= 500 ? "the server could not answer" : "the request is not valid HTTP for this server "
            + "(an ambiguous encoded path such as %2E%2E or %2F, or a malformed request line or header)";
      };
      String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
      boolean fhir = path != null && path.startsWith("/fhir/");
      String body = fhir // FHIR's error form under /fhir (RESTful API §3.1.0.4), problem+json elsewhere
          ? "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
              + (status == 408 ? "timeout" : status >= 500 ? "exception" : "invalid") + "\",\"diagnostics\":\""
              + title + "\"}]}"
          : "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}";
      response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE,
          fhir ? "application/fhir+json" : "application/problem+json");
      // the engine closes a connection after a request it could not read: say so, or a client reuses it and fails
      response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONNECTION, "close");
      response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          callback);
      return true;
    }
  }
}
