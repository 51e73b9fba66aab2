package io.vtsdk.core;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of a write: its value and whether it is the replay of an earlier write with the same
 * {@link IdempotencyKey} (then nothing was written again, and the value is the one the first write returned).
 *
 * @param value what the write returned
 * @param replayed true when answered from the stored result of an earlier write
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Written<T>(T value, boolean replayed) {
  public Written {
    Objects.requireNonNull(value, "value");
  }

  /** A write done now. */
  public static <T> Written<T> of(T value) {
    return new Written<>(value, false);
  }
}
