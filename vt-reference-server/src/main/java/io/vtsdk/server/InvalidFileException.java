package io.vtsdk.server;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file the server was given (a directory to import, a counterparts configuration) was refused: nothing of it was
 * loaded. The message names the file, where in it (a line and column, or a JSON pointer) and the rule broken — never
 * the value found there, which may be personal data.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class InvalidFileException extends RuntimeException {
  private final String file;
  private final String location;
  private final String rule;

  /**
   * @param file the file's name as given (or {@code body} for a request body)
   * @param location a JSON pointer ({@code /counterparts/0/after}) or {@code line 3, column unitId}
   * @param rule what the file must be, in words
   */
  public InvalidFileException(String file, String location, String rule) {
    super(file + ": " + location + ": " + rule);
    this.file = Objects.requireNonNull(file, "file");
    this.location = Objects.requireNonNull(location, "location");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  public String file() {
    return file;
  }

  /** A JSON pointer, or a line and column. */
  public String location() {
    return location;
  }

  public String rule() {
    return rule;
  }
}
