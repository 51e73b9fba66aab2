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
}
