package io.vtsdk.cli;

/** Small helpers shared by the commands. */
final class Cli {
  private Cli() {}

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
