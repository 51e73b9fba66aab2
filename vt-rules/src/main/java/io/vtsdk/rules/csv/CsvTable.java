package io.vtsdk.rules.csv;

import io.vtsdk.model.nos.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A CSV file read one record at a time, with a header naming its columns (in any order): what the extract readers and
 * the facts binder stand on. Memory holds one line. Every refusal is an {@link ExtractException} naming the file,
 * line and column and the rule, never the value.
 *
 * <p>Format: RFC 4180 on each line (quotes, doubled quotes, commas in quotes), one record per line, UTF-8; blank lines
 * are skipped; an empty cell is a missing value. A set-valued cell separates its elements with {@value #SET_SEPARATOR}
 * ({@code AVC|BPCO}).
 *
 * <pre>{@code
 * try (CsvTable t = CsvTable.open(path, List.of("finessGeographique", "volet", "closedOn"))) {
 *   for (CsvTable.Row r; (r = t.next()) != null; ) {
 *     LocalDate closed = r.date("closedOn");          // null when empty: an open record
 *   }
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class CsvTable implements AutoCloseable {
  /** The separator of a set-valued cell's elements. */
  public static final String SET_SEPARATOR = "|";

  private final Path file;
  private final BufferedReader in;
  private final List<String> header;
  private long line = 1;

  private CsvTable(Path file, BufferedReader in, List<String> header) {
    this.file = file;
    this.in = in;
    this.header = header;
  }

  /**
   * Opens {@code file} and reads its header.
   *
   * @param required the columns the caller needs (refused, naming the first missing one, when absent)
   * @throws ExtractException the file is missing, unreadable or empty, its header unreadable, a column missing or
   *     named twice
   */
  public static CsvTable open(Path file, List<String> required) {
    BufferedReader in;
    try {
      in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ExtractException(file, 0, 0, null, "no such file");
    } catch (IOException e) {
      throw new ExtractException(file, 0, 0, null, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return open(in, file, required);
  }

  /**
   * Reads a CSV text from {@code in} (a request's body…), named {@code name} in refusals; closed with the table.
   *
   * @throws ExtractException as {@link #open(Path, List)}
   */
  public static CsvTable open(BufferedReader in, Path name, List<String> required) {
    Path file = name;
    try {
      String first = in.readLine();
      if (first == null) {
        throw new ExtractException(file, 0, 0, null, "the file is empty (a header is expected)");
      }
      List<String> header;
      try {
        List<List<String>> rows = Csv.parse(first.startsWith("\uFEFF") ? first.substring(1) : first);
        header = rows.isEmpty() ? List.of() : rows.get(0).stream().map(String::trim).toList();
      } catch (IllegalArgumentException e) {
        throw new ExtractException(file, 1, 0, null, "the header is not a CSV line");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < header.size(); i++) {
        if (!seen.add(header.get(i))) {
          throw new ExtractException(file, 1, i + 1, header.get(i), "named twice in the header");
        }
      }
      for (String r : required) {
        if (!header.contains(r)) {
          throw new ExtractException(file, 1, 0, null, "missing column '" + r + "' (needed: "
              + String.join(",", required) + ")");
        }
      }
      return new CsvTable(file, in, header);
    } catch (java.nio.charset.CharacterCodingException e) {
      close(in);
      throw new ExtractException(file, 1, 0, null, "not UTF-8 text");
    } catch (IOException e) {
      close(in);
      throw new ExtractException(file, 1, 0, null, "cannot be read (" + e.getClass().getSimpleName() + ")");
    } catch (RuntimeException e) {
      close(in);
      throw e;
    }
  }

  private static void close(BufferedReader in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  public Path file() {
    return file;
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The next record, or null at the end of the file. */
  public Row next() {
    try {
      for (String text; (text = in.readLine()) != null; ) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        List<String> cells;
        try {
          List<List<String>> rows = Csv.parse(text);
          cells = rows.isEmpty() ? List.of() : rows.get(0);
        } catch (IllegalArgumentException e) {
          throw new ExtractException(file, line, 0, null, "not a CSV line (an unclosed quote?)");
        }
        if (cells.size() != header.size()) {
          throw new ExtractException(file, line, 0, null, cells.size() + " cells, the header has " + header.size());
        }
        return new Row(line, cells);
      }
      return null;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ExtractException(file, line + 1, 0, null, "not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ":" + line + ": cannot be read", e);
    }
  }

  @Override
  public void close() {
    close(in);
  }

  /** One record: its line number and cells, read by column name with their types. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public final class Row {
    private final long line;
    private final List<String> cells;

    Row(long line, List<String> cells) {
      this.line = line;
      this.cells = cells;
    }

    public long line() {
      return line;
    }

    private int index(String column) {
      int i = header.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + column + " in " + file);
      }
      return i;
    }

    /** A refusal of {@code column}'s cell on this line. */
    public ExtractException refuse(String column, String rule) {
      return new ExtractException(file, line, index(column) + 1, column, rule);
    }

    /** Whether the file has {@code column}. */
    public boolean has(String column) {
      return header.contains(column);
    }

    /** The cell, trimmed; null when empty (a missing value) or when the file has no such column. */
    public String text(String column) {
      if (!has(column)) {
        return null;
      }
      String v = cells.get(index(column)).trim();
      return v.isEmpty() ? null : v;
    }

    /** The cell, required. */
    public String required(String column) {
      String v = text(column);
      if (v == null) {
        throw refuse(column, "a value is required");
      }
      return v;
    }

    /** A date YYYY-MM-DD, or null when empty. */
    public LocalDate date(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw refuse(column, "expected a date YYYY-MM-DD (for example 2026-11-23)");
      }
    }

    /** {@code true} or {@code false} (any case), or null when empty. */
    public Boolean bool(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw refuse(column, "expected true or false");
      }
      return Boolean.valueOf(v);
    }

    /** An integer within [min, max], or null when empty; {@code why} says where the bounds come from. */
    public Integer integer(String column, int min, int max, String why) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      int n;
      try {
        n = Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw refuse(column, "expected an integer");
      }
      if (n < min || n > max) {
        throw refuse(column, "expected " + min + " to " + max + (why == null ? "" : " (" + why + ")"));
      }
      return n;
    }

    /** An enum constant by name (any case), or null when empty. */
    public <E extends Enum<E>> E constant(String column, Class<E> type) {
      String v = text(column);
      return v == null ? null : constant(column, v, type);
    }

    private <E extends Enum<E>> E constant(String column, String v, Class<E> type) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(v)) {
          return e;
        }
      }
      throw refuse(column, "expected one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", ")));
    }

    /**
     * A set: the cell's elements separated by {@value #SET_SEPARATOR}, each read by {@code element} (which throws
     * IllegalArgumentException for a bad one); empty set for an empty cell.
     */
    public <E> Set<E> set(String column, Function<String, E> element, String expected) {
      String v = text(column);
      if (v == null) {
        return Collections.emptySet();
      }
      Set<E> out = new LinkedHashSet<>();
      for (String part : v.split(java.util.regex.Pattern.quote(SET_SEPARATOR), -1)) {
        if (part.isBlank()) {
          throw refuse(column, "an empty element in a set (elements are separated by " + SET_SEPARATOR + ")");
        }
        try {
          out.add(Objects.requireNonNull(element.apply(part.trim())));
        } catch (RuntimeException e) {
          throw refuse(column, "each element must be " + expected + " (elements are separated by " + SET_SEPARATOR
              + ")");
        }
      }
      return Collections.unmodifiableSet(out);
    }

    /** A set of enum constants. */
    public <E extends Enum<E>> Set<E> constants(String column, Class<E> type) {
      return set(column, v -> constant(column, v, type), "one of " + Arrays.stream(type.getEnumConstants())
          .map(Enum::name).collect(Collectors.joining(", ")));
    }
  }
}
