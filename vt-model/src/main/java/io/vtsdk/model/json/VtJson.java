package io.vtsdk.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apiguardian.api.API;

/**
 * The one Jackson configuration of vt-sdk: ISO-8601 dates, camelCase English property names as the records declare
 * them, unknown properties tolerated on read (servers add fields), nulls and empty collections omitted on write,
 * absent primitive values read as their default (a version 0, a consent not granted).
 *
 * <pre>{@code
 * JsonMapper json = VtJson.newMapper();          // create once, share: thread-safe once built
 * String text = json.writeValueAsString(dossier);
 * Dossier back = json.readValue(text, Dossier.class);
 * }</pre>
 *
 * <p>Every setting is explicit so that a Jackson upgrade changing a default does not change our wire format.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class VtJson {
  private VtJson() {}

  /** The mapper of {@link #toJson} and {@link #fromJson}, built on first use (a server that has its own skips it). */
  private static final class Shared {
    static final JsonMapper MAPPER = newMapper();
  }

  /** A new, fully configured mapper. Build one per application (or per client) and reuse it. */
  public static JsonMapper newMapper() {
    return newBuilder().build();
  }

  /** The builder behind {@link #newMapper()}, for callers who add their own modules. */
  public static JsonMapper.Builder newBuilder() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new VtJacksonModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // absent primitives take their default (version 0, granted false): tolerant of partial input, never unsafe
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
        .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));
  }

  /** Serializes with the shared configuration (convenience for tools and tests). */
  public static String toJson(Object value) {
    try {
      return Shared.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Reads with the shared configuration (convenience for tools and tests).
   *
   * @throws IllegalArgumentException naming the JSON path when the text does not fit {@code type}; the message never
   *     includes the input
   */
  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return Shared.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid " + type.getSimpleName() + " JSON at " + JsonPaths.pointer(e) + ": " + JsonPaths.rule(e));
    }
  }
}
