package io.vtsdk.cli;

import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.validation.Violation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vt validate FILE...}: dossier JSON files checked at a stage, one line per violation. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    header = "Validate dossier JSON files at a stage and print each violation.",
    description = {"One line per violation: JSON pointer, code, message (fr or en). A file is what POST "
        + "/v1/dossiers takes (no id yet) or what the API returns.",
        "Exit code: 0 all valid, 1 a file is invalid, 2 a file cannot be read as a dossier (the line, column or "
        + "pointer and the rule are named)."},
    footer = {"", "Examples:", "  vt validate dossier.json", "  vt validate --stage draft --lang en a.json b.json"})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dossier JSON files.")
  List<Path> files;

  @Option(names = "--stage", paramLabel = "draft|submission", defaultValue = "submission",
      description = "Stage to validate at: draft or submission (default ${DEFAULT-VALUE}).")
  Stage stage;

  @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr",
      description = "Language of the messages: fr or en (default ${DEFAULT-VALUE}).")
  Cli.Lang lang;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DossierValidator validator = DossierValidator.builder().build();
    Locale locale = lang.locale;
    int code = 0;
    for (Path file : files) {
      Dossier dossier;
      try {
        dossier = Cli.dossier(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        out.println(file + ": unreadable, cannot read the file (" + e.getClass().getSimpleName() + ")");
        code = 2;
        continue;
      } catch (IllegalArgumentException e) {
        out.println(file + ": unreadable, " + e.getMessage() + Cli.debug(Cli.debug(spec), e.getCause()));
        code = 2;
        continue;
      }
      ValidationReport report = validator.validate(dossier, stage, locale);
      for (Violation v : report.violations()) {
        out.println(file + ": " + (v.path().isEmpty() ? "/" : v.path()) + " " + v.code() + " " + v.message());
      }
      out.println(file + ": " + (report.isValid() ? "valid" : report.violations().size() + " violation(s)")
          + " at " + stage.name().toLowerCase(Locale.ROOT) + " stage");
      if (!report.isValid()) {
        code = Math.max(code, 1);
      }
    }
    out.flush();
    return code;
  }
}
