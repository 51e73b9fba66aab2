package io.vtsdk.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Per-call options: timeout, idempotency key, correlation id, extra headers and language. Every field is optional;
 * {@link #none()} means the client's defaults. Blank values are rejected when set.
 *
 * <pre>{@code
 * client.dossiers().create(draft, RequestOptions.builder()
 *     .idempotencyKey("ehr-order-4711")          // the same key on every retry, also across restarts
 *     .timeout(Duration.ofSeconds(5))
 *     .build());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RequestOptions(Duration timeout, String idempotencyKey, String correlationId,
    Map<String, String> headers, Locale language) {

  private static final RequestOptions NONE = new RequestOptions(null, null, null, Map.of(), null);
  /** Headers the client owns; setting them per call would break its guarantees. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("authorization", "idempotency-key",
      "x-correlation-id", "if-match", "user-agent", "accept-language", "content-type", "content-length");

  public RequestOptions {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    idempotencyKey = checked("idempotencyKey", idempotencyKey, 255);
    correlationId = checked("correlationId", correlationId, 128);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      checked("header name", h.getKey(), 256);
      checked("header " + h.getKey(), h.getValue(), 8192);
      if (RESERVED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header " + h.getKey() + " is set by the client; use the matching "
            + "option or builder setting instead");
      }
    }
  }

  private static String checked(String name, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(name + " must be at most " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(name + " must be printable ASCII (HTTP header)");
      }
    }
    return value;
  }

  /** No per-call option: the client's defaults. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.idempotencyKey = idempotencyKey;
    b.correlationId = correlationId;
    b.headers.putAll(headers);
    b.language = language;
    return b;
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration timeout;
    private String idempotencyKey;
    private String correlationId;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Locale language;

    private Builder() {}

    /** Total time for the call, retries included. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The key of a POST; the client generates one per call when absent and keeps it across retries. */
    public Builder idempotencyKey(String key) {
      this.idempotencyKey = Objects.requireNonNull(key, "idempotencyKey");
      return this;
    }

    /** Sent as {@code X-Correlation-Id}; generated when absent. */
    public Builder correlationId(String id) {
      this.correlationId = Objects.requireNonNull(id, "correlationId");
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** {@code Accept-Language} of error messages: French (the default) or English. */
    public Builder language(Locale language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(timeout, idempotencyKey, correlationId, headers, language);
    }
  }
}
