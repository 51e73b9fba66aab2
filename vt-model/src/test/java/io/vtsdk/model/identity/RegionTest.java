package io.vtsdk.model.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTest {
  /** Every département code the {@link Departement} pattern accepts. */
  static List<String> allDepartements() {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 95; i++) {
      out.add(String.format("%02d", i));
    }
    out.remove("20");
    out.addAll(List.of("2A", "2B", "971", "972", "973", "974", "975", "976"));
    return out;
  }

  @Test
  void everyDepartementButSaintPierreIsInExactlyOneRegion() {
    List<String> all = allDepartements();
    assertThat(all).allMatch(Departement::isValid);
    for (String d : all) {
      long regions = Arrays.stream(Region.values()).filter(r -> r.departements().contains(d)).count();
      assertThat(regions).as(d).isEqualTo(d.equals("975") ? 0 : 1);
    }
    assertThat(Arrays.stream(Region.values()).mapToInt(r -> r.departements().size()).sum()).isEqualTo(101);
    assertThat(Region.values()).hasSize(18);
  }

  @Test
  void knownPlaces() {
    assertThat(Departement.of("69").region()).contains(Region.AUVERGNE_RHONE_ALPES);
    assertThat(Departement.of("2a").region()).contains(Region.CORSE);
    assertThat(Departement.of("975").region()).isEmpty();
    assertThat(Region.ILE_DE_FRANCE.inseeCode()).isEqualTo("11");
    assertThat(Departement.isValid("20")).isFalse();
  }
}
