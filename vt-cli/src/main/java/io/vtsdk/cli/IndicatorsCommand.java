package io.vtsdk.cli;

import io.vtsdk.charts.Chart;
import io.vtsdk.charts.HtmlReport;
import io.vtsdk.charts.IndicatorCharts;
import io.vtsdk.rules.csv.ExtractException;
import io.vtsdk.rules.indicators.DelayStats;
import io.vtsdk.rules.indicators.Extracts;
import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.HandicapIndicators.Indicator;
import io.vtsdk.rules.indicators.Tuv;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vt indicators}: the observatory's indicators from CSV extracts, read with vt-rules' {@link Extracts} record
 * by record (flat memory), printed as CSV, drawn with vt-charts.
 */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Indicators computed with vt-rules from CSV extracts, as CSV, a chart or an HTML report.",
    subcommands = {IndicatorsCommand.TuvCommand.class, IndicatorsCommand.HandicapCommand.class})
final class IndicatorsCommand extends ParentCommand {

  /** The options every indicator has: language, chart, report. */
  static final class Output {
    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr",
        description = "Rates as fr (31,0%%) or en (31.0%%), charts and report in that language; default "
            + "${DEFAULT-VALUE}.")
    Cli.Lang lang;

    @Option(names = "--chart", paramLabel = "FILE.svg|FILE.png",
        description = "Also draw the indicator in this file (its extension chooses the format).")
    Path chart;

    @Option(names = "--report", paramLabel = "FILE.html",
        description = "Also write a self-contained HTML report (charts and tables, no script, no link).")
    Path report;

