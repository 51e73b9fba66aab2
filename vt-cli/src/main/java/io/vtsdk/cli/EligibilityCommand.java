package io.vtsdk.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.rules.Decision;
import io.vtsdk.rules.DossierFacts;
import io.vtsdk.rules.Facts;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.rules.StandardFacts;
import io.vtsdk.rules.Target;
import io.vtsdk.rules.csv.CsvTable;
import io.vtsdk.rules.csv.ExtractException;
import io.vtsdk.rules.csv.FactsCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vt eligibility}: streams one decision per input record, with flat memory, and ends with a summary.
 *
 * <p>Input: JSON Lines of dossiers ({@code .jsonl}), or CSV ({@code .csv}) whose header names fact paths of
 * {@link StandardFacts} (e.g. {@code /patient/birthDate}), plus optional {@code id} and {@code target} columns.
 */
@Command(
    name = "eligibility",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    header = "Evaluate eligibility for every record of a file and stream the decisions.",
    description = {"One decision per record: result, rule set version, failed rules, missing inputs; the trace with "
        + "--explain. A record that cannot be read becomes an error line naming its line and column, and the run "
        + "goes on; a record whose target has no rule set in force on --at is NO_RULE_SET. A summary ends the run "
        + "(on stderr).",
        "Exit code: 0 every record evaluated, 1 some records could not be read, 2 the input or an option cannot be "
        + "used."},
    footer = {"", "Input:", "  .jsonl  one dossier JSON per line (target: --target, else the dossier's orientation)",
        "  .csv    header of fact paths such as /patient/birthDate,/patient/insurance/ame,/orientation/pradoVolet",
        "          with optional 'id' and 'target' (e.g. PRADO/AVC, EHPAD) columns; empty cell = missing;",
        "          a set's elements separated by | (/requester/unit/pradoVolets: AVC|BPCO)",
        "Give what VT's directory provides (a Prado requester's conventions, the CPAMs) as set columns, or such",
        "decisions come out INCOMPLETE with those paths listed.",
        "", "Examples:", "  vt eligibility --input dossiers.jsonl --at 2026-11-23 > decisions.jsonl",
        "  vt eligibility --input cohort.csv --at 2025-06-01 --target PRADO/INSUFFISANCE_CARDIAQUE --format csv"})
