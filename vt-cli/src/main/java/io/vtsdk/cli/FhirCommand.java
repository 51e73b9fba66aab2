package io.vtsdk.cli;

import io.vtsdk.fhir.FhirMappingException;
import io.vtsdk.fhir.VtFhir;
import io.vtsdk.fhir.dossier.DossierBundleMapper;
import io.vtsdk.fhir.validation.FhirIssue;
import io.vtsdk.fhir.validation.FhirValidationReport;
import io.vtsdk.fhir.validation.SdoValidator;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hl7.fhir.r4.model.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vt fhir validate|convert}. */
@Command(
    name = "fhir",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "FHIR R4: validate resources against the SDO profiles, convert dossiers to and from Bundles.",
    subcommands = {FhirCommand.Validate.class, FhirCommand.Convert.class})
final class FhirCommand extends ParentCommand {

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = {"Validate FHIR R4 JSON resources: base R4, the SDO profiles and their invariants (a profile",
          "the validator does not ship, such as FR Core, is a warning). Exit code: 0 valid, 1 invalid, 2 unreadable."},
      footer = {"", "Examples:", "  vt fhir validate task.json", "  vt fhir validate --warnings bundle.json"})
  static final class Validate implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "FHIR JSON files.")
    List<Path> files;

    @Option(names = "--warnings", description = "Also print warnings and information.")
    boolean warnings;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      SdoValidator validator = SdoValidator.create(false);
      int code = 0;
      for (Path file : files) {
        FhirValidationReport report;
        try {
          String json = Files.readString(file, StandardCharsets.UTF_8);
          VtFhir.parse(json); // a clear error for what is not FHIR JSON at all
          report = validator.validate(json);
        } catch (IOException e) {
          out.println(file + ": unreadable (" + e.getClass().getSimpleName() + ")");
          code = 2;
          continue;
        } catch (FhirMappingException e) {
          out.println(file + ": unreadable, " + e.getMessage());
          code = 2;
          continue;
        }
        for (FhirIssue i : report.issues()) {
          if (i.isError() || warnings) {
            out.println(file + ": " + i.severity() + " " + i.location() + " " + i.message());
          }
        }
        out.println(file + ": " + (report.isValid() ? "valid" : report.errors().size() + " error(s)"));
        if (!report.isValid()) {
          code = Math.max(code, 1);
        }
      }
      out.flush();
      return code;
    }
  }

  @Command(
      name = "convert",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = {"Convert a dossier JSON file to a FHIR Bundle (collection), or a Bundle made that way back to",
          "dossier JSON; the direction follows the input. Exit code: 0 done, 2 unreadable input."},
      footer = {"", "Examples:", "  vt fhir convert dossier.json > bundle.json",
          "  vt fhir convert bundle.json -o dossier.json"})
  static final class Convert implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A dossier JSON file or a FHIR Bundle JSON file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of the console.")
    Path output;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      String json;
      try {
        json = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        spec.commandLine().getErr().println(file + ": unreadable (" + e.getClass().getSimpleName() + ")");
        return 2;
      }
      String result;
      try {
        if (json.contains("\"resourceType\"")) {
          Dossier d = DossierBundleMapper.fromBundle(VtFhir.parse(json, Bundle.class));
          result = VtJson.toJson(d);
        } else {
          result = VtFhir.json().setPrettyPrint(true).encodeResourceToString(DossierBundleMapper.toBundle(
              VtJson.fromJson(json, Dossier.class)));
        }
      } catch (FhirMappingException e) {
        spec.commandLine().getErr().println(file + ": cannot convert, " + e.getMessage());
        return 2;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(file + ": unreadable, " + Cli.withoutValue(e.getMessage()));
        return 2;
      }
      if (output == null) {
        spec.commandLine().getOut().println(result);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(output, result + System.lineSeparator(), StandardCharsets.UTF_8);
      }
      return 0;
    }
  }
}
