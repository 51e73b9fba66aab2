package io.vtsdk.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A self-contained HTML report: one file, no script, no external resource (the charts are SVG images inside it, the
 * style is inline), readable offline and safe to mail. Each section has a heading, a chart and the table of its
 * figures.
 *
 * <pre>{@code
 * HtmlReport.builder("Observatoire — TUV", Locale.FRENCH)
 *     .note("Extraits : vt.csv, omv.csv")
 *     .section("TUV par mois", IndicatorCharts.tuv(rows, Locale.FRENCH), table)
 *     .build()
 *     .write(Path.of("tuv.html"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class HtmlReport {
  /** A table: its header and rows of cells (text, escaped when written). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Table(List<String> header, List<List<String>> rows) {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  private record Section(String heading, Chart chart, Table table) {}

  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
      + "h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}img{max-width:100%;height:auto;border:1px solid #ddd}"
      + "table{border-collapse:collapse;margin-top:1rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.2rem .5rem;"
      + "text-align:right}th:first-child,td:first-child{text-align:left}p.note{color:#555}";

  private final String html;

  private HtmlReport(String html) {
    this.html = html;
  }

  public static Builder builder(String title, Locale locale) {
    return new Builder(title, locale);
  }

  /** The document. */
  public String html() {
    return html;
  }

  /** Writes the document (UTF-8). */
  public void write(Path file) {
    try {
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be written (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Builds an {@link HtmlReport}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Builder {
    private final String title;
    private final Locale locale;
    private final List<String> notes = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    private Builder(String title, Locale locale) {
      this.title = Objects.requireNonNull(title, "title");
      this.locale = locale == null ? Locale.FRENCH : locale;
    }

    /** A line of text under the title (sources, filters, what was left out). */
    public Builder note(String text) {
      notes.add(Objects.requireNonNull(text, "text"));
      return this;
    }

    /** A section: a heading, a chart (or null) and a table (or null). */
    public Builder section(String heading, Chart chart, Table table) {
      sections.add(new Section(Objects.requireNonNull(heading, "heading"), chart, table));
      return this;
    }

    public HtmlReport build() {
      StringBuilder h = new StringBuilder(4096);
      h.append("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage().equals("en") ? "en" : "fr")
          .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          // no script, no fetch: the only images are the data: URIs below
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
              + "style-src 'unsafe-inline'\">\n")
          .append("<title>").append(escape(title)).append("</title>\n<style>").append(STYLE)
          .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
      notes.forEach(n -> h.append("<p class=\"note\">").append(escape(n)).append("</p>\n"));
      for (Section s : sections) {
        h.append("<section>\n<h2>").append(escape(s.heading())).append("</h2>\n");
        if (s.chart() != null) {
          h.append("<img alt=\"").append(escape(s.chart().title())).append("\" src=\"data:image/svg+xml;base64,")
              .append(Base64.getEncoder().encodeToString(s.chart().svg())).append("\">\n");
        }
        if (s.table() != null) {
          h.append("<table>\n<thead><tr>");
          s.table().header().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
          h.append("</tr></thead>\n<tbody>\n");
          for (List<String> row : s.table().rows()) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
            h.append("</tr>\n");
          }
          h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");
      }
      h.append("</body>\n</html>\n");
      return new HtmlReport(h.toString());
    }
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
