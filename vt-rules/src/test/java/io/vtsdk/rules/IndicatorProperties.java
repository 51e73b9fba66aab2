package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.HandicapRecord;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import io.vtsdk.rules.indicators.Ratio;
import io.vtsdk.rules.indicators.Tuv;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the indicators over random extracts. */
class IndicatorProperties {
  static final List<String> STATUSES = List.of("39", "40", "42", "43", "45", "46", "47", "48", "49", "71", "72");

  @Provide
  Arbitrary<List<HandicapRecord>> handicap() {
    Arbitrary<HandicapRecord> line = Combinators.combine(
        Arbitraries.integers().between(1, 30).map(i -> "P" + (100 + i)),
        Arbitraries.of("69", "01", "75", "2A"),
        Arbitraries.of("183", "255", "382"),
        Arbitraries.of("69", "01", "42", "75"),
        Arbitraries.of(STATUSES),
        Arbitraries.integers().between(0, 400),
        Arbitraries.integers().between(1950, 2020))
        .as((person, dep, category, esmsDep, status, days, born) -> new HandicapRecord(person, dep,
            dep.equals("75") ? "IDF" : "ARA", LocalDate.of(born, 6, 1), LocalDate.of(2026, 1, 1), "690000013",
            category, esmsDep, esmsDep.equals("75") ? "IDF" : "ARA", status, LocalDate.of(2026, 2, 1),
            status.equals("45") ? "113" : null, status.equals("47") ? LocalDate.of(2026, 1, 1).plusDays(days)
            : null));
    // the person's own columns are the same on each of their lines: take the first line's
    return line.list().ofMaxSize(80).map(IndicatorProperties::consistentPeople);
  }

  static List<HandicapRecord> consistentPeople(List<HandicapRecord> lines) {
    Map<String, HandicapRecord> first = new TreeMap<>();
    lines.forEach(l -> first.putIfAbsent(l.personId(), l));
    return lines.stream().map(l -> {
      HandicapRecord p = first.get(l.personId());
      return new HandicapRecord(l.personId(), p.personDepartement(), p.personRegion(), p.birthDate(), l.notifiedOn(),
          l.esmsFiness(), l.esmsCategory(), l.esmsDepartement(), l.esmsRegion(), l.status(), l.statusDate(),
          l.motif(), l.enteredOn());
    }).toList();
  }

  @Property(tries = 200)
  void peopleNeverExceedNotifications(@ForAll("handicap") List<HandicapRecord> lines) {
    for (HandicapIndicators.Row row : HandicapIndicators.compute(lines)) {
      if (row.people() >= 0 && row.notifications() >= 0) {
        assertThat(row.people()).as(row.indicator().code() + " " + row.group()).isLessThanOrEqualTo(row.notifications());
      }
    }
  }

  @Property(tries = 200)
  void aGroupsPeopleNeverExceedTheTotalAndTheTotalIsDistinctPeople(
      @ForAll("handicap") List<HandicapRecord> lines) {
    List<HandicapIndicators.Row> rows = HandicapIndicators.compute(lines);
    long distinct = lines.stream().map(HandicapRecord::personId).distinct().count();
    HandicapIndicators.Row people = rows.stream().filter(r -> r.indicator() == HandicapIndicators.Indicator.PEOPLE).findFirst()
        .orElseThrow();
    assertThat(people.people()).isEqualTo(distinct);
    assertThat(people.notifications()).isEqualTo(lines.size());
    long waiting = rows.stream().filter(r -> r.indicator() == HandicapIndicators.Indicator.WAITING_LIST).findFirst().orElseThrow()
        .people();
    // the départements partition the people; categories may overlap (one person, lists of two categories)
    assertThat(rows.stream().filter(r -> r.indicator() == HandicapIndicators.Indicator.WAITING_LIST_BY_DEPARTEMENT)
        .mapToLong(HandicapIndicators.Row::people).sum()).isEqualTo(waiting);
    rows.stream().filter(r -> r.indicator() == HandicapIndicators.Indicator.WAITING_LIST_BY_CATEGORY)
        .forEach(r -> assertThat(r.people()).isLessThanOrEqualTo(waiting));
  }

  @Property(tries = 200)
  void streamingInPersonOrderEqualsTheWholeComputation(@ForAll("handicap") List<HandicapRecord> lines) {
    HandicapIndicators.Counter c = new HandicapIndicators.Counter();
    lines.stream().sorted(Comparator.comparing(HandicapRecord::personId)).forEach(c::add);
    assertThat(c.rows()).isEqualTo(HandicapIndicators.compute(lines));
  }

  @Provide
  Arbitrary<List<PradoVtRecord>> vt() {
    return Combinators.combine(Arbitraries.of("690000013", "010000011", "750000018"), Arbitraries.of(
        PradoVolet.values()), Arbitraries.of(true, false), Arbitraries.integers().between(0, 30))
        .as((finess, volet, adhesion, month) -> new PradoVtRecord("D", finess, finess.substring(0, 2), volet,
            adhesion, month == 30 ? null : LocalDate.of(2025, 1, 15).plusMonths(month), month % 2 == 0 ? "691"
            : "011"))
        .list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<OmvAdhesionRecord>> omv() {
    return Combinators.combine(Arbitraries.of("690000013", "010000011", "750000018"), Arbitraries.of(
        PradoVolet.values()), Arbitraries.integers().between(0, 30))
        .as((finess, volet, month) -> new OmvAdhesionRecord(finess, finess.substring(0, 2), volet,
            month == 30 ? null : LocalDate.of(2025, 1, 15).plusMonths(month), "691"))
        .list().ofMaxSize(60);
  }

  @Property(tries = 200)
  void everyGroupGetsEveryWindowAndTheGroupsAddUpToTheTotal(@ForAll("vt") List<PradoVtRecord> vt,
      @ForAll("omv") List<OmvAdhesionRecord> omv, @ForAll Tuv.Period period, @ForAll Tuv.Grouping grouping) {
    List<Tuv.Row> total = Tuv.compute(vt, omv, Tuv.Grouping.ALL, period);
    List<Tuv.Row> rows = Tuv.compute(vt, omv, grouping, period);
    Set<String> windows = total.stream().map(Tuv.Row::period).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, List<String>> byGroup = new TreeMap<>();
    rows.forEach(r -> byGroup.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r.period()));
    byGroup.forEach((g, periods) -> assertThat(periods).as(g).containsExactlyElementsOf(windows));
    for (String w : windows) {
      Ratio sum = rows.stream().filter(r -> r.period().equals(w)).map(Tuv.Row::tuv)
          .reduce(new Ratio(0, 0), Ratio::plus);
      Ratio all = total.stream().filter(r -> r.period().equals(w)).findFirst().orElseThrow().tuv();
      assertThat(sum).as(w).isEqualTo(all);
    }
  }

  @Property(tries = 100)
  void theCpamFilterKeepsExactlyItsRecords(@ForAll("vt") List<PradoVtRecord> vt,
      @ForAll("omv") List<OmvAdhesionRecord> omv) {
    List<PradoVtRecord> only691 = vt.stream().filter(r -> "691".equals(r.cpamCode())).toList();
    assertThat(Tuv.compute(vt, omv, Tuv.Grouping.VOLET, Tuv.Period.QUARTER, Set.of("691")))
        .isEqualTo(Tuv.compute(only691, omv, Tuv.Grouping.VOLET, Tuv.Period.QUARTER));
  }
}
