package io.vtsdk.server.internal;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.api.Health;
import io.vtsdk.core.VtCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code /v1} routes: each resource's handlers (one small class each) read the HTTP call, ask {@link VtCore} and
 * write the answer. No rule lives here — who may do what is the core's {@link io.vtsdk.core.AccessPolicy}, what is
 * valid is the core's. Not API.
 */
public final class Api {
  private final VtCore core;
  private final JsonMapper json;
  private final Clock clock;

  public Api(VtCore core, JsonMapper json, Clock clock) {
    this.core = core;
    this.json = json;
    this.clock = clock;
  }

  /** Registers every {@code /v1} route: health and the contract here, each resource in its own class. */
  public void register(Router r) {
    V1Replies out = new V1Replies(json);
    r.publicRoute("GET", "/v1/health", c -> out.ok(new Health("UP", clock.instant())));
    r.publicRoute("GET", "/v1/openapi.json", c -> Reply.json(200, openApi(c.header("Host"))));
    new DirectoryRoutes(core, out).register(r);
    new DossierRoutes(core, out).register(r);
    new AttachmentRoutes(core, out).register(r);
    new RequestRoutes(core, out).register(r);
    new EsmsRoutes(core, out).register(r);
    new IndicatorAndEventRoutes(core, out).register(r);
    new ObservatoryRoutes(core, out).register(r);
  }

  /** The contract of vt-api, its {@code servers} being this server as the caller reached it. */
  private byte[] openApi(String host) {
    String base = host != null && HOST.matcher(host).matches() ? "http://" + host : "";
    return openApiByBase.computeIfAbsent(base, b -> {
      if (openApiByBase.size() > 16) {
        openApiByBase.clear(); // a few names reach one server (localhost, 127.0.0.1, a container name)
      }
      ObjectNode doc = contract().deepCopy();
      ArrayNode servers = doc.putArray("servers");
      servers.addObject().put("url", b.isEmpty() ? "/" : b).put("description", "this server");
      try {
        return json.writeValueAsBytes(doc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A Host header we may echo in a URL: a name or an address, and a port. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

  private final Map<String, byte[]> openApiByBase = new ConcurrentHashMap<>();
  private ObjectNode contract;

  private synchronized ObjectNode contract() {
    if (contract == null) {
      try (InputStream in = Api.class.getResourceAsStream(CONTRACT)) {
        if (in == null) {
          throw new IllegalStateException(CONTRACT + " is missing: vt-api builds it (mvn install -pl vt-api)");
        }
        contract = (ObjectNode) json.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return contract;
  }

  /** Where vt-api puts the OpenAPI document it generates at build time. */
  public static final String CONTRACT = "/io/vtsdk/api/openapi.json";
}
