package io.vtsdk.core.spi;

import org.apiguardian.api.API;

/**
 * A store could not do what it was asked: its database is unreachable, full or failing ({@link Kind#UNAVAILABLE}: a
 * server answers 503 and the write was not made), or it refused a write for a constraint ({@link Kind#CONFLICT}: 409).
 * The message names the cause, never a stored value.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    UNAVAILABLE,
    CONFLICT,
    /** A stored record no longer matches its checksum: it is refused, never served (the store is not repaired). */
    DAMAGED
  }

  private final Kind kind;

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
