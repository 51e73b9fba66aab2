package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./vt} launcher decides to build again when the jar is missing or older than a source or a POM (a pull, an
 * edit), and not otherwise. Run on a copy of the script in a small tree ({@code VT_BUILD_CHECK=only}: it says, builds
 * nothing).
 */
class LauncherTest {
  @TempDir Path root;

  static void at(Path file, Instant time) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.writeString(file, "x");
    }
    Files.setLastModifiedTime(file, FileTime.from(time));
  }

  @Test
  void buildsWhenTheJarIsMissingOrOlderThanASourceOrAPom() throws Exception {
    Files.copy(Path.of("..", "vt"), root.resolve("vt"));
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    at(root.resolve("pom.xml"), t);
    at(root.resolve("vt-model/pom.xml"), t);
    at(root.resolve("vt-model/src/main/java/io/vtsdk/model/A.java"), t);
    at(root.resolve("vt-cli/target/classes/B.class"), t.plusSeconds(7200)); // build output never counts
    assertThat(run(null)).isEqualTo("no vt-cli/target/vt.jar yet");
    at(root.resolve("vt-cli/target/vt.jar"), t.plusSeconds(60));
    assertThat(run(null)).isEqualTo("up to date");
    at(root.resolve("vt-model/src/main/java/io/vtsdk/model/A.java"), t.plusSeconds(120));
    assertThat(run(null)).isEqualTo("vt-model/src/main/java/io/vtsdk/model/A.java is newer than the jar");
    at(root.resolve("vt-cli/target/vt.jar"), t.plusSeconds(180));
    at(root.resolve("vt-model/pom.xml"), t.plusSeconds(240));
    assertThat(run(null)).isEqualTo("vt-model/pom.xml is newer than the jar");
    at(root.resolve("vt-cli/target/vt.jar"), t.plusSeconds(300));
    assertThat(run("1")).isEqualTo("VT_REBUILD is set");
  }

  /**
   * The file checkers start with C1 only and a class-data archive: the first run writes it (under a name of its own),
   * the next ones read it, a new jar makes it stale; the server keeps the JVM's defaults.
   */
  @Test
  void theFileCheckersStartWithC1AndAClassDataArchiveAndTheServerWithTheDefaults() throws Exception {
    Files.copy(Path.of("..", "vt"), root.resolve("vt"));
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    at(root.resolve("pom.xml"), t);
    at(root.resolve("vt-cli/target/vt.jar"), t.plusSeconds(60));
    assertThat(run(null, "jvm", "serve", "--port", "0")).isEmpty();
    String first = run(null, "jvm", "fhir", "validate", "b.json");
    assertThat(first)
        .startsWith("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit=vt-cli/target/vt-fhir-")
        .endsWith("-Xlog:cds=off -Xlog:cds+dynamic=off");
    String archive = first.replaceAll(".*ArchiveClassesAtExit=(\\S+)\\.[0-9]+ .*", "$1");
    at(root.resolve(archive), t.plusSeconds(120));
    assertThat(run(null, "jvm", "fhir", "validate", "b.json")).contains("-XX:SharedArchiveFile=" + archive + " ");
    at(root.resolve("vt-cli/target/vt.jar"), t.plusSeconds(180));
    assertThat(run(null, "jvm", "fhir", "validate", "b.json")).contains("-XX:ArchiveClassesAtExit=" + archive + ".");
    assertThat(root.resolve(archive)).as("the stale archive is deleted").doesNotExist();
    assertThat(run(null, "jvm", "validate", "d.json")).contains("-XX:ArchiveClassesAtExit=vt-cli/target/vt-validate-");
  }

  String run(String rebuild) throws IOException, InterruptedException {
    return run(rebuild, "only");
  }

  String run(String rebuild, String check, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("vt").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("VT_BUILD_CHECK", check);
    pb.environment().remove("VT_CDS");
    pb.environment().remove("VT_REBUILD");
    if (rebuild != null) {
      pb.environment().put("VT_REBUILD", rebuild);
    }
    Process p = pb.start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }
}
