package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.server.ReferenceServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {
  private final StringWriter out = new StringWriter();

  /** Starts {@code vt serve args} in this JVM; what it printed is in {@link #out}. */
  private ReferenceServer serve(String... args) {
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    CommandLine.ParseResult parsed = cmd.parseArgs(args);
    ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
    return serve.start();
  }

  @Test
  void serveStartsTheServerAndPrintsAWorkingToken() throws Exception {
    try (ReferenceServer server = serve("serve", "--port", "0", "--seed", "7")) {
      String text = out.toString();
      assertThat(text).contains("vt reference server listening on " + server.baseUrl());
      Matcher m = Pattern.compile("requester  \\(U-CARDIO-HCL\\): (\\S+)").matcher(text);
      assertThat(m.find()).isTrue();
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.baseUrl() + "/v1/units?module=PRADO&target=PRADO"))
          .header("Authorization", "Bearer " + m.group(1)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("691 - CPAM du Rhône");
      for (String role : new String[] {"requester", "usager", "cpam", "receiver", "mdph", "esms"}) {
        assertThat(text).as(role).containsPattern("(?m)^  " + role + " +\\([A-Z0-9-]+\\): \\S+$");
      }
      Matcher esms = Pattern.compile("esms +\\(IME-69\\): (\\S+)").matcher(text);
      assertThat(esms.find()).isTrue();
      assertThat(server.tokens().verify(esms.group(1)).orElseThrow().role()).isEqualTo(io.vtsdk.model.workflow.Role.ESMS);
    }
  }

  @Test
  @SuppressWarnings("try") // the resource is held open while the body runs
  void withoutDemoDataNoDemoDossierNorTokenIsAnnounced() {
    try (ReferenceServer server = serve("serve", "--port", "0", "--no-demo", "--admin")) {
      String text = out.toString();
      assertThat(text).doesNotContain("DEMO-1").doesNotContain("requester  (").contains("no example tokens");
      assertThat(text).contains("/__admin/tokens", "/__admin/fixtures", "/__admin/faults", "/__admin/state",
          "/__admin/journal", "/__admin/clock/advance");
    }
  }

  @Test
  void serveHelpShowsItsOptions() {
    StringWriter out = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute("serve", "--help")).isZero();
    assertThat(out.toString()).contains("--port", "--seed", "--no-demo", "Examples:");
  }

  @Test
  void aPortInUseIsOneClearSentence() {
    try (ReferenceServer busy = ReferenceServer.builder().build().start()) {
      StringWriter err = new StringWriter();
      CommandLine cmd = Main.newCommandLine();
      cmd.setErr(new PrintWriter(err));
      assertThat(cmd.execute("serve", "--port", String.valueOf(busy.port()))).isEqualTo(1);
      assertThat(err.toString()).startsWith("vt serve: cannot listen on port " + busy.port());
    }
  }

  @Test
  void aVendorsDirectoryAndAutoCounterpartsMakeATestWorldWithATokenPerImportedUnit(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("my-units.csv"), """
        id,name,finess,departement,modules,targetKinds
        MY-CARDIO,Cardiologie (notre hôpital),130000003,13,SANITAIRE|PRADO,
        MY-SMR,SMR de notre groupe,130000011,13,SANITAIRE,SMR
        """);
    try (ReferenceServer server = serve("serve", "--port", "0", "--directory", csv.toString(), "--counterparts",
        "auto")) {
      String text = out.toString();
      assertThat(text).contains("Imported units (2)", "Counterparts (3 rules, seed 2026)");
      Matcher m = Pattern.compile("MY-SMR: (\\S+)").matcher(text);
      assertThat(m.find()).isTrue();
      assertThat(server.tokens().verify(m.group(1)).orElseThrow().role())
          .isEqualTo(io.vtsdk.model.workflow.Role.RECEIVER);
      assertThat(server.core().directory().unit(io.vtsdk.model.UnitId.of("MY-CARDIO")).structure().value())
          .isEqualTo("130000003");
    }
  }

  @Test
  void aRefusedDirectoryFileStopsTheStartWithOneSentenceNamingTheLine(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("units.csv"),
        "id,name,modules\nA,Unité A,SANITAIRE\nB,Unité B,HOTEL\n");
    assertThat(refused("serve", "--port", "0", "--directory", csv.toString()))
        .startsWith("vt serve: units.csv: line 3, column modules: ").doesNotContain("HOTEL");
    java.nio.file.Path world = java.nio.file.Files.writeString(dir.resolve("world.yaml"),
        "counterparts:\n  - role: CPAM\n    answer: PRADO_ADHESION\n    after: soon\n");
    assertThat(refused("serve", "--port", "0", "--counterparts", world.toString()))
        .startsWith("vt serve: world.yaml: /counterparts/0/after: ");
  }

  /** Runs {@code vt args}, which must exit 1; what it printed on standard error. */
  private static String refused(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setErr(new PrintWriter(err));
    assertThat(cmd.execute(args)).isEqualTo(1);
    return err.toString();
  }

  @Test
  void serveScenarioDrivenByAScriptWritesTheThreeReportsAndExitsZeroWhenEveryCheckPassed(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path out = dir.resolve("out");
    CommandLine cmd = Main.newCommandLine();
    java.io.PipedWriter pipe = new java.io.PipedWriter();
    java.io.BufferedReader printed = new java.io.BufferedReader(new java.io.PipedReader(pipe, 1 << 16));
    cmd.setOut(new PrintWriter(pipe, true));
    CommandLine.ParseResult parsed = cmd.parseArgs("serve", "--port", "0", "--no-demo", "--scenario", "dpi-prado",
        "--report", out.toString(), "--idle", "PT1S", "--step-timeout", "PT20S");
    ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
    ReferenceServer server = ReferenceServer.builder().build().start();
    java.util.concurrent.Future<Integer> exit = java.util.concurrent.Executors.newSingleThreadExecutor()
        .submit(() -> serve.runScenario(server));
    try {
      String token = null;
      String data = null;
      while (data == null) {
        String line = printed.readLine();
        if (line.contains("session token")) {
          token = line.substring(line.lastIndexOf(' ') + 1);
        } else if (line.startsWith("  data: ")) {
          data = line.substring(8);
        }
      }
      // the script: the EHR's two calls, as the instruction says, with idempotency keys
      com.fasterxml.jackson.databind.JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data);
      String created = post(server, token, "/v1/dossiers", d.get("dossier").toString());
      String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asText();
      post(server, token, "/v1/dossiers/" + id + "/requests", "{\"units\":" + d.get("units") + "}");
      StringBuilder rest = new StringBuilder();
      for (String line = printed.readLine(); line != null && !line.startsWith("Scenario "); line = printed.readLine()) {
        rest.append(line).append('\n'); // the steps' and the checks' lines, up to the verdict
      }
      assertThat(exit.get(2, java.util.concurrent.TimeUnit.MINUTES)).as("every check passed:\n" + rest).isZero();
      assertThat(rest).contains("pass  idempotency-key", "Report: ");
    } finally {
      server.close();
    }
    assertThat(java.nio.file.Files.readString(out.resolve("report.xml"))).contains("name=\"check idempotency-key\"")
        .doesNotContain("<failure");
    assertThat(java.nio.file.Files.readString(out.resolve("report.json"))).contains("\"passed\" : true");
    assertThat(java.nio.file.Files.readString(out.resolve("report.html"))).contains("id=\"verdict\" class=\"pass\"");
  }

  private static String post(ReferenceServer server, String token, String path, String json) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path.replaceAll("[0-9]", "")).isEqualTo(201);
    return r.body();
  }
}
