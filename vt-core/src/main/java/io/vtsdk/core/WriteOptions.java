package io.vtsdk.core;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a caller asks of a write besides its arguments: the language of the refusal messages and, optionally, an
 * {@link IdempotencyKey}. Immutable; {@link #of(Locale)} then {@link #idempotencyKey(IdempotencyKey)}.
 *
 * <pre>{@code
 * WriteOptions o = WriteOptions.of(Locale.ENGLISH).idempotencyKey(IdempotencyKey.of("k-1", hash));
 * }</pre>
 *
 * @param locale the messages' language (French by default in VT)
 * @param idempotencyKey null: the write is not idempotent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record WriteOptions(Locale locale, IdempotencyKey idempotencyKey) {
  /** French messages, no idempotency key. */
  public static final WriteOptions DEFAULT = new WriteOptions(Locale.FRENCH, null);

  public WriteOptions {
    Objects.requireNonNull(locale, "locale");
  }

  public static WriteOptions of(Locale locale) {
    return new WriteOptions(locale, null);
  }

  /** The same options with {@code key} (null: none). */
  public WriteOptions idempotencyKey(IdempotencyKey key) {
    return new WriteOptions(locale, key);
  }
}
