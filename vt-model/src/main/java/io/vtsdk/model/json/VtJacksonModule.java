package io.vtsdk.model.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.apiguardian.api.API;

/**
 * The named Jackson module of vt-sdk. Today the model types carry their own annotations; this module is where
 * mix-ins and custom (de)serializers go, so that a mapper configured without {@link VtJson} can still opt in.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class VtJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public VtJacksonModule() {
    super("vt-sdk", new Version(0, 1, 0, null, "io.vtsdk", "vt-model"));
  }
}
