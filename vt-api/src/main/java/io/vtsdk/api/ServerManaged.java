package io.vtsdk.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Members the server manages: written in answers, never taken from a request body (a client may send them back as
 * read; they are ignored). The OpenAPI document marks them {@code readOnly}.
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class ServerManaged {
  private ServerManaged() {}

  /** Of a dossier: identity, lifecycle, history and attachments (attachments are uploaded, not written). */
  public static final List<String> DOSSIER =
      List.of("id", "number", "status", "version", "createdAt", "updatedAt", "history", "attachments");
}
