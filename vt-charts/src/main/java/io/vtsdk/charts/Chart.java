package io.vtsdk.charts;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A chart of an indicator: a title, categories along the x axis (periods, départements…), and named series of values
 * (null where a value is not defined, such as a rate over nothing). Immutable; drawn by JFreeChart when asked for
 * {@link #svg()} or {@link #png()} — nothing is drawn by hand.
 *
 * <pre>{@code
 * Chart c = Chart.line("TUV par mois", "Mois", "TUV (%)")
 *     .categories(List.of("2026-01", "2026-02"))
 *     .series("Total", List.of(31.0, 33.5))
 *     .build();
 * c.write(Path.of("tuv.svg"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Chart {
  /** How the series are drawn. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public enum Kind {
    /** One line per series (a trend over periods). */
    LINE,
    /** Bars side by side per category. */
    BAR
  }

  /** The file formats {@link #write} knows, by extension. */
  public static final List<String> FORMATS = List.of("svg", "png");

  static {
    // JFreeChart draws rotated texts (the y axis's title, slanted periods) as glyph outlines by default, to work around
    // a JDK 1.3 bug (4312117) long fixed: drawn as strings they stay <text> in the SVG, searchable and readable by a
    // screen reader. A process-wide JFreeChart setting; it changes how, not what, rotated texts are drawn.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;

  private final Kind kind;
  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final List<String> categories;
  private final Map<String, List<Double>> series;

  private Chart(Builder b) {
    this.kind = b.kind;
    this.title = b.title;
    this.xTitle = b.xTitle;
    this.yTitle = b.yTitle;
    this.categories = List.copyOf(b.categories);
    Map<String, List<Double>> s = new LinkedHashMap<>();
    b.series.forEach((name, values) -> s.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    this.series = Collections.unmodifiableMap(s);
  }

  /** A line chart. */
  public static Builder line(String title, String xTitle, String yTitle) {
    return new Builder(Kind.LINE, title, xTitle, yTitle);
  }

  /** A bar chart. */
  public static Builder bar(String title, String xTitle, String yTitle) {
    return new Builder(Kind.BAR, title, xTitle, yTitle);
  }

  public Kind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public List<String> categories() {
    return categories;
  }

  /** The series by name, in the order they were added. */
  public Map<String, List<Double>> series() {
    return series;
  }

  /** The chart as an SVG document (UTF-8), texts as {@code <text>} elements. */
  public byte[] svg() {
    return encode("svg");
  }

  /** The chart as a PNG image. */
  public byte[] png() {
    return encode("png");
  }

  /**
   * Writes the chart to {@code file} in the format its extension names ({@code .svg} or {@code .png}, any case).
   *
   * @throws IllegalArgumentException another extension
   * @throws UncheckedIOException the file cannot be written
   */
  public void write(Path file) {
    byte[] bytes = encode(format(file));
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be written (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The format {@code file}'s extension names, refused unless in {@link #FORMATS}. */
  public static String format(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (!FORMATS.contains(ext)) {
      throw new IllegalArgumentException("a chart is written as .svg or .png (the file's extension chooses)");
    }
    return ext;
  }

  private byte[] encode(String format) {
    JFreeChart c = draw();
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      if (format.equals("png")) {
        ChartUtils.writeChartAsPNG(out, c, WIDTH, HEIGHT);
      } else {
        VectorGraphics2D g = new VectorGraphics2D(); // keeps texts as texts (<text>): searchable, accessible
        c.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        ByteArrayOutputStream svg = new ByteArrayOutputStream(32 * 1024);
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT)).writeTo(svg);
        // VectorGraphics2D 0.13 writes its groups as <g xmlns=""> with some XML serializers (Saxon's, on a server's
        // class path): out of the SVG namespace, so a browser draws nothing inside them. They belong to the
        // document's (SVG) namespace: the empty declaration goes. It names no family for Java's default font: a
        // browser would pick a serif one; sans-serif, as in the PNG, is inherited from the root.
        out.write(svg.toString(StandardCharsets.UTF_8).replace(" xmlns=\"\"", "")
            .replaceFirst("<svg ", "<svg style=\"font-family:sans-serif\" ").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the chart cannot be encoded as " + format, e);
    }
    return out.toByteArray();
  }

  /** The JFreeChart chart. Headless: nothing opens a window. */
  private JFreeChart draw() {
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    series.forEach((name, values) -> {
      for (int i = 0; i < categories.size(); i++) {
        data.addValue(values.get(i), name, categories.get(i));
      }
    });
    JFreeChart c = kind == Kind.LINE ? ChartFactory.createLineChart(title, xTitle, yTitle, data)
        : ChartFactory.createBarChart(title, xTitle, yTitle, data);
    c.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = c.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    if (categories.size() > 8) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
      line.setDefaultShapesVisible(true); // a lone value between gaps still shows
    }
    if (plot.getRenderer() instanceof BarRenderer bar) {
      bar.setBarPainter(new StandardBarPainter()); // flat bars, no gradient
      bar.setShadowVisible(false);
    }
    return c;
  }

  /** Builds a {@link Chart}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Builder {
    private final Kind kind;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private List<String> categories = List.of();
    private final Map<String, List<Double>> series = new LinkedHashMap<>();

    private Builder(Kind kind, String title, String xTitle, String yTitle) {
      this.kind = kind;
      this.title = Objects.requireNonNull(title, "title");
      this.xTitle = Objects.requireNonNull(xTitle, "xTitle");
      this.yTitle = Objects.requireNonNull(yTitle, "yTitle");
    }

    /** The x axis's categories, in order. */
    public Builder categories(List<String> categories) {
      this.categories = List.copyOf(categories);
      return this;
    }

    /**
     * A series: one value per category (null where undefined).
     *
     * @throws IllegalArgumentException not one value per category, or a name given twice
     */
    public Builder series(String name, List<Double> values) {
      Objects.requireNonNull(name, "name");
      if (values.size() != categories.size()) {
        throw new IllegalArgumentException("series " + name + " has " + values.size() + " values for "
            + categories.size() + " categories");
      }
      if (series.containsKey(name)) {
        throw new IllegalArgumentException("series " + name + " given twice");
      }
      series.put(name, new ArrayList<>(values));
      return this;
    }

    public Chart build() {
      return new Chart(this);
    }
  }
}