final class EligibilityCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "A .jsonl or .csv file.")
  Path input;

  @Option(names = "--at", required = true, paramLabel = "YYYY-MM-DD",
      description = "Evaluation date (selects the rule set in force).")
  LocalDate at;

  @Option(names = "--target", paramLabel = "TARGET", description = "e.g. PRADO/AVC, EHPAD, PCO_0_6; overrides the"
      + " records' own.")
  String target;

  @Option(names = "--explain", description = "Include the full trace (--format jsonl only: a CSV line has no room "
      + "for it).")
  boolean explain;

  /** The output formats. */
  enum Format { jsonl, csv }

  @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write here instead of the console (a progress line then shows on the terminal).")
  Path output;

  @Spec CommandSpec spec;

  // made in call(), not when picocli builds the command line: `vt --version` should not load the rule sets
  private JsonMapper json;
  private RuleEngine engine;
  private final Map<Decision.Result, Long> outcomes = new EnumMap<>(Decision.Result.class);
  private final Map<String, Long> failing = new HashMap<>();
  private final Map<String, Long> missing = new HashMap<>();
  private long records;
  private long errors;
  private long withoutRuleSet;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    json = VtJson.newMapper();
    engine = RuleEngine.standard();
    if (explain && format == Format.csv) {
      err.println("vt eligibility: --explain needs --format jsonl (a CSV line has no room for the trace)");
      return 2;
    }
    Target forced;
    try {
      forced = target == null ? null : Target.parse(target);
    } catch (IllegalArgumentException e) {
      err.println("vt eligibility: " + e.getMessage());
      return 2;
    }
    String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".jsonl")) {
      err.println("vt eligibility: the input must be a .jsonl or a .csv file");
      return 2;
    }
    // a progress line only in an interactive session writing to a file (on the console it would mix with the output)
    boolean progress = output != null && System.console() != null;
    try (Writer file = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      Writer sink = file != null ? file : spec.commandLine().getOut();
      if (format == Format.csv) {
        sink.write("line,id,target,result,ruleSetVersion,failed,missing,error\n");
      }
      long started = System.nanoTime();
      if (csv) {
        readCsv(sink, forced, progress, started);
      } else {
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
          readJsonl(in, sink, forced, progress, started);
        }
      }
      sink.flush();
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("vt eligibility: " + input + " does not exist");
      return 2;
    } catch (ExtractException e) { // the file or its header: the run cannot start
      err.println("vt eligibility: " + e.getMessage());
      return 2;
    }
    summary(err);
    return errors > 0 ? 1 : 0;
  }

  private void readJsonl(BufferedReader in, Writer out, Target forced, boolean progress, long started)
      throws IOException {
    int line = 0;
    for (String text; (text = in.readLine()) != null; ) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      String id = null;
      try {
        Dossier d;
        try {
          d = Cli.dossier(text);
        } catch (IllegalArgumentException e) { // one line of the file: its column is what helps
          throw new IllegalArgumentException("not a dossier JSON line: " + e.getMessage().replace("at line 1, column",
              "at column"));
        }
        id = d.id().value();
        Target t = forced != null ? forced : d.orientation() == null ? null : Target.of(d.orientation());
        if (t == null) {
          throw new IllegalArgumentException("no target: give --target or an orientation");
        }
        emit(out, line, id, t, DossierFacts.of(d).build());
      } catch (IllegalArgumentException e) {
        error(out, line, id, e.getMessage());
      }
      tick(progress, started);
    }
  }

  private void readCsv(Writer out, Target forced, boolean progress, long started) throws IOException {
    try (CsvTable table = CsvTable.open(input, List.of())) {
      FactsCsv binder = FactsCsv.of(table);
      while (true) {
        CsvTable.Row row;
        try {
          row = table.next();
        } catch (ExtractException e) { // a line that is not CSV: reported, and the run goes on
          error(out, e.line(), null, cellMessage(e));
          tick(progress, started);
          continue;
        }
        if (row == null) {
          return;
        }
        String id = binder.id(row);
        try {
          Target t = forced != null ? forced : binder.target(row);
          if (t == null) {
            throw new IllegalArgumentException("no target: give --target or a 'target' column");
          }
          emit(out, row.line(), id, t, binder.facts(row));
        } catch (ExtractException e) {
          error(out, row.line(), id, cellMessage(e));
        } catch (IllegalArgumentException e) {
          error(out, row.line(), id, e.getMessage());
        }
        tick(progress, started);
      }
    }
  }

  /** A record's refusal without the file and line (the output line has them): "column 3 (/patient/birthDate): …". */
  private static String cellMessage(ExtractException e) {
    return e.columnName() == null ? e.rule() : "column " + e.column() + " (" + e.columnName() + "): " + e.rule();
  }

  /** Evaluates and writes the decision; a target without a rule set in force is NO_RULE_SET, not an error. */
  private void emit(Writer out, long line, String id, Target t, Facts facts) throws IOException {
    Decision d;
    try {
      d = engine.evaluate(t, facts, at);
    } catch (io.vtsdk.rules.NoRuleSetException e) {
      noRuleSet(out, line, id, t, e.getMessage());
      return;
    }
    records++;
    outcomes.merge(d.result(), 1L, Long::sum);
    d.failedRules().forEach(r -> failing.merge(r, 1L, Long::sum));
    d.missingInputs().forEach(m -> missing.merge(m, 1L, Long::sum));
    if (format == Format.csv) {
      out.write(line + "," + Cli.csvCell(id) + "," + Cli.csvCell(t.toString()) + "," + d.result() + ","
          + Cli.csvCell(d.ruleSetVersion()) + "," + Cli.csvCell(String.join(";", d.failedRules())) + ","
          + Cli.csvCell(String.join(";", d.missingInputs())) + ",\n");
      return;
    }
    ObjectNode n = json.createObjectNode();
    n.put("line", line);
    n.put("id", id);
    n.put("target", t.toString());
    n.put("result", d.result().name());
    n.put("ruleSetId", d.ruleSetId());
    n.put("ruleSetVersion", d.ruleSetVersion());
    n.set("failed", json.valueToTree(d.failedRules()));
    n.set("missing", json.valueToTree(d.missingInputs()));
    n.set("flags", json.valueToTree(d.flags()));
    if (explain) {
      n.set("trace", json.valueToTree(d.trace()));
    }
    out.write(json.writeValueAsString(n));
    out.write('\n');
  }

  private void noRuleSet(Writer out, long line, String id, Target t, String message) throws IOException {
    records++;
    withoutRuleSet++;
    if (format == Format.csv) {
      out.write(line + "," + Cli.csvCell(id) + "," + Cli.csvCell(t.toString()) + ",NO_RULE_SET,,,,"
          + Cli.csvCell(message) + "\n");
      return;
    }
    ObjectNode n = json.createObjectNode();
    n.put("line", line);
    n.put("id", id);
    n.put("target", t.toString());
    n.put("result", "NO_RULE_SET");
    n.put("reason", message);
    out.write(json.writeValueAsString(n));
    out.write('\n');
  }

  private void error(Writer out, long line, String id, String message) throws IOException {
    records++;
    errors++;
    if (format == Format.csv) {
      out.write(line + "," + Cli.csvCell(id) + ",,,,,," + Cli.csvCell(message) + "\n");
      return;
    }
    ObjectNode n = json.createObjectNode();
    n.put("line", line);
    n.put("id", id);
    n.put("error", message);
    out.write(json.writeValueAsString(n));
    out.write('\n');
  }

  private long lastTick;

  /** A progress line on the terminal (stderr), at most 5 times a second; nothing in pipes. */
  private void tick(boolean progress, long started) {
    if (!progress) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastTick > 200_000_000L) {
      lastTick = now;
      double seconds = (now - started) / 1e9;
      System.err.printf(Locale.ROOT, "\r%,d records, %,.0f/s, %d errors", records, records / Math.max(seconds, 1e-3),
          errors);
    }
  }

  private void summary(PrintWriter err) {
    if (System.console() != null) {
      err.print("\r");
    }
    err.printf(Locale.ROOT, "%d records: %s%s; %d unreadable%n", records, outcomes.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", ")), withoutRuleSet == 0 ? "" : (outcomes.isEmpty() ? "" : ", ")
        + withoutRuleSet + " without a rule set", errors);
    top(err, "most frequent failing rules", failing);
    top(err, "most frequent missing inputs", missing);
    err.flush();
  }

  private static void top(PrintWriter err, String title, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    err.println(title + ":");
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey())).limit(5)
        .forEach(e -> err.printf(Locale.ROOT, "  %-50s %,d%n", e.getKey(), e.getValue()));
  }
}
