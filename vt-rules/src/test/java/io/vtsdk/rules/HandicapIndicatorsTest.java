package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.HandicapIndicators.Row;
import io.vtsdk.rules.indicators.HandicapRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Handicap indicators against a small case computed by hand (the expected figures are in the comments). */
class HandicapIndicatorsTest {
  static final LocalDate JAN10 = LocalDate.of(2026, 1, 10);

  static HandicapRecord n(String person, String dep, String region, LocalDate born, String esmsCategory,
      String esmsDep, String esmsRegion, String status, String motif, LocalDate notified, LocalDate entered) {
    return new HandicapRecord(person, dep, region, born, notified, "690000013", esmsCategory, esmsDep, esmsRegion,
        status, notified, motif, entered);
  }

  /**
   * <ul>
   *   <li>P1 (69, ARA, child): waiting at an IME 69 (42), an IME 01 (71), a MAS 69 (72): one person, three
   *       notifications on waiting lists; no entry: without a solution.
   *   <li>P2 (69, ARA, adult): entered an IME 69 after 60 days; an impossible admission (45, motif 113) at a MAS 42.
   *   <li>P3 (01, ARA, child): entered an IME in Paris (75, IDF) after 20 days: outside its département and region.
   *   <li>P4 (2A, COR): a cancelled notification (49): counted as a person, nowhere else.
   *   <li>P5 (69, ARA, child): waiting at two IME in 69 (42, 72) and entered a third one after 30 days: on waiting
   *       lists but not without a solution.
   * </ul>
   */
  static List<HandicapRecord> sample() {
    LocalDate child = LocalDate.of(2015, 1, 1);
    LocalDate adult = LocalDate.of(1980, 5, 1);
    return List.of(
        n("P1", "69", "ARA", child, "183", "69", "ARA", "42", null, JAN10, null),
        n("P1", "69", "ARA", child, "183", "01", "ARA", "71", null, JAN10, null),
        n("P1", "69", "ARA", child, "255", "69", "ARA", "72", null, JAN10, null),
        n("P2", "69", "ARA", adult, "183", "69", "ARA", "47", null, JAN10, JAN10.plusDays(60)),
        n("P2", "69", "ARA", adult, "255", "42", "ARA", "45", "113", JAN10, null),
        n("P3", "01", "ARA", child, "183", "75", "IDF", "47", null, JAN10, JAN10.plusDays(20)),
        n("P4", "2A", "COR", null, "183", "2A", "COR", "49", null, JAN10, null),
        n("P5", "69", "ARA", child, "183", "69", "ARA", "42", null, JAN10, null),
        n("P5", "69", "ARA", child, "183", "69", "ARA", "72", null, JAN10, null),
        n("P5", "69", "ARA", child, "183", "69", "ARA", "47", null, JAN10, JAN10.plusDays(30)));
  }

