package io.vtsdk.model.nos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A minimal RFC 4180 CSV reader (quotes, doubled quotes, commas and newlines inside quotes): how VT's tables are read,
 * the nomenclatures here and the extracts and tables of vt-rules.
 *
 * @since 0.3 (before, internal)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class Csv {
  private Csv() {}

  /** Parses all records of {@code text}. A trailing newline does not make an empty record. */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"':
          quoted = true;
          any = true;
          break;
        case ',':
          row.add(field.toString());
          field.setLength(0);
          any = true;
          break;
        case '\r':
          break;
        case '\n':
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          any = false;
          break;
        default:
          field.append(c);
          any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field in CSV");
    }
    if (any || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** Reads UTF-8 CSV with a header row into one map per record (header → value). */
  public static List<Map<String, String>> readWithHeader(InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<List<String>> rows = parse(text);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>(rows.size() - 1);
    for (List<String> r : rows.subList(1, rows.size())) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), i < r.size() ? r.get(i) : "");
      }
      out.add(m);
    }
    return out;
  }
}
