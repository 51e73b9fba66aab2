package io.vtsdk.core.spi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The answer a write gave to one {@code Idempotency-Key} (per caller and route), kept so that a retry with the same key
 * and body gets the same answer instead of a second write. {@code requestHash} is the SHA-256 of the body;
 * {@code at} is when it was recorded (real time), for retention.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record IdempotencyRecord(String scope, byte[] requestHash, int status, Map<String, String> headers,
    byte[] body, Instant at) {
  public IdempotencyRecord {
    requestHash = requestHash.clone();
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] requestHash() {
    return requestHash.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdempotencyRecord r && scope.equals(r.scope) && Arrays.equals(requestHash, r.requestHash)
        && status == r.status && headers.equals(r.headers) && Arrays.equals(body, r.body) && at.equals(r.at);
  }

  @Override
  public int hashCode() {
    return scope.hashCode() * 31 + Arrays.hashCode(requestHash);
  }

  /** The scope and status only: the body may hold personal data. */
  @Override
  public String toString() {
    return "IdempotencyRecord[" + scope.length() + "-char scope, status " + status + "]";
  }
}
