package io.vtsdk.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDossiersTest {
  /** A demo person's sex goes with their given name, whatever the seed. */
  @Test
  void demoPeopleHaveTheSexOfTheirName() {
    Map<String, String> sexOf = Map.of("Lucie", "F", "Inès", "F", "Jeanne", "F", "Paul", "M", "Louis", "M",
        "Noah", "M");
    for (long seed = 1; seed <= 50; seed++) {
      for (DemoDossiers.Scenario s : DemoDossiers.scenarios(seed, LocalDate.of(2026, 11, 23))) {
        assertThat(s.draft().patient().sex().name()).as(s.draft().id().value())
            .isEqualTo(sexOf.get(s.draft().patient().firstBirthGivenName()));
      }
    }
  }
}
