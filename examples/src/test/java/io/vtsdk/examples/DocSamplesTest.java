package io.vtsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.server.ReferenceServer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```java} block of README.md and docs/*.md, compiled and run as printed (a quick start that throws is a
 * bug). A block of statements runs as the body of a method; a block that declares a class (a JUnit test, a
 * conformance suite subclass) is compiled only: it is run by the frameworks it plugs into, not by itself.
 *
 * <p>A block may be preceded by {@code <!-- sample-setup: … -->}: the imports and statements the block takes from its
 * surroundings in the text (a {@code dossier} "from your chart", a running server). Every block gets the on-demand
 * imports of the public vt-sdk packages and of {@code java.util}, {@code java.time}, {@code java.net}.
 */
public class DocSamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!-- sample-setup: (.*?) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final List<String> PACKAGES = List.of("io.vtsdk.api", "io.vtsdk.charts", "io.vtsdk.client",
      "io.vtsdk.fhir",
      "io.vtsdk.fhir.dossier", "io.vtsdk.fhir.frcore", "io.vtsdk.fhir.sdo", "io.vtsdk.fhir.validation",
      "io.vtsdk.model", "io.vtsdk.model.actor", "io.vtsdk.model.directory", "io.vtsdk.model.dossier",
      "io.vtsdk.model.handicap", "io.vtsdk.model.identity", "io.vtsdk.model.json", "io.vtsdk.model.nos",
      "io.vtsdk.model.patient", "io.vtsdk.model.request", "io.vtsdk.model.validation", "io.vtsdk.model.workflow",
      "io.vtsdk.rules", "io.vtsdk.rules.csv", "io.vtsdk.rules.indicators", "io.vtsdk.server",
      "io.vtsdk.server.counterparts", "io.vtsdk.server.directory", "io.vtsdk.server.scenarios",
      "io.vtsdk.server.fixtures", "io.vtsdk.testkit.conformance", "io.vtsdk.testkit.junit",
      "java.util", "java.time", "java.net", "org.junit.jupiter.api");
  private static final List<ReferenceServer> SERVERS = new ArrayList<>();

  /** A started reference server for a sample's setup, closed after the sample. */
  public static ReferenceServer server() {
    ReferenceServer s = ReferenceServer.builder().build().start();
    SERVERS.add(s);
    return s;
  }

  @AfterEach
  void closeServers() {
    SERVERS.forEach(ReferenceServer::close);
    SERVERS.clear();
  }

  record Sample(String file, int line, String setup, String code) {
    boolean declaresAClass() {
      return code.stripLeading().startsWith("@") || code.stripLeading().startsWith("class ");
    }

    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  static Stream<Sample> samples() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Sample> out = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f);
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
        out.add(new Sample(ROOT.relativize(f).toString(), line, m.group(1) == null ? "" : m.group(1), m.group(2)));
      }
    }
    assertThat(out).as("the docs have java samples").hasSizeGreaterThan(10);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void compilesAndRunsAsPrinted(Sample sample) throws Exception {
    String className = "Sample_" + sample.file().replaceAll("[^A-Za-z0-9]", "_") + "_" + sample.line();
    StringBuilder src = new StringBuilder();
    List<String> statements = new ArrayList<>();
    for (String part : sample.setup().split(";")) {
      String p = part.strip();
      if (p.startsWith("import ")) {
        src.append(p).append(";\n");
      } else if (!p.isEmpty()) {
        statements.add(p + ";");
      }
    }
    PACKAGES.forEach(p -> src.append("import ").append(p).append(".*;\n"));
    src.append("public class ").append(className).append(" {\n");
    if (sample.declaresAClass()) {
      statements.forEach(s -> src.append("  ").append(s).append('\n'));   // fields the class uses
      src.append(sample.code()).append("\n  public static void run() {}\n}\n");
    } else {
      src.append("  public static void run() throws Exception {\n");
      statements.forEach(s -> src.append("    ").append(s).append('\n'));
      src.append(sample.code()).append("\n  }\n}\n");
    }
    Path out = Files.createTempDirectory("doc-sample");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
      JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return src;
        }
      };
      boolean ok = javac.getTask(null, files, diagnostics,
          List.of("-classpath", System.getProperty("java.class.path"), "-proc:none"), null, List.of(unit)).call();
      assertThat(ok).as(sample + " does not compile:\n" + diagnostics.getDiagnostics() + "\n" + src).isTrue();
    }
    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {out.toUri().toURL()},
        getClass().getClassLoader())) {
      try {
        loader.loadClass(className).getMethod("run").invoke(null);
      } catch (InvocationTargetException e) {
        throw new AssertionError(sample + " throws when run as printed", e.getCause());
      }
    }
  }
}
