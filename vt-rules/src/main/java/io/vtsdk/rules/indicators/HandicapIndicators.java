package io.vtsdk.rules.indicators;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The Handicap indicators of the CNSA's decision-support list (seed 002: « Nb de personnes en liste d'attente par
 * département et/ou par catégorie ESMS », « Délai d'admission par département et/ou par catégorie ESMS et/ou par
 * public (enfant/adulte) », « Nb de personnes […] sans aucune solution », « Nb d'utilisateurs […] accueillis dans des
 * ESMS hors département ou hors région », « Analyse des admissions impossibles »), computed from a people/notifications
 * extract, <b>by person</b> where the text says people: a person on three waiting lists counts once. Definitions and
 * their sources (or "assumption") are in docs/indicators.md.
 *
 * <p>Statuses are TRE_R357 codes at the ESMS level:
 *
 * <ul>
 *   <li>on a waiting list: 42, 71, 72 (« Liste d'attente. … »);
 *   <li>accommodated: 47 (« Usager entré »);
 *   <li>an impossible admission: 45 (signalée), 46 (entérinée);
 *   <li>pending (a solution is still sought): 39–45, 51, 54, 71, 72.
 * </ul>
 *
 * <p>{@link Counter} takes the extract's lines one at a time, <b>grouped by person</b> (sorted by person id): memory
 * holds one person's notifications and the counts per group, whatever the extract's size.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class HandicapIndicators {
  private HandicapIndicators() {}

  /** TRE_R357 statuses of a waiting list, at the ESMS level. */
  public static final Set<String> WAITING = Set.of("42", "71", "72");
  /** TRE_R357 « Usager entré ». */
  public static final String ENTERED = "47";
  /** TRE_R357 « Admission impossible signalée » and « … entérinée ». */
  public static final Set<String> IMPOSSIBLE = Set.of("45", "46");
  /** TRE_R357 statuses where a solution is still sought (no end: not cancelled, not entered, not left). */
  public static final Set<String> PENDING = Set.of("39", "40", "41", "42", "43", "44", "45", "51", "54", "71", "72");
  /**
   * Under this age at notification, a person is in the children's public (assumption: children's ESMS keep young
   * adults up to 20, CASF L242-4, « amendement Creton »; the CNSA's own cut is not public).
   */
  public static final int CHILD_UNDER = 20;

  /** The indicators, with their code (the CSV's {@code indicator} column) and their French and English labels. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public enum Indicator {
    PEOPLE("people", "Personnes et notifications de l'extrait", "People and notifications in the extract"),
    WAITING_LIST("waiting-list", "Personnes en liste d'attente", "People on a waiting list"),
    WAITING_LIST_BY_DEPARTEMENT("waiting-list/departement",
        "Personnes en liste d'attente par département (de la personne)",
        "People on a waiting list by département (the person's)"),
    WAITING_LIST_BY_CATEGORY("waiting-list/category", "Personnes en liste d'attente par catégorie d'ESMS",
        "People on a waiting list by ESMS category"),
    WAITING_LIST_BY_DEPARTEMENT_CATEGORY("waiting-list/departement-category",
        "Personnes en liste d'attente par département et catégorie d'ESMS",
        "People on a waiting list by département and ESMS category"),
    WITHOUT_SOLUTION("without-solution", "Personnes sans aucune solution", "People with no solution"),
    WITHOUT_SOLUTION_BY_DEPARTEMENT("without-solution/departement", "Personnes sans aucune solution par département",
        "People with no solution by département"),
    OUTSIDE_DEPARTEMENT("accommodated-outside-departement", "Personnes accueillies hors de leur département",
        "People accommodated outside their département"),
    OUTSIDE_REGION("accommodated-outside-region", "Personnes accueillies hors de leur région",
        "People accommodated outside their region"),
    FROM_OTHER_REGIONS_BY_REGION("accommodated-from-other-regions/region",
        "Personnes venues d'une autre région, par région d'accueil",
        "People from another region, by region of the ESMS"),
    DELAY_BY_DEPARTEMENT("admission-delay/departement", "Délai d'admission par département (de l'ESMS)",
        "Admission delay by département (the ESMS's)"),
    DELAY_BY_CATEGORY("admission-delay/category", "Délai d'admission par catégorie d'ESMS",
        "Admission delay by ESMS category"),
    DELAY_BY_PUBLIC("admission-delay/public", "Délai d'admission par public (enfant / adulte)",
        "Admission delay by public (child / adult)"),
    IMPOSSIBLE_BY_MOTIF("impossible-admissions/motif", "Admissions impossibles par motif",
        "Impossible admissions by motif"),
    IMPOSSIBLE_BY_CATEGORY_MOTIF("impossible-admissions/category-motif",
        "Admissions impossibles par catégorie d'ESMS et motif", "Impossible admissions by ESMS category and motif");

    private final String code;
    private final String fr;
    private final String en;

    Indicator(String code, String fr, String en) {
      this.code = code;
      this.fr = fr;
      this.en = en;
    }

    /** The code: {@code waiting-list/departement}. */
    public String code() {
      return code;
    }

    /** The label in French, or in English when {@code locale}'s language is English. */
    public String label(java.util.Locale locale) {
      return locale != null && locale.getLanguage().equals("en") ? en : fr;
    }

    /** Whether the indicator is a distribution of delays ({@link Row#delay()} set). */
    public boolean isDelay() {
      return code.startsWith("admission-delay");
    }

    /** The indicator of {@code code}. */
    public static Indicator of(String code) {
      for (Indicator i : values()) {
        if (i.code.equals(code)) {
          return i;
        }
      }
      throw new IllegalArgumentException("expected one of " + java.util.Arrays.stream(values()).map(Indicator::code)
          .collect(java.util.stream.Collectors.joining(", ")));
    }
  }

  /** People and notifications of one group. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Counts(long people, long notifications) {
    Counts plus(long p, long n) {
      return new Counts(people + p, notifications + n);
    }
  }

  /**
   * One line of the indicators' table.
   *
   * @param indicator what is counted
   * @param group the group ("69", "183", "69 183", "ENFANT", a motif code, "Total")
   * @param people distinct people, or -1 where the indicator counts events
   * @param notifications notifications (or events), or -1 where not meaningful
   * @param delay the admission delays of the group, or null
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public record Row(Indicator indicator, String group, long people, long notifications, DelayStats delay) {}

  /** Computes the indicators of {@code records} (any order: they are grouped by person first). */
  public static List<Row> compute(Iterable<HandicapRecord> records) {
    Map<String, List<HandicapRecord>> byPerson = new TreeMap<>();
    records.forEach(r -> byPerson.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r));
    Counter c = new Counter();
    byPerson.values().forEach(rows -> rows.forEach(c::add));
    return c.rows();
  }

  /** Counts an extract's lines one at a time; they must come grouped by person (sorted by person id). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Counter {
    /** An empty count. */
    public Counter() {}

    private final List<HandicapRecord> person = new ArrayList<>();
    private String lastId;
    private long people;
    private long notifications;
    private Counts waiting = new Counts(0, 0);
    private final Map<String, Counts> waitingByDepartement = new TreeMap<>();
    private final Map<String, Counts> waitingByCategory = new TreeMap<>();
    private final Map<String, Counts> waitingByDepartementCategory = new TreeMap<>();
    private long withoutSolution;
    private final Map<String, Long> withoutSolutionByDepartement = new TreeMap<>();
    private long outsideDepartement;
    private long outsideRegion;
    private final Map<String, Long> fromOtherRegionsByRegion = new TreeMap<>();
    private final Map<String, DayHistogram> delayByDepartement = new TreeMap<>();
    private final Map<String, DayHistogram> delayByCategory = new TreeMap<>();
    private final Map<String, DayHistogram> delayByPublic = new TreeMap<>();
    private final Map<String, Long> impossibleByMotif = new TreeMap<>();
    private final Map<String, Long> impossibleByCategoryMotif = new TreeMap<>();

    /**
     * Adds one line.
     *
     * @throws NotSortedException when the line's person comes before the previous line's: the extract must be
     *     sorted by person id (so that a person's lines are together)
     */
    public void add(HandicapRecord r) {
      Objects.requireNonNull(r, "record");
      if (lastId != null && !lastId.equals(r.personId())) {
        if (r.personId().compareTo(lastId) < 0) {
          throw new NotSortedException();
        }
        flush();
      }
      lastId = r.personId();
      person.add(r);
    }

    private void flush() {
      if (person.isEmpty()) {
        return;
      }
      people++;
      notifications += person.size();
      HandicapRecord first = person.get(0);
      String dep = orNone(first.personDepartement());
      List<HandicapRecord> waitingRows = person.stream().filter(r -> WAITING.contains(r.status())).toList();
      if (!waitingRows.isEmpty()) {
        waiting = waiting.plus(1, waitingRows.size());
        waitingByDepartement.merge(dep, new Counts(1, waitingRows.size()), Counter::sum);
        Map<String, Long> perCategory = new TreeMap<>();
        waitingRows.forEach(r -> perCategory.merge(orNone(r.esmsCategory()), 1L, Long::sum));
        perCategory.forEach((cat, n) -> {
          waitingByCategory.merge(cat, new Counts(1, n), Counter::sum);
          waitingByDepartementCategory.merge(dep + " " + cat, new Counts(1, n), Counter::sum);
        });
      }
      boolean entered = person.stream().anyMatch(r -> ENTERED.equals(r.status()));
      if (!entered && person.stream().anyMatch(r -> PENDING.contains(r.status()))) {
        withoutSolution++;
        withoutSolutionByDepartement.merge(dep, 1L, Long::sum);
      }
      List<HandicapRecord> accommodated = person.stream().filter(r -> ENTERED.equals(r.status())).toList();
      if (accommodated.stream().anyMatch(r -> r.esmsDepartement() != null && r.personDepartement() != null
          && !r.esmsDepartement().equals(r.personDepartement()))) {
        outsideDepartement++;
      }
      Set<String> otherRegions = new LinkedHashSet<>();
      accommodated.stream().filter(r -> r.esmsRegion() != null && r.personRegion() != null
          && !r.esmsRegion().equals(r.personRegion())).forEach(r -> otherRegions.add(r.esmsRegion()));
      if (!otherRegions.isEmpty()) {
        outsideRegion++;
        otherRegions.forEach(region -> fromOtherRegionsByRegion.merge(region, 1L, Long::sum));
      }
      for (HandicapRecord r : person) {
        if (r.enteredOn() != null && r.notifiedOn() != null && !r.enteredOn().isBefore(r.notifiedOn())) {
          long days = ChronoUnit.DAYS.between(r.notifiedOn(), r.enteredOn());
          delayByDepartement.computeIfAbsent(orNone(r.esmsDepartement()), k -> new DayHistogram()).add(days);
          delayByCategory.computeIfAbsent(orNone(r.esmsCategory()), k -> new DayHistogram()).add(days);
          if (r.birthDate() != null) {
            String publicOf = Period.between(r.birthDate(), r.notifiedOn()).getYears() < CHILD_UNDER ? "ENFANT"
                : "ADULTE";
            delayByPublic.computeIfAbsent(publicOf, k -> new DayHistogram()).add(days);
          }
        }
        if (IMPOSSIBLE.contains(r.status())) {
          String motif = orNone(r.motif());
          impossibleByMotif.merge(motif, 1L, Long::sum);
          impossibleByCategoryMotif.merge(orNone(r.esmsCategory()) + " " + motif, 1L, Long::sum);
        }
      }
      person.clear();
    }

    private static Counts sum(Counts a, Counts b) {
      return a.plus(b.people(), b.notifications());
    }

    private static String orNone(String s) {
      return s == null || s.isBlank() ? "(non renseigné)" : s;
    }

    /** The indicators' table (the last person's lines are counted now). */
    public List<Row> rows() {
      flush();
      List<Row> rows = new ArrayList<>();
      rows.add(new Row(Indicator.PEOPLE, "Total", people, notifications, null));
      rows.add(new Row(Indicator.WAITING_LIST, "Total", waiting.people(), waiting.notifications(), null));
      waitingByDepartement.forEach((g, c) -> rows.add(new Row(Indicator.WAITING_LIST_BY_DEPARTEMENT, g, c.people(),
          c.notifications(), null)));
      waitingByCategory.forEach((g, c) -> rows.add(new Row(Indicator.WAITING_LIST_BY_CATEGORY, g, c.people(), c.notifications(),
          null)));
      waitingByDepartementCategory.forEach((g, c) -> rows.add(new Row(Indicator.WAITING_LIST_BY_DEPARTEMENT_CATEGORY, g,
          c.people(), c.notifications(), null)));
      rows.add(new Row(Indicator.WITHOUT_SOLUTION, "Total", withoutSolution, -1, null));
      withoutSolutionByDepartement.forEach((g, n) -> rows.add(new Row(Indicator.WITHOUT_SOLUTION_BY_DEPARTEMENT, g, n, -1,
          null)));
      rows.add(new Row(Indicator.OUTSIDE_DEPARTEMENT, "Total", outsideDepartement, -1, null));
      rows.add(new Row(Indicator.OUTSIDE_REGION, "Total", outsideRegion, -1, null));
      fromOtherRegionsByRegion.forEach((g, n) -> rows.add(new Row(Indicator.FROM_OTHER_REGIONS_BY_REGION, g, n,
          -1, null)));
      delayByDepartement.forEach((g, h) -> rows.add(delay(Indicator.DELAY_BY_DEPARTEMENT, g, h)));
      delayByCategory.forEach((g, h) -> rows.add(delay(Indicator.DELAY_BY_CATEGORY, g, h)));
      delayByPublic.forEach((g, h) -> rows.add(delay(Indicator.DELAY_BY_PUBLIC, g, h)));
      impossibleByMotif.forEach((g, n) -> rows.add(new Row(Indicator.IMPOSSIBLE_BY_MOTIF, g, -1, n, null)));
      impossibleByCategoryMotif.forEach((g, n) -> rows.add(new Row(Indicator.IMPOSSIBLE_BY_CATEGORY_MOTIF, g, -1, n,
          null)));
      return Collections.unmodifiableList(rows);
    }

    private static Row delay(Indicator indicator, String group, DayHistogram h) {
      DelayStats s = h.stats();
      return new Row(indicator, group, -1, s.count(), s);
    }
  }

  /** Lines given to a {@link Counter} not sorted by person id: use {@link #compute}, or sort the extract. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class NotSortedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotSortedException() {
      super("the extract must be sorted by person id: a person's lines together");
    }
  }

  /** Delays in whole days, counted per day: exact nearest-rank median and 90th percentile in bounded memory. */
  static final class DayHistogram {
    private long[] counts = new long[64];
    private long total;

    void add(long days) {
      int d = (int) Math.min(days, 36_500); // a century: beyond is a data error, kept at the bound
      if (d >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(d + 1, counts.length * 2));
      }
      counts[d]++;
      total++;
    }

    DelayStats stats() {
      return new DelayStats((int) Math.min(total, Integer.MAX_VALUE), Duration.ofDays(rank(50)),
          Duration.ofDays(rank(90)));
    }

    /** The nearest-rank percentile: the smallest day with at least p% of the delays at or below it. */
    private long rank(int percent) {
      long needed = (long) Math.ceil(percent / 100.0 * total);
      long seen = 0;
      for (int d = 0; d < counts.length; d++) {
        seen += counts[d];
        if (seen >= Math.max(1, needed)) {
          return d;
        }
      }
      return counts.length - 1;
    }
  }
}