  static Map<String, Row> byKey(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.indicator().code() + " " + r.group(), Function.identity()));
  }

  @Test
  void waitingListsCountPeopleOnceAndTheirNotifications() {
    Map<String, Row> rows = byKey(HandicapIndicators.compute(sample()));
    assertThat(rows.get("people Total")).extracting(Row::people, Row::notifications).containsExactly(5L, 10L);
    assertThat(rows.get("waiting-list Total")).extracting(Row::people, Row::notifications).containsExactly(2L, 5L);
    // by the person's département: P1 and P5 live in 69 (the IME in 01 does not make P1 an Ain resident)
    assertThat(rows.get("waiting-list/departement 69")).extracting(Row::people, Row::notifications)
        .containsExactly(2L, 5L);
    assertThat(rows).doesNotContainKey("waiting-list/departement 01");
    // by the ESMS's category: P1 twice at IME (183), once at a MAS (255); P5 twice at IME
    assertThat(rows.get("waiting-list/category 183")).extracting(Row::people, Row::notifications)
        .containsExactly(2L, 4L);
    assertThat(rows.get("waiting-list/category 255")).extracting(Row::people, Row::notifications)
        .containsExactly(1L, 1L);
    assertThat(rows.get("waiting-list/departement-category 69 183")).extracting(Row::people, Row::notifications)
        .containsExactly(2L, 4L);
  }

  @Test
  void withoutSolutionAndOutsideTheirDepartementOrRegion() {
    Map<String, Row> rows = byKey(HandicapIndicators.compute(sample()));
    // P1 only: P2, P3 and P5 entered somewhere, P4's notification is cancelled
    assertThat(rows.get("without-solution Total").people()).isEqualTo(1);
    assertThat(rows.get("without-solution/departement 69").people()).isEqualTo(1);
    // P3 lives in 01 (ARA), entered in 75 (IDF)
    assertThat(rows.get("accommodated-outside-departement Total").people()).isEqualTo(1);
    assertThat(rows.get("accommodated-outside-region Total").people()).isEqualTo(1);
    assertThat(rows.get("accommodated-from-other-regions/region IDF").people()).isEqualTo(1);
  }

  @Test
  void admissionDelaysByDepartementCategoryAndPublic() {
    Map<String, Row> rows = byKey(HandicapIndicators.compute(sample()));
    // entries: P2 60 days (IME 69, adult), P3 20 days (IME 75, child), P5 30 days (IME 69, child)
    assertThat(rows.get("admission-delay/departement 69").delay().count()).isEqualTo(2);
    assertThat(rows.get("admission-delay/departement 69").delay().median()).isEqualTo(Duration.ofDays(30));
    assertThat(rows.get("admission-delay/departement 69").delay().p90()).isEqualTo(Duration.ofDays(60));
    assertThat(rows.get("admission-delay/departement 75").delay().median()).isEqualTo(Duration.ofDays(20));
    assertThat(rows.get("admission-delay/category 183").delay().count()).isEqualTo(3);
    assertThat(rows.get("admission-delay/category 183").delay().median()).isEqualTo(Duration.ofDays(30));
    assertThat(rows.get("admission-delay/public ENFANT").delay().count()).isEqualTo(2);
    assertThat(rows.get("admission-delay/public ENFANT").delay().median()).isEqualTo(Duration.ofDays(20));
    assertThat(rows.get("admission-delay/public ADULTE").delay().median()).isEqualTo(Duration.ofDays(60));
  }

  @Test
  void impossibleAdmissionsByMotifAndCategory() {
    Map<String, Row> rows = byKey(HandicapIndicators.compute(sample()));
    assertThat(rows.get("impossible-admissions/motif 113").notifications()).isEqualTo(1);
    assertThat(rows.get("impossible-admissions/category-motif 255 113").notifications()).isEqualTo(1);
    assertThat(rows.keySet().stream().filter(k -> k.startsWith("impossible-admissions/motif"))).hasSize(1);
  }

  @Test
  void theOrderOfTheLinesDoesNotMatterToCompute() {
    List<HandicapRecord> shuffled = new ArrayList<>(sample());
    Collections.shuffle(shuffled, new java.util.Random(7));
    assertThat(HandicapIndicators.compute(shuffled)).isEqualTo(HandicapIndicators.compute(sample()));
  }

  @Test
  void theStreamingCounterWantsAPersonsLinesTogether() {
    HandicapIndicators.Counter c = new HandicapIndicators.Counter();
    c.add(sample().get(3)); // P2
    assertThatThrownBy(() -> c.add(sample().get(0))) // P1 after P2
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted by person id");
  }

  @Test
  void anEmptyExtractGivesZeroes() {
    Map<String, Row> rows = byKey(HandicapIndicators.compute(List.of()));
    assertThat(rows.get("people Total").people()).isZero();
    assertThat(rows.get("waiting-list Total").notifications()).isZero();
  }

  @Test
  void aRecordsTextNeverShowsTheBirthDate() {
    assertThat(sample().get(0).toString()).doesNotContain("2015").contains("P1");
  }
}
