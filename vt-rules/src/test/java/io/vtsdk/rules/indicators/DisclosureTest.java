package io.vtsdk.rules.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureTest {
  record Cell(String table, String group, long people) {}

  static List<Cell> published(List<Cell> cells) {
    return Disclosure.publishable(Disclosure.THRESHOLD, cells, Cell::table, Cell::people,
        c -> c.group().equals("Total"));
  }

  @Test
  void aRowOfOneToTenPeopleIsWithheldAndZeroOrElevenArePublished() {
    List<Cell> cells = List.of(new Cell("t", "a", 0), new Cell("t", "b", 1), new Cell("t", "c", 10),
        new Cell("t", "d", 11), new Cell("t", "Total", 22));
    assertThat(published(cells)).extracting(Cell::group).containsExactly("a", "d", "Total");
  }

  @Test
  void aLoneWithheldRowTakesTheSmallestOtherOfItsTableButNeverTheTotal() {
    // without secondary suppression, Total − (12 + 40) would give back the 3
    List<Cell> cells = List.of(new Cell("t", "a", 3), new Cell("t", "b", 12), new Cell("t", "c", 40),
        new Cell("t", "Total", 55), new Cell("u", "a", 12), new Cell("u", "Total", 12));
    assertThat(published(cells)).extracting(c -> c.table() + c.group()).containsExactly("tc", "tTotal", "ua",
        "uTotal");
  }

  @Test
  void twoWithheldRowsOfATableNeedNoSecondaryOne() {
    List<Cell> cells = List.of(new Cell("t", "a", 3), new Cell("t", "b", 4), new Cell("t", "c", 40));
    assertThat(published(cells)).extracting(Cell::group).containsExactly("c");
  }

  @Test
  void aThresholdOfOnePublishesEverything() {
    List<Cell> cells = List.of(new Cell("t", "a", 1), new Cell("t", "b", 2));
    assertThat(Disclosure.publishable(1, cells, Cell::table, Cell::people, c -> false)).isEqualTo(cells);
  }
}
