package io.vtsdk.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.apiguardian.api.API;

/** Turns a Jackson error's location into a JSON Pointer (RFC 6901), for precise error reports. */
@API(status = API.Status.STABLE, since = "0.1")
public final class JsonPaths {
  private JsonPaths() {}

  /** The JSON Pointer of the element where {@code e} happened; {@code ""} for the root or when unknown. */
  public static String pointer(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
      sb.append('/');
      if (r.getFieldName() != null) {
        sb.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (r.getIndex() >= 0) {
        sb.append(r.getIndex());
      }
    }
    return sb.toString();
  }

  /**
   * What rule the input broke, in words that never contain the input: a JSON syntax error, a value of the wrong JSON
   * type, a value that is not of the expected format, a missing required value, an unknown property. Jackson's own
   * messages quote the rejected text ({@code from String "1984-13-45"}), so they must not reach a caller or a log.
   */
  public static String rule(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
      return "unknown property";
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
      return "not a valid " + typeName(f.getTargetType());
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v) {
      Throwable cause = v.getCause();
      // the value types' null checks name the property (Objects.requireNonNull(module, "module")): a name, not a value
      if (cause instanceof NullPointerException && cause.getMessage() != null
          && cause.getMessage().matches("[A-Za-z][A-Za-z0-9]{0,40}")) {
        return "a required value is missing: " + cause.getMessage();
      }
      return cause instanceof NullPointerException ? "a required value is missing"
          : "not a valid " + typeName(v.getType() == null ? null : v.getType().getRawClass());
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
      return m.getTargetType() == null ? "wrong JSON type" : "wrong JSON type for " + typeName(m.getTargetType());
    }
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      return "too large or too deeply nested";
    }
    if (e instanceof com.fasterxml.jackson.core.JsonParseException || e.getCause() == null
        && !(e instanceof JsonMappingException)) {
      return "malformed JSON" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root instanceof NullPointerException ? "a required value is missing" : "not a valid value";
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      return type.getSimpleName() + " (one of its codes)";
    }
    return type.getSimpleName();
  }
}
