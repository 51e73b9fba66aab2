package io.vtsdk.client;

import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The directory of structures and units.
 *
 * <p>Every method blocks until the answer and throws a {@link VtException} on failure.
 * Each has a variant taking {@link RequestOptions}. Generated with its async twin by tools/gen-client-services.py.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Directory {
  private final Pipeline p;
  private final Endpoints e;

  Directory(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Units matching the query. */
  public List<Unit> search(UnitQuery query) {
    return search(query, RequestOptions.none());
  }

  /** As {@link #search(UnitQuery)}, with per-call options. */
  public List<Unit> search(UnitQuery query, RequestOptions o) {
    return p.execute(e.searchUnits(query, o));
  }

  /** One unit. */
  public Unit get(UnitId id) {
    return get(id, RequestOptions.none());
  }

  /** As {@link #get(UnitId)}, with per-call options. */
  public Unit get(UnitId id, RequestOptions o) {
    return p.execute(e.getUnit(id, o));
  }

}
