package io.vtsdk.core.spi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result a write gave to one idempotency key (per caller and operation), kept so that a retry with the same key
 * and request gets the same result instead of a second write. The core writes and reads it in the transaction of the
 * write itself; a store only keeps it.
 *
 * @param scope the caller, the operation and the key
 * @param requestHash what identifies the request (for an HTTP call, the SHA-256 of its body)
 * @param result the core's result, as the JSON of its own type (never an HTTP reply)
 * @param at when it was recorded (real time), for retention
 * @since 0.2; {@code result} replaced the HTTP status, headers and body in 0.3
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record IdempotencyRecord(String scope, byte[] requestHash, byte[] result, Instant at) {
  public IdempotencyRecord {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(at, "at");
    requestHash = requestHash.clone();
    result = result.clone();
  }

  @Override
  public byte[] requestHash() {
    return requestHash.clone();
  }

  @Override
  public byte[] result() {
    return result.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdempotencyRecord r && scope.equals(r.scope) && Arrays.equals(requestHash, r.requestHash)
        && Arrays.equals(result, r.result) && at.equals(r.at);
  }

  @Override
  public int hashCode() {
    return scope.hashCode() * 31 + Arrays.hashCode(requestHash);
  }

  /** The sizes only: the result may hold personal data, the scope a key a person chose. */
  @Override
  public String toString() {
    return "IdempotencyRecord[" + scope.length() + "-char scope, " + result.length + "-byte result]";
  }
}
