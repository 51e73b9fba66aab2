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
      description = {"Prado TUV: Prado dossiers in VT with adhesion and closed, over OMV adhesions (maternity",
          "excluded), per period and group, one decimal half up. Prints CSV: group,period,numerator,denominator,tuv.",
          "Exit code: 0 done, 2 an extract cannot be read (the line is named)."},
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

    @Option(names = "--by", paramLabel = "month|rolling3|year", defaultValue = "month",
        description = "Periods (default ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--group", paramLabel = "all|establishment|volet|region", defaultValue = "all",
        description = "Groups (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr",
        description = "Number format of the tuv column (default ${DEFAULT-VALUE}: 31,0%).")
    String lang;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Tuv.Period period = switch (by.toLowerCase(Locale.ROOT)) {
        case "month" -> Tuv.Period.MONTH;
        case "rolling3" -> Tuv.Period.ROLLING_3;
        case "year" -> Tuv.Period.YEAR;
        default -> null;
      };
      Tuv.Grouping grouping;
      try {
        grouping = Tuv.Grouping.valueOf(group.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        grouping = null;
      }
      if (period == null || grouping == null) {
        err.println("vt indicators tuv: --by is month, rolling3 or year; --group is all, establishment, volet or"
            + " region");
        return 2;
      }
      List<PradoVtRecord> vtRecords;
      List<OmvAdhesionRecord> omvRecords;
      try {
        vtRecords = read(vt, List.of("dossierId", "finessGeographique", "region", "volet", "adhesion", "closedOn"),
            c -> new PradoVtRecord(c.get("dossierId"), c.get("finessGeographique"), c.get("region"),
                PradoVolet.valueOf(c.get("volet").toUpperCase(Locale.ROOT)), bool(c.get("adhesion")),
                LocalDate.parse(c.get("closedOn"))));
        omvRecords = read(omv, List.of("finessGeographique", "region", "volet", "closedOn"),
            c -> new OmvAdhesionRecord(c.get("finessGeographique"), c.get("region"),
                PradoVolet.valueOf(c.get("volet").toUpperCase(Locale.ROOT)), LocalDate.parse(c.get("closedOn"))));
      } catch (ExtractException e) {
        err.println("vt indicators tuv: " + e.getMessage());
        return 2;
      }
      out.println("group,period,numerator,denominator,tuv");
      for (Tuv.Row row : Tuv.compute(vtRecords, omvRecords, grouping, period)) {
        out.println(Cli.csvCell(row.group()) + "," + row.period() + "," + row.tuv().numerator() + ","
            + row.tuv().denominator() + "," + Cli.csvCell("en".equalsIgnoreCase(lang) ? row.tuv().formatEn()
            : row.tuv().formatFr()));
      }
      out.flush();
      return 0;
    }

    private static boolean bool(String v) {
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("adhesion must be true or false");
      }
      return Boolean.parseBoolean(v);
    }

    /** An extract problem, with the file and line. */
    static final class ExtractException extends RuntimeException {
      private static final long serialVersionUID = 1L;

      ExtractException(String message) {
        super(message);
      }
    }

    static <T> List<T> read(Path file, List<String> required, Function<Map<String, String>, T> row) {
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
            out.add(row.apply(byName));
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
