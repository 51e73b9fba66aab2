package io.vtsdk.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.HandicapIndicators.Indicator;
import io.vtsdk.rules.indicators.HandicapRecord;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import io.vtsdk.rules.indicators.Tuv;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Opens the charts the library writes and checks what a reader would look for: the series, the labels, the title. */
class ChartsTest {
  @TempDir Path dir;

  static List<Tuv.Row> tuvRows() {
    List<PradoVtRecord> vt = new ArrayList<>();
    List<OmvAdhesionRecord> omv = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      LocalDate d = LocalDate.of(2026, m, 10);
      for (int i = 0; i < m; i++) {
        vt.add(new PradoVtRecord("D" + m + i, "690000013", "ARA", PradoVolet.AVC, true, d));
      }
      for (int i = 0; i < 10; i++) {
        omv.add(new OmvAdhesionRecord("690000013", "ARA", PradoVolet.AVC, d));
        omv.add(new OmvAdhesionRecord("750000018", "IDF", PradoVolet.BPCO, d));
      }
    }
    return Tuv.compute(vt, omv, Tuv.Grouping.REGION, Tuv.Period.MONTH);
  }

  /** The texts of an SVG document's {@code <text>} elements. */
  static Set<String> svgTexts(byte[] svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    // in the SVG namespace: what a browser draws (an element outside it is not drawn)
    NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    Set<String> out = new HashSet<>();
    for (int i = 0; i < texts.getLength(); i++) {
      out.add(texts.item(i).getTextContent().trim());
    }
    return out;
  }

  @Test
  void theTuvSvgHasItsSeriesPeriodsAndTitle() throws Exception {
    Chart c = IndicatorCharts.tuv(tuvRows(), Locale.FRENCH);
    assertThat(c.series().keySet()).containsExactly("ARA", "IDF");
    assertThat(c.series().get("ARA")).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
    assertThat(c.series().get("IDF")).containsOnly(0.0);
    Path file = dir.resolve("tuv.svg");
    c.write(file);
    Set<String> texts = svgTexts(Files.readAllBytes(file));
    assertThat(texts).contains("ARA", "IDF", "2026-01", "2026-06", "Période", "TUV (%)")
        .anyMatch(t -> t.startsWith("TUV (dossiers Prado"));
  }

  @Test
  void aRateOverNothingIsAGapNotAZero() throws Exception {
    List<Tuv.Row> rows = new ArrayList<>(tuvRows());
    rows.add(new Tuv.Row("BRETAGNE", "2026-01", new io.vtsdk.rules.indicators.Ratio(0, 0)));
    Chart c = IndicatorCharts.tuv(rows, Locale.ENGLISH);
    assertThat(c.series().get("BRETAGNE")).containsExactly(null, null, null, null, null, null);
    assertThat(svgTexts(c.svg())).contains("BRETAGNE", "Period");
  }

  @Test
  void thePngIsAnImageWithTheSeriesColours() throws Exception {
    Path file = dir.resolve("tuv.PNG");
    IndicatorCharts.tuv(tuvRows(), Locale.FRENCH).write(file);
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo(900);
    assertThat(img.getHeight()).isEqualTo(500);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < img.getWidth(); x += 3) {
      for (int y = 0; y < img.getHeight(); y += 3) {
        colours.add(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    assertThat(colours.size()).as("a drawn chart, not a blank image").isGreaterThan(10);
  }

  @Test
  void handicapBarsPerGroupWithPeopleAndNotifications() throws Exception {
    LocalDate d = LocalDate.of(2026, 1, 10);
    List<HandicapRecord> lines = List.of(
        new HandicapRecord("P1", "69", "ARA", null, d, "690000013", "183", "69", "ARA", "42", d, null, null),
        new HandicapRecord("P1", "69", "ARA", null, d, "690000013", "255", "69", "ARA", "71", d, null, null),
        new HandicapRecord("P2", "01", "ARA", null, d, "690000013", "183", "69", "ARA", "47", d, null,
            d.plusDays(12)));
    List<HandicapIndicators.Row> rows = HandicapIndicators.compute(lines);
    Chart waiting = IndicatorCharts.handicap(rows, Indicator.WAITING_LIST_BY_CATEGORY, Locale.FRENCH);
    assertThat(waiting.categories()).containsExactly("183", "255");
    assertThat(waiting.series()).containsOnlyKeys("Personnes", "Notifications");
    assertThat(svgTexts(waiting.svg())).contains("183", "255", "Personnes", "Notifications",
        Indicator.WAITING_LIST_BY_CATEGORY.label(Locale.FRENCH));
    Chart delay = IndicatorCharts.handicap(rows, Indicator.DELAY_BY_CATEGORY, Locale.ENGLISH);
    assertThat(delay.series().get("Median")).containsExactly(12.0);
    assertThat(svgTexts(delay.svg())).contains("Median", "90th percentile", "Days");
    assertThatThrownBy(() -> IndicatorCharts.handicap(rows, Indicator.WITHOUT_SOLUTION, Locale.FRENCH))
        .hasMessageContaining("single total");
  }

  @Test
  void theLargestGroupsOnlyAndTheTitleSaysSo() {
    List<Tuv.Row> rows = new ArrayList<>();
    for (int g = 0; g < 20; g++) {
      rows.add(new Tuv.Row("G" + g, "2026-01", new io.vtsdk.rules.indicators.Ratio(g, 100 + g)));
    }
    Chart c = IndicatorCharts.tuv(rows, Locale.ENGLISH);
    assertThat(c.series()).hasSize(IndicatorCharts.MAX_GROUPS).containsKey("G19").doesNotContainKey("G0");
    assertThat(c.title()).endsWith("the 12 largest of 20 groups");
  }

  @Test
  void onlySvgAndPngFiles() {
    Chart c = IndicatorCharts.tuv(tuvRows(), Locale.FRENCH);
    assertThatThrownBy(() -> c.write(dir.resolve("tuv.pdf"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".svg or .png");
    assertThatThrownBy(() -> Chart.line("t", "x", "y").categories(List.of("a")).series("s", List.of(1.0, 2.0)))
        .hasMessageContaining("2 values for 1 categories");
  }

  @Test
  void theReportIsOneFileWithItsChartsAndEscapedTables() throws Exception {
    Chart c = IndicatorCharts.tuv(tuvRows(), Locale.FRENCH);
    HtmlReport r = HtmlReport.builder("Observatoire <TUV>", Locale.FRENCH).note("Extraits : vt.csv & omv.csv")
        .section("TUV par région", c, new HtmlReport.Table(List.of("groupe", "tuv"),
            List.of(List.of("ARA", "10,0%"), List.of("<script>", "–"))))
        .build();
    Path file = dir.resolve("report.html");
    r.write(file);
    String html = Files.readString(file);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Observatoire &lt;TUV&gt;</title>",
        "vt.csv &amp; omv.csv", "<td>&lt;script&gt;</td>").doesNotContain("<script").doesNotContain("http://",
        "https://");
    Matcher m = Pattern.compile("src=\"data:image/svg\\+xml;base64,([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    assertThat(svgTexts(Base64.getDecoder().decode(m.group(1)))).contains("ARA", "2026-03");
    assertThat(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8)).contains("<svg");
  }
}
