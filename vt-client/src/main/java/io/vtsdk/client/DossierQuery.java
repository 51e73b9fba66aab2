package io.vtsdk.client;

import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.DossierStatus;
import org.apiguardian.api.API;

/** Filters of {@code dossiers().list}: the caller's own dossiers, by module and status; page size 1–500. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DossierQuery(VtModule module, DossierStatus status, Integer pageSize) {
  public DossierQuery {
    if (pageSize != null && (pageSize < 1 || pageSize > 500)) {
      throw new IllegalArgumentException("pageSize must be between 1 and 500, was " + pageSize);
    }
  }

  public static DossierQuery all() {
    return new DossierQuery(null, null, null);
  }

  public DossierQuery module(VtModule m) {
    return new DossierQuery(m, status, pageSize);
  }

  public DossierQuery status(DossierStatus s) {
    return new DossierQuery(module, s, pageSize);
  }

  public DossierQuery pageSize(int n) {
    return new DossierQuery(module, status, n);
  }
}
