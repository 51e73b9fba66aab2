package io.vtsdk.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One rule's evaluation in a decision's trace: which rule (id and version), whether it counts for eligibility or is
 * informative, its outcome and reason, the inputs it read (model path → value, missing inputs absent), the missing
 * paths for UNKNOWN, and for composite rules the children's entries. Serialises with {@code VtJson}.
 */
@API(status = API.Status.STABLE, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TraceEntry(
    String ruleId,
    String version,
    Rule.Kind kind,
    Outcome outcome,
    String reasonFr,
    String reasonEn,
    Map<String, Object> inputs,
    List<String> missing,
    List<TraceEntry> children) {

  /** The reason in the language of {@code locale} (English when its language is "en", French otherwise). */
  public String reason(java.util.Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? reasonEn : reasonFr;
  }
}
