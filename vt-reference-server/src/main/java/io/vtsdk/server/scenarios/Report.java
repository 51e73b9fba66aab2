package io.vtsdk.server.scenarios;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a session found: each step's outcome and each check's verdict with its evidence (redacted), as JSON, JUnit XML
 * (one test case per step and per check; a failed case's name holds the check's id) and a self-contained HTML page
 * (failed checks first).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Report(String session, String scenario, Instant started, Duration took, List<Check.StepResult> steps,
    List<Verdict> checks) {
  public Report {
    steps = List.copyOf(steps);
    checks = List.copyOf(checks);
  }

  /** The report's formats, each with its file name (as {@code --report DIR} writes it) and media type. */
  public enum Format {
    JSON("report.json", "application/json"),
    XML("report.xml", "application/xml; charset=utf-8"),
    HTML("report.html", "text/html; charset=utf-8");

    private final String fileName;
    private final String mediaType;

    Format(String fileName, String mediaType) {
      this.fileName = fileName;
      this.mediaType = mediaType;
    }

    public String fileName() {
      return fileName;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /** The report in {@code format}: JSON, JUnit XML or HTML. */
  public String render(Format format) {
    return switch (format) {
      case JSON -> toJson().toPrettyString();
      case XML -> toJUnitXml();
      case HTML -> toHtml();
    };
  }

  /** Writes the three formats into {@code dir} (created if need be): report.json, report.xml, report.html. */
  public void writeTo(java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    for (Format f : Format.values()) {
      java.nio.file.Files.writeString(dir.resolve(f.fileName()), render(f));
    }
  }

  /** A check's verdict: passed when it found no evidence. */
  public record Verdict(String check, String description, List<String> evidence) {
    public Verdict {
      evidence = List.copyOf(evidence);
    }

    public boolean passed() {
      return evidence.isEmpty();
    }
  }

  /** True when every step reached its outcome and every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(Verdict::passed) && steps.stream().allMatch(Check.StepResult::reached);
  }

  /** The failed checks' ids, in report order. */
  public List<String> failedChecks() {
    return checks.stream().filter(v -> !v.passed()).map(Verdict::check).toList();
  }

  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode().put("session", session).put("scenario", scenario)
        .put("started", started.toString()).put("tookMillis", took.toMillis()).put("passed", passed());
    ArrayNode st = o.putArray("steps");
    steps.forEach(s -> st.addObject().put("step", s.step()).put("reached", s.reached()).put("detail", s.detail()));
    ArrayNode cs = o.putArray("checks");
    for (Verdict v : checks) {
      ObjectNode c = cs.addObject().put("check", v.check()).put("description", v.description())
          .put("passed", v.passed());
      ArrayNode ev = c.putArray("evidence");
      v.evidence().forEach(ev::add);
    }
    return o;
  }

  /** JUnit XML: one test case per step ({@code step <id>}) and per check ({@code check <id>}). */
  public String toJUnitXml() {
    long failures = checks.stream().filter(v -> !v.passed()).count() + steps.stream().filter(s -> !s.reached()).count();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
        + "time=\"%.3f\" timestamp=\"%s\">%n", xml("vt-scenario " + scenario), steps.size() + checks.size(), failures,
        took.toMillis() / 1000.0, started));
    for (Check.StepResult s : steps) {
      b.append("  <testcase classname=\"").append(xml(scenario)).append("\" name=\"step ").append(xml(s.step()))
          .append("\">");
      if (!s.reached()) {
        b.append("<failure message=\"").append(xml(s.detail())).append("\"/>");
      }
      b.append("</testcase>\n");
    }
    for (Verdict v : checks) {
      b.append("  <testcase classname=\"").append(xml(scenario)).append("\" name=\"check ").append(xml(v.check()))
          .append("\">");
      if (!v.passed()) {
        b.append("<failure message=\"").append(xml(v.description())).append("\">")
            .append(xml(String.join("\n", v.evidence()))).append("</failure>");
      }
      b.append("</testcase>\n");
    }
    return b.append("</testsuite>\n").toString();
  }

  /** A self-contained HTML page: the verdict, the failed checks first with their evidence, then the steps. */
  public String toHtml() {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>").append(xml(scenario)).append(" — ").append(passed() ? "passed" : "failed").append("</title>"
        + "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        + ".fail{color:#a00}.pass{color:#060}li{margin:.3rem 0}code{word-break:break-all}</style></head><body>");
    b.append("<h1>").append(xml(scenario)).append(" <span id=\"verdict\" class=\"").append(passed() ? "pass" : "fail")
        .append("\">").append(passed() ? "passed" : "failed").append("</span></h1>");
    b.append("<p>Session ").append(xml(session)).append(", started ").append(started).append(", ")
        .append(took.toMillis()).append(" ms.</p><h2>Checks</h2><ol id=\"checks\">");
    checks.stream().sorted(java.util.Comparator.comparing(Verdict::passed)).forEach(v -> {
      b.append("<li data-check=\"").append(xml(v.check())).append("\" class=\"").append(v.passed() ? "pass" : "fail")
          .append("\"><strong>").append(xml(v.check())).append("</strong> — ").append(v.passed() ? "passed" : "FAILED")
          .append(": ").append(xml(v.description()));
      if (!v.passed()) {
        b.append("<ul>");
        v.evidence().forEach(e -> b.append("<li><code>").append(xml(e)).append("</code></li>"));
        b.append("</ul>");
      }
      b.append("</li>");
    });
    b.append("</ol><h2>Steps</h2><ol id=\"steps\">");
    steps.forEach(s -> b.append("<li class=\"").append(s.reached() ? "pass" : "fail").append("\">")
        .append(xml(s.step())).append(": ").append(xml(s.detail())).append("</li>"));
    return b.append("</ol></body></html>\n").toString();
  }

  private static String xml(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
