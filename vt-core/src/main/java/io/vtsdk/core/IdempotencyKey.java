package io.vtsdk.core;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A caller's key for one write, and what identifies the request it was sent with: the same key with the same
 * {@code requestHash} replays the first write's result instead of writing again; the same key with another hash is
 * refused ({@code idempotency-key-reused}). Keys are scoped by the caller (role, unit, actor) and the operation.
 *
 * <pre>{@code
 * IdempotencyKey key = IdempotencyKey.of(header, sha256(body));   // what an HTTP adapter does
 * Written<Dossier> d = vt.dossiers().create(principal, draft, WriteOptions.of(locale).idempotencyKey(key));
 * }</pre>
 *
 * @param value the key, 1 to 255 characters (an {@code Idempotency-Key} header)
 * @param requestHash what identifies the request (an HTTP adapter: the SHA-256 of the body); compared in constant time
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record IdempotencyKey(String value, byte[] requestHash) {
  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(requestHash, "requestHash");
    if (value.isBlank() || value.length() > 255) {
      throw new VtCoreException(VtCoreException.Kind.BAD_INPUT, "bad-request",
          "Idempotency-Key must be 1 to 255 characters");
    }
    requestHash = requestHash.clone();
  }

  public static IdempotencyKey of(String value, byte[] requestHash) {
    return new IdempotencyKey(value, requestHash);
  }

  @Override
  public byte[] requestHash() {
    return requestHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdempotencyKey k && value.equals(k.value) && Arrays.equals(requestHash, k.requestHash);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + Arrays.hashCode(requestHash);
  }

  /** The key's length and the hash's first bytes: a key may be chosen by a person. */
  @Override
  public String toString() {
    return "IdempotencyKey[" + value.length() + " chars, hash " + HexFormat.of().formatHex(requestHash, 0,
        Math.min(4, requestHash.length)) + "…]";
  }
}
