package io.vtsdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code vt} command.
 *
 * <p>{@code vt serve} starts the reference server, {@code vt validate} checks dossier files, {@code vt fhir} validates
 * and converts FHIR. Without a subcommand {@code vt} prints its version and usage. An unexpected error is one sentence
 * on stderr (exit 1); {@code --debug} adds the stack trace.
 */
@Command(
    name = "vt",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "vt-sdk command line: a reference ViaTrajectoire server and tools for testers and researchers.",
    subcommands = {ServeCommand.class, ValidateCommand.class, EligibilityCommand.class, FhirCommand.class,
        IndicatorsCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of unexpected errors.")
  boolean debug;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println("vt " + Version.current());
    spec.commandLine().usage(spec.commandLine().getOut());
    return CommandLine.ExitCode.OK;
  }

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    // Route Hibernate Validator's jboss-logging to SLF4J, and keep the console quiet unless asked otherwise.
    System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, for tests and embedding. */
  public static CommandLine newCommandLine() {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    cl.setUsageHelpWidth(110); // examples (a URL, a command) stay on one line
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(java.time.LocalDate.class, Cli::dateOption);
    // a mistyped option: what is wrong and where to look, not the whole usage
    cl.setParameterExceptionHandler((e, args) -> {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr().println("vt " + cmd.getCommandName() + ": " + e.getMessage());
      cmd.getErr().println("Try 'vt " + (cmd == cl ? "" : cmd.getCommandSpec().qualifiedName(" ").substring(3) + " ")
          + "--help'.");
      cmd.getErr().flush();
      return CommandLine.ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("vt " + cmd.getCommandName() + ": " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : Cli.withoutValue(e.getMessage())));
      if (parsed.matchedOption("--debug") != null || main.debug) {
        e.printStackTrace(cmd.getErr());
      }
      cmd.getErr().flush();
      return 1;
    });
    return cl;
  }

  /** Reads the version Maven wrote into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    static String current() {
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          return "unknown";
        }
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String[] getVersion() {
      return new String[] {"vt " + current()};
    }
  }
}
