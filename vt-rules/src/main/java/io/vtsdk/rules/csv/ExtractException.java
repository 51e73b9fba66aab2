package io.vtsdk.rules.csv;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A CSV extract that cannot be used: the file, the line and the column (1-based, 0 when the whole line or file is
 * meant) and the rule broken. The message never contains a cell's value (an extract holds personal data).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ExtractException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final int column;
  private final String columnName;
  private final String rule;

  public ExtractException(Path file, long line, int column, String columnName, String rule) {
    super(file + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + ": "
        + (columnName == null ? "" : "column " + columnName + ": ") + rule);
    this.file = file;
    this.line = line;
    this.column = column;
    this.columnName = columnName;
    this.rule = rule;
  }

  public Path file() {
    return file;
  }

  /** The line (1 is the header), 0 for the file as a whole. */
  public long line() {
    return line;
  }

  /** The column (1-based), 0 for the line as a whole. */
  public int column() {
    return column;
  }

  /** The column's name in the header, or null when the whole line or file is meant. */
  public String columnName() {
    return columnName;
  }

  /** What the cell, line or file breaks. */
  public String rule() {
    return rule;
  }
}
