package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.core.VtCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

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
    r.publicRoute("GET", "/v1/health", c -> out.ok(Map.of("status", "UP", "time", clock.instant().toString())));
    byte[] openApi = openApi();
    r.publicRoute("GET", "/v1/openapi.json", c -> Reply.json(200, openApi));
    new DirectoryRoutes(core, out).register(r);
    new DossierRoutes(core, out).register(r);
    new AttachmentRoutes(core, out).register(r);
    new RequestRoutes(core, out).register(r);
    new EsmsRoutes(core, out).register(r);
    new IndicatorAndEventRoutes(core, out).register(r);
  }

  private static byte[] openApi() {
    try (InputStream in = Api.class.getResourceAsStream("/io/vtsdk/testkit/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("io/vtsdk/testkit/openapi.json is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
