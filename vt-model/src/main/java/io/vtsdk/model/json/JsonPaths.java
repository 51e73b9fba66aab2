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
}
