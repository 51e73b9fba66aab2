package io.vtsdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code vt} in-process with captured output, in a temporary folder. */
abstract class CliTestBase {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  String out() {
    return out.toString();
  }

  /** Empties the captured output between two runs. */
  void reset() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }
}
