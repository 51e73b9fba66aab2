package io.vtsdk.rules.orientation;

import io.vtsdk.model.dossier.SmrMention;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.nos.Csv;
import io.vtsdk.rules.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The Sanitaire orientation aid as a decision table with hit policy COLLECT + PRIORITY: every row whose inputs match
 * the questionnaire contributes a proposal; proposals are sorted by priority (1 = best) and deduplicated by target
 * and mention, keeping the best.
 *
 * <pre>{@code
 * OrientationAid aid = OrientationAid.standard();   // the table of io/vtsdk/rules/orientation/sanitaire.csv
 * OrientationAdvice advice = aid.advise(new Questionnaire(FAVORABLE_IMMEDIATE, SIMPLE_CARE_NEEDS_SUPPORT,
 *     AFTER_ACUTE_EPISODE, ADULT, "Cardiologie et pathologies vasculaires", "Insuffisance cardiaque", null));
 * }</pre>
 *
 * <p>The table is data: one CSV row per rule, {@code *} matching any answer, each row with its source ({@code seed}
 * or {@code assumption}). Load your own with {@link #fromCsv(InputStream, String)}. Immutable and thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class OrientationAid {
  private static final String STANDARD = "sanitaire.csv";
  private final List<Row> rows;

  private OrientationAid(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The standard table shipped with vt-rules. */
  public static OrientationAid standard() {
    try (InputStream in = OrientationAid.class.getResourceAsStream(STANDARD)) {
      if (in == null) {
        throw new IllegalStateException("io/vtsdk/rules/orientation/" + STANDARD + " is missing from the jar");
      }
      return fromCsv(in, STANDARD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a table: header {@code id,environment,condition,objective,public,family,target,smrMention,priority,label,
   * source}; {@code *} or empty matches anything.
   *
   * @throws IllegalArgumentException naming the line and column of a bad value
   */
  public static OrientationAid fromCsv(InputStream in, String name) throws IOException {
    List<Map<String, String>> records = Csv.readWithHeader(in);
    List<Row> rows = new ArrayList<>();
    int line = 1;
    for (Map<String, String> r : records) {
      line++;
      rows.add(Row.parse(r, name, line));
    }
    return new OrientationAid(rows);
  }

  /** The number of rows (rules) in the table. */
  public int size() {
    return rows.size();
  }

  public OrientationAdvice advise(Questionnaire q) {
    Objects.requireNonNull(q, "q");
    List<String> matched = new ArrayList<>();
    Map<String, Proposal> best = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.matches(q)) {
        matched.add(row.id);
        Proposal p = row.proposal();
        String key = p.target() + "/" + p.smrMention();
        best.merge(key, p, (a, b) -> a.priority() <= b.priority() ? a : b);
      }
    }
    List<Proposal> proposals = new ArrayList<>(best.values());
    proposals.sort(Comparator.comparingInt(Proposal::priority));
    List<String> path = new ArrayList<>();
    if (q.publicGroup() != null) {
      path.add(q.publicGroup() == Questionnaire.Public.CHILD ? "Enfants" : "Adultes");
    }
    for (String s : new String[] {q.family(), q.subFamily(), q.detail()}) {
      if (s != null && !s.isBlank()) {
        path.add(s);
      }
    }
    return new OrientationAdvice(proposals, matched, path);
  }

  private record Row(String id, Questionnaire.Environment environment, Questionnaire.Condition condition,
      Questionnaire.Objective objective, Questionnaire.Public publicGroup, String family, TargetKind target,
      SmrMention mention, int priority, String label, Source source) {

    static Row parse(Map<String, String> r, String name, int line) {
      Function<String, String> cell = c -> {
        String v = r.get(c);
        if (v == null) {
          throw new IllegalArgumentException(name + ":" + line + ": missing column '" + c + "'");
        }
        v = v.trim();
        return v.isEmpty() || v.equals("*") ? null : v;
      };
      try {
        TargetKind target = TargetKind.valueOf(Objects.requireNonNull(cell.apply("target"), "target"));
        if (target.module() != io.vtsdk.model.VtModule.SANITAIRE) {
          throw new IllegalArgumentException("target " + target + " is not a SANITAIRE target");
        }
        String src = Objects.requireNonNull(cell.apply("source"), "source");
        Source source = src.toLowerCase(Locale.ROOT).startsWith("seed")
            ? Source.seed(src) : Source.assumption(src);
        return new Row(Objects.requireNonNull(cell.apply("id"), "id"),
            parseEnum(Questionnaire.Environment.class, cell.apply("environment")),
            parseEnum(Questionnaire.Condition.class, cell.apply("condition")),
            parseEnum(Questionnaire.Objective.class, cell.apply("objective")),
            parseEnum(Questionnaire.Public.class, cell.apply("public")),
            cell.apply("family"), target, parseEnum(SmrMention.class, cell.apply("smrMention")),
            Integer.parseInt(Objects.requireNonNull(cell.apply("priority"), "priority")),
            Objects.requireNonNull(cell.apply("label"), "label"), source);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(name + ":" + line + ": " + e.getMessage(), e);
      }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String v) {
      return v == null ? null : Enum.valueOf(type, v);
    }

    boolean matches(Questionnaire q) {
      return (environment == null || environment == q.environment())
          && (condition == null || condition == q.condition())
          && (objective == null || objective == q.objective())
          && (publicGroup == null || publicGroup == q.publicGroup())
          && (family == null || family.equalsIgnoreCase(q.family() == null ? "" : q.family()));
    }

    Proposal proposal() {
      return new Proposal(target, mention, priority, id, label, source);
    }
  }
}
