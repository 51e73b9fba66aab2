package io.vtsdk.cli;

/** Small helpers shared by the commands. */
final class Cli {
  private Cli() {}

  /** A CSV cell: empty for null, quoted when it holds a comma or a quote. */
  static String csvCell(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /**
   * A dossier from JSON as a user writes it, read as {@code POST /v1/dossiers} reads it (the same strict reader,
   * {@link io.vtsdk.model.json.StrictJson}: an unknown member, a coerced value, a forbidden character are refused with
   * the same pointer and rule); without an {@code id} (a dossier not created yet) it gets the placeholder id
   * {@code new}, for validation only. Refused with one sentence naming where and why, never a value: an empty text,
   * malformed JSON (line, column), not an object, or a member that is not what the model expects (JSON pointer and
   * rule).
   *
   * @throws IllegalArgumentException with that sentence
   */
  static io.vtsdk.model.dossier.Dossier dossier(String json) {
    if (json.isBlank()) {
      throw new IllegalArgumentException("the file is empty (a dossier JSON object is expected)");
    }
    com.fasterxml.jackson.databind.JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(io.vtsdk.model.json.JsonPaths.rule(e), e);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a dossier: a JSON object is expected, found "
          + (node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
    if (!object.has("id")) {
      object.put("id", "new"); // a dossier not created yet, as the API takes it
    }
    try {
      return STRICT.treeToValue(object, io.vtsdk.model.dossier.Dossier.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      io.vtsdk.model.validation.Violation v = io.vtsdk.model.json.StrictJson.violation(e,
          io.vtsdk.model.dossier.Dossier.class);
      throw new IllegalArgumentException("invalid dossier at " + (v.path().isEmpty() ? "/" : v.path()) + ": "
          + v.message() + " (" + v.code() + ")", e);
    }
  }

  /** Whether the dossier JSON {@link #dossier} was given had no id (it then carries the placeholder {@code new}). */
  static boolean hasNoId(String json) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() && !node.has("id");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  private static final com.fasterxml.jackson.databind.json.JsonMapper JSON = io.vtsdk.model.json.VtJson.newMapper();
  private static final com.fasterxml.jackson.databind.json.JsonMapper STRICT = io.vtsdk.model.json.StrictJson.of(JSON);

  /** What {@code --debug} adds to a refusal: the exception's class, never its message (it may quote a value). */
  static String debug(boolean on, Throwable e) {
    return on && e != null ? " [" + e.getClass().getName()
        + (e.getCause() != null ? " caused by " + e.getCause().getClass().getName() : "") + "]" : "";
  }

  /** Whether {@code --debug} was given (an option of the root command, inherited by every subcommand). */
  static boolean debug(picocli.CommandLine.Model.CommandSpec spec) {
    return spec.root().userObject() instanceof Main m && m.debug;
  }

  /** The language of messages and number formats: {@code --lang fr|en} (any other is refused by picocli). */
  enum Lang {
    fr(java.util.Locale.FRENCH), en(java.util.Locale.ENGLISH);

    final java.util.Locale locale;

    Lang(java.util.Locale locale) {
      this.locale = locale;
    }
  }

  /** {@code --at} and other date options: YYYY-MM-DD, with the format in the refusal. */
  static java.time.LocalDate dateOption(String value) {
    try {
      return java.time.LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new picocli.CommandLine.TypeConversionException("expected a date YYYY-MM-DD (for example 2026-11-23)");
    }
  }

  /**
   * A parse error message without the offending value: Jackson's and HAPI's messages may quote it (a birth date, a
   * NIR). Keeps what comes before the first ": " after the location, e.g. {@code invalid Dossier JSON at /patient}.
   */
  static String withoutValue(String message) {
    if (message == null) {
      return "unreadable";
    }
    int at = message.indexOf(": ");
    return at < 0 ? message : message.substring(0, at);
  }
}
