package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.rules.indicators.Extracts;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import io.vtsdk.rules.indicators.Tuv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds the regional TUV table of seed 003 ("Taux d'usage de VT Prado – tous volets (hors maternité) janvier /
 * avril 2026 par rapport à janvier / avril 2025") from individual records.
 *
 * <p>The seed gives the VT counts (numerators) and the rates, not the OMV denominators. The test derives, for each
 * region, an OMV count consistent with the published (rounded) rate and such that the regions add up to the
 * published total rate; the regions with no VT dossier take the rest. It then generates one record per dossier and
 * per adhesion, spread over establishments, volets and months, plus records that must NOT count (maternity, not
 * closed, non-adhesion, closed outside January–April), and checks that {@link Tuv} prints the seed's table.
 */
class TuvSeedTableTest {

  /** Region, VT 2025, VT 2026, TUV 2025, TUV 2026 — copied from seed 003. */
  static final String[][] SEED = {
    {"AUVERGNE - RHÔNE ALPES", "1594", "1667", "33,6%", "49,0%"},
    {"BOURGOGNE FRANCHE COMTE", "485", "530", "32,8%", "42,6%"},
    {"BRETAGNE", "0", "3", "0,0%", "0,1%"},
    {"CENTRE VAL DE LOIRE", "434", "490", "20,1%", "27,2%"},
    {"GRAND EST", "17", "86", "0,5%", "3,0%"},
    {"HAUTS DE FRANCE", "333", "936", "6,0%", "23,9%"},
    {"ILE DE FRANCE", "71", "1115", "1,0%", "20,0%"},
    {"NORMANDIE", "324", "282", "13,3%", "13,8%"},
    {"NOUVELLE AQUITAINE", "1852", "1605", "33,8%", "39,4%"},
    {"OCCITANIE", "1467", "1980", "30,6%", "53,0%"},
    {"PAYS DE LA LOIRE", "619", "724", "30,2%", "43,4%"},
    {"PROVENCE CÔTE D'AZUR-CORSE", "1157", "2485", "19,1%", "49,7%"},
    {"GUADELOUPE", "0", "0", "0,0%", "0,0%"},
    {"GUYANE", "0", "0", "0,0%", "0,0%"},
    {"LA RÉUNION", "0", "1", "0,0%", "0,5%"},
    {"MARTINIQUE", "0", "0", "0,0%", "0,0%"},
  };
  static final String[] TOTAL = {"Total", "8353", "11904", "17,1%", "31,0%"};

  static final PradoVolet[] VOLETS = {PradoVolet.CHIRURGIE, PradoVolet.BPCO, PradoVolet.INSUFFISANCE_CARDIAQUE,
      PradoVolet.AVC, PradoVolet.PERSONNES_AGEES};

  @Test
  void rebuildsTheSeedsRegionalTableFor2025And2026() {
    for (int y = 0; y < 2; y++) {
      int year = 2025 + y;
      Map<String, Integer> omv = fitDenominators(y);
      List<PradoVtRecord> vt = new ArrayList<>();
      List<OmvAdhesionRecord> adhesions = new ArrayList<>();
      Random r = new Random(year);
      for (String[] row : SEED) {
        generate(row[0], Integer.parseInt(row[1 + y]), omv.get(row[0]), year, r, vt, adhesions);
      }
      List<Tuv.Row> byRegion = Tuv.over(vt, adhesions, Tuv.Grouping.REGION, LocalDate.of(year, 1, 1),
          LocalDate.of(year, 4, 30));
      Map<String, Tuv.Row> rows = new LinkedHashMap<>();
      byRegion.forEach(row -> rows.put(row.group(), row));
      for (String[] expected : SEED) {
        Tuv.Row row = rows.get(expected[0]);
        assertThat(row).as(expected[0]).isNotNull();
        assertThat(row.tuv().numerator()).as(expected[0] + " VT " + year).isEqualTo(Long.parseLong(expected[1 + y]));
        assertThat(row.tuv().formatFr()).as(expected[0] + " TUV " + year).isEqualTo(expected[3 + y]);
      }
      Tuv.Row total = Tuv.over(vt, adhesions, Tuv.Grouping.ALL, LocalDate.of(year, 1, 1), LocalDate.of(year, 4, 30))
          .get(0);
      assertThat(total.tuv().numerator()).isEqualTo(Long.parseLong(TOTAL[1 + y]));
      assertThat(total.tuv().formatFr()).as("Total " + year).isEqualTo(TOTAL[3 + y]);
    }
  }

  @Test
  void theSameTableThroughTheExtractReaders(@TempDir Path dir) throws IOException {
    int year = 2026;
    Map<String, Integer> omvCounts = fitDenominators(1);
    List<PradoVtRecord> vt = new ArrayList<>();
    List<OmvAdhesionRecord> adhesions = new ArrayList<>();
    Random r = new Random(year);
    for (String[] row : SEED) {
      generate(row[0], Integer.parseInt(row[2]), omvCounts.get(row[0]), year, r, vt, adhesions);
    }
    Path vtCsv = dir.resolve("vt.csv");
    Path omvCsv = dir.resolve("omv.csv");
    // columns in another order than the records', an extra column, the optional cpam, quoted regions
    try (var w = Files.newBufferedWriter(vtCsv)) {
      w.write("closedOn,volet,finessGeographique,dossierId,adhesion,region,cpam,comment\n");
      for (PradoVtRecord v : vt) {
        w.write((v.closedOn() == null ? "" : v.closedOn()) + "," + v.volet() + "," + v.finessGeographique() + ","
            + v.dossierId() + "," + v.adhesion() + ",\"" + v.region() + "\",691,\n");
      }
    }
    try (var w = Files.newBufferedWriter(omvCsv)) {
      w.write("finessGeographique,region,volet,closedOn\n");
      for (OmvAdhesionRecord o : adhesions) {
        w.write(o.finessGeographique() + ",\"" + o.region() + "\"," + o.volet() + ","
            + (o.closedOn() == null ? "" : o.closedOn()) + "\n");
      }
    }
    List<PradoVtRecord> readVt = Extracts.pradoVt(vtCsv);
    List<OmvAdhesionRecord> readOmv = Extracts.omv(omvCsv);
    assertThat(readVt).hasSameSizeAs(vt);
    assertThat(readOmv).hasSameSizeAs(adhesions);
    Map<String, Tuv.Row> rows = new LinkedHashMap<>();
    Tuv.over(readVt, readOmv, Tuv.Grouping.REGION, LocalDate.of(year, 1, 1), LocalDate.of(year, 4, 30))
        .forEach(row -> rows.put(row.group(), row));
    for (String[] expected : SEED) {
      assertThat(rows.get(expected[0]).tuv().numerator()).as(expected[0]).isEqualTo(Long.parseLong(expected[2]));
      assertThat(rows.get(expected[0]).tuv().formatFr()).as(expected[0]).isEqualTo(expected[4]);
    }
    assertThat(Tuv.over(readVt, readOmv, Tuv.Grouping.ALL, LocalDate.of(year, 1, 1), LocalDate.of(year, 4, 30))
        .get(0).tuv().formatFr()).isEqualTo(TOTAL[4]);
    // the open records (one VT, one OMV per region) are read and counted apart, not refused
    Tuv.Counter counter = new Tuv.Counter(Tuv.Grouping.ALL, null);
    Extracts.readPradoVt(vtCsv, counter::add);
    Extracts.readOmv(omvCsv, counter::add);
    assertThat(counter.openRecords()).isEqualTo(2L * SEED.length);
  }

  /** OMV counts per region consistent with the seed's rounded rates and total. */
  static Map<String, Integer> fitDenominators(int y) {
    Map<String, Integer> d = new LinkedHashMap<>();
    Map<String, int[]> bounds = new LinkedHashMap<>();
    List<String> zero = new ArrayList<>();
    long sum = 0;
    for (String[] row : SEED) {
      int vt = Integer.parseInt(row[1 + y]);
      if (vt == 0) {
        zero.add(row[0]);
        continue;
      }
      double rate = Double.parseDouble(row[3 + y].replace("%", "").replace(',', '.'));
      int lo = (int) Math.ceil(vt / ((rate + 0.05) / 100));
      int hi = (int) Math.floor(vt / ((rate - 0.05) / 100) - 1e-9);
      int mid = (int) Math.round(vt / (rate / 100));
      bounds.put(row[0], new int[] {lo, hi});
      d.put(row[0], Math.max(lo, Math.min(hi, mid)));
      sum += d.get(row[0]);
    }
    int totalVt = Integer.parseInt(TOTAL[1 + y]);
    double totalRate = Double.parseDouble(TOTAL[3 + y].replace("%", "").replace(',', '.'));
    long target = Math.round(totalVt / (totalRate / 100));
    long rest = target - sum;
    // shrink regions within their bounds if the rest must be smaller than one record per zero-VT region
    for (Map.Entry<String, int[]> b : bounds.entrySet()) {
      while (rest < zero.size() && d.get(b.getKey()) > b.getValue()[0]) {
        d.merge(b.getKey(), -1, Integer::sum);
        rest++;
      }
    }
    for (int i = 0; i < zero.size(); i++) {
      d.put(zero.get(i), (int) (rest / zero.size() + (i < rest % zero.size() ? 1 : 0)));
    }
    return d;
  }

  static void generate(String region, int vtCount, int omvCount, int year, Random r, List<PradoVtRecord> vt,
      List<OmvAdhesionRecord> omv) {
    // FINESS-shaped numbers (nine digits, not starting with 00), three per region
    int index = java.util.Arrays.asList(SEED).stream().map(row -> row[0]).toList().indexOf(region);
    String[] establishments = {(10 + index) + "000001" + "1", (10 + index) + "000002" + "1",
        (10 + index) + "000003" + "1"};
    for (int i = 0; i < vtCount; i++) {
      vt.add(new PradoVtRecord("D" + i, establishments[i % 3], region, VOLETS[r.nextInt(VOLETS.length)], true,
          LocalDate.of(year, 1 + r.nextInt(4), 1 + r.nextInt(28))));
    }
    for (int i = 0; i < omvCount; i++) {
      omv.add(new OmvAdhesionRecord(establishments[i % 3], region, VOLETS[r.nextInt(VOLETS.length)],
          LocalDate.of(year, 1 + r.nextInt(4), 1 + r.nextInt(28))));
    }
    // noise that must not count
    LocalDate inRange = LocalDate.of(year, 2, 10);
    vt.add(new PradoVtRecord("M", establishments[0], region, PradoVolet.MATERNITE, true, inRange));
    vt.add(new PradoVtRecord("OPEN", establishments[0], region, PradoVolet.AVC, true, null));
    vt.add(new PradoVtRecord("NON", establishments[0], region, PradoVolet.AVC, false, inRange));
    vt.add(new PradoVtRecord("MAY", establishments[0], region, PradoVolet.AVC, true, LocalDate.of(year, 5, 1)));
    omv.add(new OmvAdhesionRecord(establishments[1], region, PradoVolet.MATERNITE, inRange));
    omv.add(new OmvAdhesionRecord(establishments[1], region, PradoVolet.BPCO, null));
    omv.add(new OmvAdhesionRecord(establishments[1], region, PradoVolet.BPCO, LocalDate.of(year - 1, 12, 31)));
  }
}