    /** Refuses a chart file whose extension is not a format, before any work. */
    String check() {
      if (chart != null) {
        try {
          Chart.format(chart);
        } catch (IllegalArgumentException e) {
          return "--chart: " + e.getMessage();
        }
      }
      if (report != null && !report.toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
        return "--report: the report is an .html file";
      }
      return null;
    }
  }

  /** Reads the extracts, prints the CSV, writes the chart and report; maps refusals to exit code 2. */
  abstract static class IndicatorCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    abstract Output output();

    abstract String name();

    /** Reads and prints; the chart and the report are written by {@link #draw}. */
    abstract void run(PrintWriter out, PrintWriter err);

    abstract void draw(Locale locale);

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String refused = output().check();
      if (refused != null) {
        err.println("vt indicators " + name() + ": " + refused);
        return 2;
      }
      try {
        run(out, err);
        out.flush();
        draw(output().lang.locale);
      } catch (ExtractException e) {
        err.println("vt indicators " + name() + ": " + e.getMessage());
        return 2;
      } catch (UncheckedIOException e) {
        err.println("vt indicators " + name() + ": " + e.getMessage());
        return 2;
      }
      err.flush();
      return 0;
    }
  }

  @Command(
      name = "tuv",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      header = "The Prado TUV (taux d'utilisation de VT) from a VT and an OMV extract.",
      description = {"Prado dossiers in VT with adhesion and closed, over OMV adhesions (maternity excluded), per "
          + "period and group, one decimal half up (seed 003). Every group gets every period of the run. Prints CSV: "
          + "group,period,numerator,denominator,tuv; on stderr, how many records were open (not counted) or outside "
          + "the chosen CPAMs.",
          "Exit code: 0 done, 2 an extract or an option cannot be used (the file, line and column are named)."},
      footer = {"", "Extracts (CSV with a header, any column order, extra columns ignored):",
          "  --vt   " + Extracts.PRADO_VT_HEADER + "[,cpam]",
          "  --omv  " + Extracts.OMV_HEADER + "[,cpam]",
          "  an empty closedOn is an open record: read, not counted",
          "", "Examples:", "  vt indicators tuv --vt vt.csv --omv omv.csv",
          "  vt indicators tuv --vt vt.csv --omv omv.csv --by quarter --group establishment-volet --cpam 691,692",
          "  vt indicators tuv --vt vt.csv --omv omv.csv --by rolling3 --group region --chart tuv.svg "
              + "--report tuv.html"})
  static final class TuvCommand extends IndicatorCommand {
    @Option(names = "--vt", required = true, paramLabel = "FILE", description = "VT extract (CSV).")
    Path vt;

    @Option(names = "--omv", required = true, paramLabel = "FILE", description = "OMV extract (CSV).")
    Path omv;

    @Option(names = "--by", paramLabel = "month|rolling3|quarter|year", defaultValue = "month",
        converter = PeriodConverter.class, description = "Periods (default ${DEFAULT-VALUE}).")
    Tuv.Period by;

    @Option(names = "--group", paramLabel = "all|establishment|volet|establishment-volet|region",
        defaultValue = "all", converter = GroupingConverter.class,
        description = "Groups (default ${DEFAULT-VALUE}).")
    Tuv.Grouping group;

    @Option(names = "--cpam", paramLabel = "CODE", split = ",",
        description = "Only the records of these CPAMs (the extracts' cpam column; a record without it is left out).")
    Set<String> cpams;

    @picocli.CommandLine.Mixin Output output;

    private List<Tuv.Row> rows = List.of();

    @Override
    Output output() {
      return output;
    }

    @Override
    String name() {
      return "tuv";
    }

    @Override
    void run(PrintWriter out, PrintWriter err) {
      Tuv.Counter counter = new Tuv.Counter(group, cpams == null ? null : new LinkedHashSet<>(cpams));
      long read = Extracts.readPradoVt(vt, counter::add) + Extracts.readOmv(omv, counter::add);
      rows = counter.rows(by);
      out.println("group,period,numerator,denominator,tuv");
      for (Tuv.Row row : rows) {
        out.println(Cli.csvCell(row.group()) + "," + row.period() + "," + row.tuv().numerator() + ","
            + row.tuv().denominator() + "," + Cli.csvCell(percent(row)));
      }
      err.printf(Locale.ROOT, "%d records read; %d open (not counted)%s%n", read, counter.openRecords(),
          cpams == null ? "" : "; " + counter.outsideCpams() + " outside the chosen CPAMs");
    }

    private String percent(Tuv.Row row) {
      return output.lang == Cli.Lang.en ? row.tuv().formatEn() : row.tuv().formatFr();
    }

    @Override
    void draw(Locale locale) {
      if (output.chart == null && output.report == null) {
        return;
      }
      Chart chart = IndicatorCharts.tuv(rows, locale);
      if (output.chart != null) {
        chart.write(output.chart);
      }
      if (output.report != null) {
        boolean en = locale.getLanguage().equals("en");
        List<List<String>> table = new ArrayList<>();
        rows.forEach(r -> table.add(List.of(r.group(), r.period(), String.valueOf(r.tuv().numerator()),
            String.valueOf(r.tuv().denominator()), percent(r))));
        HtmlReport.builder(en ? "Observatory — Prado TUV" : "Observatoire — TUV Prado", locale)
            .note((en ? "Extracts: " : "Extraits : ") + vt.getFileName() + ", " + omv.getFileName())
            .note((en ? "Periods: " : "Périodes : ") + by.code() + (en ? "; groups: " : " ; groupes : ")
                + group.code() + (cpams == null ? "" : (en ? "; CPAM: " : " ; CPAM : ")
                + String.join(", ", cpams)))
            .section(chart.title(), chart, new HtmlReport.Table(List.of(en ? "group" : "groupe",
                en ? "period" : "période", en ? "numerator" : "numérateur", en ? "denominator" : "dénominateur",
                "TUV"), table))
            .build().write(output.report);
      }
    }
  }

  /** {@code --group}: a grouping by its code ({@code establishment-volet}), any case. */
  static final class GroupingConverter implements ITypeConverter<Tuv.Grouping> {
    @Override
    public Tuv.Grouping convert(String value) {
      try {
        return Tuv.Grouping.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --by}: a period by its code ({@code rolling3}), any case. */
  static final class PeriodConverter implements ITypeConverter<Tuv.Period> {
    @Override
    public Tuv.Period convert(String value) {
      try {
        return Tuv.Period.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Command(
      name = "handicap",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      header = "The Handicap indicators (CNSA decision support) from a people/notifications extract.",
      description = {"People on waiting lists (by the person's département, the ESMS's category, both), people "
          + "with no solution, accommodated outside their département or region, admission delays (by département, "
          + "category, child/adult), impossible admissions by motif: counted by person where the text says people "
          + "(docs/indicators.md). Prints CSV: indicator,group,people,notifications,median_days,p90_days.",
          "The extract is read in one pass when sorted by personId (flat memory); otherwise it is read into memory.",
          "Exit code: 0 done, 2 the extract or an option cannot be used (the file, line and column are named)."},
      footer = {"", "Extract (CSV with a header, one line per notification, the person's columns repeated):",
          "  " + Extracts.HANDICAP_HEADER,
          "", "Examples:", "  vt indicators handicap --extract notifications.csv",
          "  vt indicators handicap --extract notifications.csv --chart waiting.svg "
              + "--indicator waiting-list/departement",
          "  vt indicators handicap --extract notifications.csv --report handicap.html --lang en"})
  static final class HandicapCommand extends IndicatorCommand {
    @Option(names = "--extract", required = true, paramLabel = "FILE", description = "People/notifications extract.")
    Path extract;

    @Option(names = "--indicator", paramLabel = "CODE", defaultValue = "waiting-list/departement",
        converter = IndicatorConverter.class,
        description = "The indicator --chart draws (default ${DEFAULT-VALUE}).")
    Indicator indicator;

    @picocli.CommandLine.Mixin Output output;

    private List<HandicapIndicators.Row> rows = List.of();

    @Override
    Output output() {
      return output;
    }

    @Override
    String name() {
      return "handicap";
    }

    @Override
    void run(PrintWriter out, PrintWriter err) {
      HandicapIndicators.Counter counter = new HandicapIndicators.Counter();
      try {
        Extracts.readHandicap(extract, counter::add);
        rows = counter.rows();
      } catch (HandicapIndicators.NotSortedException e) {
        err.println("vt indicators handicap: the extract is not sorted by personId: read into memory");
        rows = HandicapIndicators.compute(Extracts.handicap(extract));
      }
      out.println("indicator,group,people,notifications,median_days,p90_days");
      for (HandicapIndicators.Row r : rows) {
        DelayStats d = r.delay();
        out.println(r.indicator().code() + "," + Cli.csvCell(r.group()) + "," + count(r.people()) + ","
            + count(r.notifications()) + "," + (d == null || d.median() == null ? "" : d.median().toDays()) + ","
            + (d == null || d.p90() == null ? "" : d.p90().toDays()));
      }
    }

    private static String count(long n) {
      return n < 0 ? "" : String.valueOf(n);
    }

    @Override
    void draw(Locale locale) {
      if (output.chart != null) {
        IndicatorCharts.handicap(rows, indicator, locale).write(output.chart);
      }
      if (output.report == null) {
        return;
      }
      boolean en = locale.getLanguage().equals("en");
      HtmlReport.Builder report = HtmlReport.builder(en ? "Observatory — Handicap" : "Observatoire — Handicap",
          locale).note((en ? "Extract: " : "Extrait : ") + extract.getFileName());
      for (Indicator i : Indicator.values()) {
        List<HandicapIndicators.Row> mine = rows.stream().filter(r -> r.indicator() == i).toList();
        boolean total = mine.stream().allMatch(r -> r.group().equals("Total"));
        List<List<String>> table = mine.stream().map(r -> List.of(r.group(), count(r.people()),
            count(r.notifications()), r.delay() == null || r.delay().median() == null ? ""
                : String.valueOf(r.delay().median().toDays()), r.delay() == null || r.delay().p90() == null ? ""
                : String.valueOf(r.delay().p90().toDays()))).toList();
        report.section(i.label(locale), total || mine.isEmpty() ? null : IndicatorCharts.handicap(rows, i, locale),
            new HtmlReport.Table(List.of(en ? "group" : "groupe", en ? "people" : "personnes", "notifications",
                en ? "median (days)" : "médiane (jours)", en ? "90th percentile (days)" : "90e centile (jours)"),
                table));
      }
      report.build().write(output.report);
    }
  }

  /** {@code --indicator}: a Handicap indicator by its code. */
  static final class IndicatorConverter implements ITypeConverter<Indicator> {
    @Override
    public Indicator convert(String value) {
      try {
        return Indicator.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected an indicator code such as waiting-list/departement (vt "
            + "indicators handicap prints them in its first column)");
      }
    }
  }
}
