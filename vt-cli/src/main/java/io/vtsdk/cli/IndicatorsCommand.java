package io.vtsdk.cli;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import io.vtsdk.rules.indicators.Tuv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vt indicators tuv}: the Prado TUV (taux d'utilisation de VT) from a VT extract and an OMV extract. */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Indicators computed with vt-rules from CSV extracts.",
    subcommands = {IndicatorsCommand.TuvCommand.class})
final class IndicatorsCommand extends ParentCommand {

  @Command(
      name = "tuv",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      header = "The Prado TUV (taux d'utilisation de VT) from a VT and an OMV extract.",
      description = {"Prado dossiers in VT with adhesion and closed, over OMV adhesions (maternity excluded), per "
          + "period and group, one decimal half up. Prints CSV: group,period,numerator,denominator,tuv.",
          "Exit code: 0 done, 2 an extract or an option cannot be used (the file, line and column are named)."},
      footer = {"", "Extracts (CSV with a header, any column order):",
          "  --vt   dossierId,finessGeographique,region,volet,adhesion,closedOn",
          "  --omv  finessGeographique,region,volet,closedOn",
          "", "Examples:", "  vt indicators tuv --vt vt.csv --omv omv.csv",
          "  vt indicators tuv --vt vt.csv --omv omv.csv --by rolling3 --group region"})
  static final class TuvCommand implements Callable<Integer> {
    @Option(names = "--vt", required = true, paramLabel = "FILE", description = "VT extract (CSV).")
    Path vt;

    @Option(names = "--omv", required = true, paramLabel = "FILE", description = "OMV extract (CSV).")
    Path omv;

    /** The periods of {@code --by}. */
    enum By {
      month(Tuv.Period.MONTH), rolling3(Tuv.Period.ROLLING_3), year(Tuv.Period.YEAR);

      final Tuv.Period period;

      By(Tuv.Period period) {
        this.period = period;
      }
    }

    /** The groups of {@code --group}. */
    enum Group { all, establishment, volet, region }

    @Option(names = "--by", paramLabel = "month|rolling3|year", defaultValue = "month",
        description = "Periods: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    By by;

    @Option(names = "--group", paramLabel = "all|establishment|volet|region", defaultValue = "all",
        description = "Groups: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Group group;

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr",
        description = "Number format of the tuv column: fr (31,0%%) or en (31.0%%); default ${DEFAULT-VALUE}.")
    Cli.Lang lang;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Tuv.Period period = by.period;
      Tuv.Grouping grouping = Tuv.Grouping.valueOf(group.name().toUpperCase(Locale.ROOT));
      List<PradoVtRecord> vtRecords;
      List<OmvAdhesionRecord> omvRecords;
      try {
        vtRecords = read(vt, List.of("dossierId", "finessGeographique", "region", "volet", "adhesion", "closedOn"),
            c -> new PradoVtRecord(c.get("dossierId"), c.get("finessGeographique"), c.get("region"),
                Cli.constant(c.column("volet"), c.get("volet"), PradoVolet.class),
                Cli.bool(c.column("adhesion"), c.get("adhesion")),
                Cli.date(c.column("closedOn"), c.get("closedOn"))));
        omvRecords = read(omv, List.of("finessGeographique", "region", "volet", "closedOn"),
            c -> new OmvAdhesionRecord(c.get("finessGeographique"), c.get("region"),
                Cli.constant(c.column("volet"), c.get("volet"), PradoVolet.class),
                Cli.date(c.column("closedOn"), c.get("closedOn"))));
      } catch (ExtractException e) {
        err.println("vt indicators tuv: " + e.getMessage());
        return 2;
      }
      out.println("group,period,numerator,denominator,tuv");
      for (Tuv.Row row : Tuv.compute(vtRecords, omvRecords, grouping, period)) {
        out.println(Cli.csvCell(row.group()) + "," + row.period() + "," + row.tuv().numerator() + ","
            + row.tuv().denominator() + "," + Cli.csvCell(lang == Cli.Lang.en ? row.tuv().formatEn()
            : row.tuv().formatFr()));
      }
      out.flush();
      return 0;
    }

    /** One row of an extract: its cells by column name, and where each column is ("3 (volet)"). */
    record Row(Map<String, String> cells, List<String> names) {
      String get(String name) {
        return cells.get(name);
      }

      String column(String name) {
        return (names.indexOf(name) + 1) + " (" + name + ")";
      }
    }

    /** An extract problem, with the file and line. */
    static final class ExtractException extends RuntimeException {
      private static final long serialVersionUID = 1L;

      ExtractException(String message) {
        super(message);
      }
    }

    static <T> List<T> read(Path file, List<String> required, Function<Row, T> row) {
      List<T> out = new ArrayList<>();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String header = in.readLine();
        if (header == null) {
          throw new ExtractException(file + " is empty (a header is expected)");
        }
        List<String> names;
        try {
          names = Cli.cells(header).stream().map(String::trim).toList();
        } catch (IllegalArgumentException e) {
          throw new ExtractException(file + ":1: " + e.getMessage());
        }
        for (String r : required) {
          if (!names.contains(r)) {
            throw new ExtractException(file + ": missing column '" + r + "' (needed: " + String.join(",", required)
                + ")");
          }
        }
        int line = 1;
        for (String text; (text = in.readLine()) != null; ) {
          line++;
          if (text.isBlank()) {
            continue;
          }
          List<String> cells;
          try {
            cells = Cli.cells(text);
          } catch (IllegalArgumentException e) {
            throw new ExtractException(file + ":" + line + ": " + e.getMessage());
          }
          if (cells.size() != names.size()) {
            throw new ExtractException(file + ":" + line + ": " + cells.size() + " cells, the header has "
                + names.size());
          }
          Map<String, String> byName = new HashMap<>();
          for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), cells.get(i).trim());
          }
          try {
            out.add(row.apply(new Row(byName, names)));
          } catch (Cli.CellException e) {
            throw new ExtractException(file + ":" + line + ": " + e.getMessage());
          } catch (RuntimeException e) {
            throw new ExtractException(file + ":" + line + ": " + Cli.withoutValue(e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()));
          }
        }
      } catch (IOException e) {
        throw new ExtractException(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
      }
      return out;
    }
  }
}
