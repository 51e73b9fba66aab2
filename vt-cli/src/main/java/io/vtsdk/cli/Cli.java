package io.vtsdk.cli;

/** Small helpers shared by the commands. */
final class Cli {
  private Cli() {}

  /**
   * A parse error message without the offending value: Jackson's and HAPI's messages may quote it (a birth date, a
   * NIR). Keeps what comes before the first ": " after the location, e.g. {@code invalid Dossier JSON at /patient}.
   */
  /** The cells of one CSV line (quotes protect commas, {@code ""} is a quote), read by vt-model's CSV reader. */
  static java.util.List<String> cells(String line) {
    java.util.List<java.util.List<String>> rows = io.vtsdk.model.internal.Csv.parse(line);
    return rows.isEmpty() ? java.util.List.of() : rows.get(0);
  }

  /** A CSV cell: empty for null, quoted when it holds a comma or a quote. */
  static String csvCell(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  static String withoutValue(String message) {
    if (message == null) {
      return "unreadable";
    }
    int at = message.indexOf(": ");
    return at < 0 ? message : message.substring(0, at);
  }
}
