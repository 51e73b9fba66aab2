package io.vtsdk.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.vtsdk.model.validation.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An error answer, {@code application/problem+json} (RFC 9457): its type URI ({@code https://vtsdk.io/problems/<code>}),
 * title in the caller's language, status, detail, the path it answers, the correlation id to quote, and for 422 the
 * violations (JSON pointer and rule code, never the value). Members the server adds for one problem type (such as
 * {@code currentVersion} on a 412) are in {@link #extensions()}.
 */
@API(status = API.Status.STABLE, since = "0.2")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
    List<Violation> violations, @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {

  /** The prefix of every problem type URI; the rest is the code. */
  public static final String TYPE_PREFIX = "https://vtsdk.io/problems/";

  public Problem {
    violations = violations == null ? List.of() : List.copyOf(violations);
    extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** The code at the end of the type URI ({@code not-found}), or null for a type of another server. */
  public String code() {
    return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : null;
  }
}
