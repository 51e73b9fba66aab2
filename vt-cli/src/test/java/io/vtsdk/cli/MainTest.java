package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void withoutArgumentsPrintsVersionAndUsageAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));

    int code = cmd.execute();

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("vt 0.").contains("Usage: vt");
  }

  @Test
  void versionOptionPrintsTheMavenVersion() {
    StringWriter out = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));

    assertThat(cmd.execute("--version")).isZero();
    assertThat(out.toString().trim()).matches("vt \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void unknownOptionIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setErr(new PrintWriter(err));

    assertThat(cmd.execute("--bogus")).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
  }
}
