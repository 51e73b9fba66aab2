package io.vtsdk.cli;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.ReferenceServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vt serve}: the reference VT server with demo data, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    header = "Start the reference VT server and print example tokens.",
    description = "Start the reference VT server (demo directory; in memory, or durable with --data-dir or --db) and "
        + "print example tokens.",
    footer = {"", "Examples:", "  vt serve", "  vt serve --port 8080 --seed 7", "  vt serve --data-dir ./vt-data",
        "  VT_DB_USER=vt VT_DB_PASSWORD=… vt serve --db jdbc:postgresql://127.0.0.1:5432/vt", "  vt serve --admin",
        "  vt serve --directory my-ror.json --counterparts auto",
        "  vt serve --scenario dpi-prado --report out/",
        "  curl -H \"Authorization: Bearer <token>\" http://127.0.0.1:8080/v1/units?module=PRADO"})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "<port>", defaultValue = "8080",
      description = "Port on 127.0.0.1 (0 for any free port; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "42",
      description = "Seed of the synthetic demo directory (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--data-dir", paramLabel = "<dir>", description = {"Keep the data in <dir>/vt.db, an embedded "
      + "SQLite database: every acknowledged write is committed to disk before its answer; a restart (even after "
      + "kill -9) has it, and the printed tokens stay valid. Default: in memory."})
  java.nio.file.Path dataDir;

  @Option(names = "--db", paramLabel = "<jdbc-url>", description = {"Keep the data in a PostgreSQL database "
      + "(jdbc:postgresql://host:5432/db), which several servers may share: they behave as one. The account comes "
      + "from the environment (VT_DB_USER, VT_DB_PASSWORD) or --db-password-file, never the command line."})
  String database;

  @Option(names = "--db-password-file", paramLabel = "<file>", description = "Read the database password from "
      + "<file> (its first line) instead of VT_DB_PASSWORD.")
  java.nio.file.Path databasePasswordFile;

  @Option(names = "--admin", description = {"Serve the control API (/__admin: reset, clock, fixtures, faults, "
      + "state) behind its own token, printed below; loopback Host and same-origin callers only. Off by default."})
  boolean admin;

  @Option(names = "--no-demo", description = "Start with an empty directory and no demo dossiers.")
  boolean noDemo;

  @Option(names = "--no-console", description = "Do not serve the web console (/console).")
  boolean noConsole;

  @Option(names = "--directory", paramLabel = "<file>", description = {"Add the units of <file> to the directory: "
      + "a FHIR Bundle shaped by the ROR (.json) or a CSV (.csv); see docs/directory.md. Repeatable; a unit of the "
      + "same id as a demo unit replaces it. A refused file names the line or JSON pointer and the rule, and the "
      + "server does not start."})
  List<java.nio.file.Path> directories = new java.util.ArrayList<>();

  @Option(names = "--counterparts", paramLabel = "<file|auto>", description = {"Play the units the file names "
      + "(JSON or YAML; docs/counterparts.md): they answer requests by themselves after a delay on the server's "
      + "clock. 'auto': the documented default world (every CPAM adheres a day after the send, about one SMR in "
      + "three accepts…)."})
  String counterparts;

  @Option(names = "--scenario", paramLabel = "<name|file>", description = {"Run a scenario against your software "
      + "(built-in: dpi-prado, dpi-prado-non-adhesion, dpi-sanitaire, dpi-faults, esms-sdo, esms-waiting-list; or a "
      + "scenario file): prints the session's token and each step's instruction and data; a step ends when its outcome came (or --step-timeout passed) and your "
      + "software has made no write for --idle; then stops: exit 0 when every check passed, 1 otherwise. See "
      + "docs/scenarios.md."})
  String scenario;

  @Option(names = "--report", paramLabel = "<dir>", description = "With --scenario: write report.json, report.xml "
      + "(JUnit) and report.html there.")
  java.nio.file.Path reportDir;

  @Option(names = "--idle", paramLabel = "<duration>", defaultValue = "PT3S", description = "With --scenario: how long "
      + "without a write from your software ends a step (ISO-8601; default ${DEFAULT-VALUE}).")
  java.time.Duration idle;

  @Option(names = "--step-timeout", paramLabel = "<duration>", defaultValue = "PT5M", description = "With --scenario: "
      + "how long a step in which your software must act waits for its outcome (ISO-8601; default ${DEFAULT-VALUE}).")
  java.time.Duration stepTimeout;

  @Spec CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    ReferenceServer server;
    try {
      server = start();
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("vt serve: " + e.getMessage());
      return 1;
    }
    if (scenario != null) {
      try (server) {
        return runScenario(server);
      } catch (RuntimeException | java.io.IOException e) {
        spec.commandLine().getErr().println("vt serve: " + e.getMessage());
        return 1;
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "vt-serve-shutdown"));
    stopped.await();
    return 0;
  }

  private String databasePassword() {
    if (databasePasswordFile == null) {
      return System.getenv("VT_DB_PASSWORD");
    }
    try {
      List<String> lines = java.nio.file.Files.readAllLines(databasePasswordFile);
      return lines.isEmpty() ? "" : lines.get(0);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("--db-password-file: cannot read " + databasePasswordFile);
    }
  }

  /** Starts the server and prints how to use it. */
  ReferenceServer start() {
    ReferenceServer.Builder builder = ReferenceServer.builder().port(port).seed(seed).demoData(!noDemo)
        .demoDossiers(!noDemo).admin(admin).console(!noConsole);
    if (dataDir != null && database != null) {
      throw new IllegalArgumentException("give --data-dir or --db, not both");
    }
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    directories.forEach(builder::directory);
    if (counterparts != null) {
      builder.counterparts(io.vtsdk.server.counterparts.Counterparts.read(java.nio.file.Path.of(counterparts)));
    }
    if (database != null) {
      builder.database(database, System.getenv("VT_DB_USER"), databasePassword());
    }
    ReferenceServer server = builder.build().start();
    PrintWriter out = spec.commandLine().getOut();
    out.println("vt reference server listening on " + server.baseUrl());
    if (dataDir != null) {
      Object dossiers = server.state().get("dossiers");
      out.println("  data:    " + dataDir.toAbsolutePath().resolve("vt.db") + " (SQLite; " + dossiers
          + " dossiers; committed before each answer)");
    }
    if (database != null) {
      out.println("  data:    PostgreSQL (" + server.state().get("dossiers") + " dossiers; shared)");
    }
    out.println("  health:  " + server.url("/v1/health"));
    if (!noConsole) {
      out.println("  console: " + server.url("/console") + " (sign in as any demo unit)");
    }
    out.println("  units:   " + server.url("/v1/units"));
    out.println("  psc:     " + server.url("/psc/.well-known/openid-configuration") + " (Pro Santé Connect, "
        + "simulated; client vt-demo-ehr)");
    out.println("  insi:    " + server.url("/insi/search") + " (INSi, simulated)");
    if (!noDemo) {
      out.println("  demo:    dossiers DEMO-1 (SMR, accepted) … DEMO-6 (HNP, sent) for U-CARDIO-HCL");
      out.println("Example tokens, one per role (valid 12 h; send as 'Authorization: Bearer <token>'):");
      print(out, "requester  (" + ReferenceServer.DEMO_REQUESTER_UNIT.value() + ")", server.demoToken(Role.REQUESTER));
      print(out, "usager     (" + ReferenceServer.DEMO_REQUESTER_UNIT.value() + ")", server.demoToken(Role.USAGER));
      print(out, "cpam       (" + ReferenceServer.DEMO_CPAM_UNIT.value() + ")", server.demoToken(Role.CPAM));
      print(out, "receiver   (" + ReferenceServer.DEMO_RECEIVER_UNIT.value() + ")", server.demoToken(Role.RECEIVER));
      print(out, "receiver   (PCO-69)", server.tokens().issue(Role.RECEIVER, UnitId.of("PCO-69"), null));
      print(out, "receiver   (EHPAD-69-A)", server.tokens().issue(Role.RECEIVER, UnitId.of("EHPAD-69-A"), null));
      print(out, "mdph       (" + ReferenceServer.DEMO_MDPH_UNIT.value() + ")", server.demoToken(Role.MDPH));
      print(out, "esms       (" + ReferenceServer.DEMO_ESMS_UNIT.value() + ")", server.demoToken(Role.ESMS));
      print(out, "accompagnant (" + ReferenceServer.DEMO_ACCOMPAGNANT + ")", server.demoToken(Role.ACCOMPAGNANT));
    } else {
      out.println("  demo:    none (--no-demo): no units, no dossiers, so no example tokens");
    }
    printImportedUnits(out, server);
    if (!server.counterparts().counterparts().isEmpty()) {
      out.println("Counterparts (" + server.counterparts().counterparts().size() + " rules, seed "
          + server.counterparts().seed() + "): the server answers for the units they name; see the console's "
          + "Control page" + (admin ? " or GET /__admin/counterparts" : ""));
    }
    if (admin) {
      print(out, "admin      (/__admin)", server.adminToken());
      out.println("Control API (Authorization: Bearer <admin token>; JSON bodies):");
      out.println("  POST   /__admin/reset                              all data back to the demo state");
      out.println("  POST   /__admin/tokens  {\"role\":\"ESMS\",\"unit\":\"IME-69\",\"actorId\":null}  a token for "
          + "any role and unit");
      out.println("  POST   /__admin/fixtures {\"dossiers\":[…],\"sendTo\":{\"<id>\":[\"<unit>\"]}}  load dossiers");
      out.println("  GET    /__admin/clock | PUT /__admin/clock {\"instant\":\"2026-11-23T10:00:00Z\"}");
      out.println("  POST   /__admin/clock/advance {\"duration\":\"P31D\"}     and run auto-archiving");
      out.println("  POST   /__admin/faults {…} | GET | DELETE /__admin/faults   injected faults");
      out.println("  GET    /__admin/state | GET /__admin/journal          fingerprint, recent calls");
      out.println("  POST   /__admin/psc/rotate-keys                     a new PSC signing key");
      out.println("  POST   /__admin/directory {\"mode\":\"MERGE\",\"csv\":\"…\"|\"bundle\":{…}}  import units");
      out.println("  GET    /__admin/counterparts | PUT {\"seed\":1,\"counterparts\":[…]}  units the server plays");
    } else {
      out.println("Control API off (start with --admin to reset, seed, issue tokens or move the clock over HTTP).");
    }
    out.println("Ctrl-C to stop.");
    out.flush();
    return server;
  }

  /**
   * Runs {@code --scenario} on a started server: prints the session's token, then each step's instruction and data;
   * a step ends when the software under test has made no write for {@link #idle} (the kit then moves the server's
   * clock by the step's time limit if its outcome has not come); writes the report; 0 when it passed.
   */
  int runScenario(ReferenceServer server) throws InterruptedException, java.io.IOException {
    io.vtsdk.server.scenarios.Session session = server.startSession(io.vtsdk.server.scenarios.Scenarios.of(scenario));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Scenario " + session.scenario().name() + " — " + session.scenario().titleEn());
    out.println("  session token (" + session.scenario().unit().value() + "): " + session.token());
    out.flush();
    io.vtsdk.server.scenarios.Report report = session.run(idle, stepTimeout,
        new io.vtsdk.server.scenarios.Session.Listener() {
          @Override
          public void begun(io.vtsdk.server.scenarios.Scenario.Step s) {
            out.println("Step " + s.id() + ": " + s.instructionEn());
            out.println("  (fr) " + s.instructionFr());
            if (s.data() != null && !s.data().isMissingNode() && !s.data().isEmpty()) {
              out.println("  data: " + s.data());
            }
            out.flush();
          }

          @Override
          public void ended(io.vtsdk.server.scenarios.Scenario.Step s, io.vtsdk.server.scenarios.Check.StepResult r) {
            out.println("  " + (r.reached() ? "ok: " : "FAILED: ") + r.detail());
            out.flush();
          }
        });
    for (io.vtsdk.server.scenarios.Report.Verdict v : report.checks()) {
      out.println((v.passed() ? "  pass  " : "  FAIL  ") + v.check() + (v.passed() ? "" : ": " + String.join("; ",
          v.evidence())));
    }
    if (reportDir != null) {
      report.writeTo(reportDir);
      out.println("Report: " + reportDir.toAbsolutePath() + " (report.json, report.xml, report.html)");
    }
    out.println(report.passed() ? "Scenario passed." : "Scenario failed: " + report.failedChecks());
    out.flush();
    return report.passed() ? 0 : 1;
  }

  /** A token per imported unit, in its role (the first {@value #TOKENS_SHOWN}; the others from /__admin/tokens). */
  private void printImportedUnits(PrintWriter out, ReferenceServer server) {
    List<UnitId> imported = server.importedUnits();
    if (imported.isEmpty()) {
      return;
    }
    out.println("Imported units (" + imported.size() + "), one token each in the role it acts in:");
    imported.stream().limit(TOKENS_SHOWN).forEach(u -> print(out, u.value(), server.tokenFor(u)));
    if (imported.size() > TOKENS_SHOWN) {
      out.println("  … " + (imported.size() - TOKENS_SHOWN) + " more: sign in on the console, or POST /__admin/tokens");
    }
  }

  private static final int TOKENS_SHOWN = 20;

  private static void print(PrintWriter out, String who, String token) {
    out.println("  " + who + ": " + token);
  }
}
