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
      header = "Validate FHIR R4 JSON resources against base R4 and the SDO profiles.",
      description = {"Base R4, the SDO profiles and their invariants; a profile the validator does not ship (FR Core) "
          + "is a warning. Takes files and directories (their *.json, recursively); the validator is built once for "
          + "all. One line per issue: file:line:column, severity, the element (FHIRPath), [the rule], the message; "
          + "then one summary line per file.",
          "Exit code: 0 all valid, 1 an invalid resource, 2 an unreadable file (not JSON, not a FHIR resource)."},
      footer = {"", "Examples:", "  vt fhir validate task.json", "  vt fhir validate --warnings bundle.json",
          "  vt fhir validate exports/          # every *.json below"})
  static final class Validate implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "FHIR JSON files, or directories of them.")
    List<Path> paths;

    @Option(names = "--warnings", description = "Also print warnings and information.")
    boolean warnings;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Path> files = new java.util.ArrayList<>();
      int code = 0;
      for (Path p : paths) {
        if (Files.isDirectory(p)) {
          try (java.util.stream.Stream<Path> walk = Files.walk(p)) {
            walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).sorted()
                .forEach(files::add);
          } catch (IOException e) {
            out.println(p + ": unreadable directory (" + e.getClass().getSimpleName() + ")");
            code = 2;
          }
        } else {
          files.add(p);
        }
      }
      SdoValidator validator = null;
      for (Path file : files) {
        String json;
        try {
          json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          out.println(file + ": unreadable, cannot read the file (" + e.getClass().getSimpleName() + ")");
          code = 2;
          continue;
        }
        String problem = notAResource(json);
        if (problem != null) {
          out.println(file + problem);
          code = 2;
          continue;
        }
        validator = validator != null ? validator : SdoValidator.create(false);
        FhirValidationReport report = validator.validate(json);
        for (FhirIssue i : report.issues()) {
          if (i.isError() || warnings) {
            out.println(file + (i.line() > 0 ? ":" + i.line() + ":" + i.column() : "") + ": " + i.severity() + " "
                + i.location() + (i.messageId() == null ? "" : " [" + i.messageId() + "]") + " " + i.message());
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

    /**
     * Why {@code json} is not a FHIR resource to validate (":line:column: unreadable, …"), or null: JSON syntax,
     * an object, a {@code resourceType}. What is wrong inside a resource is the validator's to say (exit 1).
     */
    static String notAResource(String json) {
      if (json.isBlank()) {
        return ": unreadable, the file is empty";
      }
      com.fasterxml.jackson.databind.JsonNode node;
      try {
        node = VtJson.newMapper().readTree(json);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": unreadable, not JSON ("
            + e.getOriginalMessage().replaceAll("\\s*\\(.*", "").replaceAll("'[^']*'", "…") + ")";
      }
      if (node == null || !node.isObject()) {
        return ": unreadable, not a FHIR resource (a JSON object with a resourceType is expected, found "
            + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + ")";
      }
      if (!node.path("resourceType").isTextual()) {
        return ": unreadable, not a FHIR resource (no resourceType)";
      }
      return null;
    }
  }

  @Command(
      name = "convert",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      header = "Convert a dossier JSON file to a FHIR Bundle, or such a Bundle back to dossier JSON.",
      description = {"The direction follows the input: a Bundle (collection) made this way becomes dossier JSON, "
          + "anything else is read as dossier JSON.",
          "Exit code: 0 done, 2 the input cannot be converted (the reason is named)."},
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
        String type = resourceType(json);
        if (type != null && !type.equals("Bundle")) {
          spec.commandLine().getErr().println(file + ": cannot convert a " + type + ": give a dossier JSON, or a "
              + "Bundle made by vt fhir convert");
          return 2;
        }
        if (type != null) {
          Dossier d = DossierBundleMapper.fromBundle(VtFhir.parse(json, Bundle.class));
          result = VtJson.toJson(d);
        } else if (Cli.hasNoId(json)) {
          // a Bundle identifies the dossier by its id (its ServiceRequest's identifier): no placeholder is written
          spec.commandLine().getErr().println(file + ": cannot convert, the dossier has no id (give the id VT gave "
              + "it: a FHIR Bundle identifies the dossier by it)");
          return 2;
        } else {
          result = VtFhir.json().setPrettyPrint(true).encodeResourceToString(DossierBundleMapper.toBundle(
              Cli.dossier(json)));
        }
      } catch (FhirMappingException e) {
        spec.commandLine().getErr().println(file + ": cannot convert, " + e.getMessage());
        return 2;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(file + ": unreadable, " + e.getMessage());
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

    /** The {@code resourceType} of a JSON object, or null (not FHIR, or not JSON: the dossier reader says why). */
    static String resourceType(String json) {
      try {
        com.fasterxml.jackson.databind.JsonNode node = VtJson.newMapper().readTree(json);
        return node != null && node.path("resourceType").isTextual() ? node.get("resourceType").asText() : null;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return null;
      }
    }
  }
}
