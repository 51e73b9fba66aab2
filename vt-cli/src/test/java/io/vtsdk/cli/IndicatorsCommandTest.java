package io.vtsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IndicatorsCommandTest extends CliTestBase {
  @Test
  void tuvPerMonthAndPerVoletFromTwoExtracts() throws Exception {
    Path vt = Files.writeString(dir.resolve("vt.csv"), String.join("\n",
        "dossierId,finessGeographique,region,volet,adhesion,closedOn",
        "D-1,690000013,ARA,AVC,true,2026-01-10",
        "D-2,690000013,ARA,AVC,false,2026-01-11",
        "D-3,690000013,ARA,BPCO,true,2026-02-03") + "\n");
    Path omv = Files.writeString(dir.resolve("omv.csv"), String.join("\n",
        "finessGeographique,region,volet,closedOn",
        "690000013,ARA,AVC,2026-01-05",
        "690000013,ARA,AVC,2026-01-06",
        "690000013,ARA,BPCO,2026-02-01",
        "690000013,ARA,BPCO,2026-02-02") + "\n");
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString())).as(err.toString()).isZero();
    assertThat(out.toString().lines()).startsWith("group,period,numerator,denominator,tuv")
        .contains("Total,2026-01,1,2,\"50,0%\"", "Total,2026-02,1,2,\"50,0%\"");

    out.getBuffer().setLength(0);
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString(), "--group", "volet",
        "--by", "year", "--lang", "en")).isZero();
    assertThat(out.toString()).contains("AVC,2026,1,2,50.0%", "BPCO,2026,1,2,50.0%");

    Path broken = Files.writeString(dir.resolve("broken.csv"), "finessGeographique,region,volet,closedOn\n"
        + "690000013,ARA,AVC,2026-13-40\n");
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", broken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("broken.csv:2:4: column closedOn");
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString(), "--by", "week"))
        .isEqualTo(2);
  }

  @Test
  void quartersEstablishmentVoletCpamAndOpenRecords() throws Exception {
    Path vt = Files.writeString(dir.resolve("vt.csv"), String.join("\n",
        "dossierId,finessGeographique,region,volet,adhesion,closedOn,cpam",
        "D-1,690000013,ARA,AVC,true,2025-04-10,691",
        "D-2,690000013,ARA,AVC,true,2025-06-11,692",
        "D-3,690000013,ARA,BPCO,true,,691",
        "D-4,750000018,IDF,BPCO,true,2025-05-03,751") + "\n");
    Path omv = Files.writeString(dir.resolve("omv.csv"), String.join("\n",
        "finessGeographique,region,volet,closedOn,cpam",
        "690000013,ARA,AVC,2025-04-05,691",
        "690000013,ARA,AVC,2025-05-05,691",
        "690000013,ARA,AVC,2025-06-05,692",
        "750000018,IDF,BPCO,2025-05-01,751",
        "750000018,IDF,BPCO,,751") + "\n");
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString(), "--by", "quarter",
        "--group", "Establishment-Volet")).as(err.toString()).isZero();
    assertThat(out().lines()).containsExactly("group,period,numerator,denominator,tuv",
        "690000013 AVC,2025T2,2,3,\"66,7%\"", "750000018 BPCO,2025T2,1,1,\"100,0%\"");
    assertThat(err.toString()).contains("9 records read; 2 open (not counted)");
    reset();
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString(), "--by", "quarter",
        "--cpam", "691,751")).isZero();
    assertThat(out().lines()).contains("Total,2025T2,2,3,\"66,7%\"");
    assertThat(err.toString()).contains("2 outside the chosen CPAMs");
  }

  @Test
  void handicapIndicatorsChartAndReport() throws Exception {
    Path extract = Files.writeString(dir.resolve("notifications.csv"), String.join("\n",
        "personId,personDepartement,personRegion,birthDate,notifiedOn,esmsFiness,esmsCategory,esmsDepartement,"
            + "esmsRegion,status,statusDate,motif,enteredOn",
        "P1,69,ARA,2015-01-01,2026-01-10,690000013,183,69,ARA,42,2026-01-12,,",
        "P1,69,ARA,2015-01-01,2026-01-10,010000011,255,01,ARA,71,2026-01-20,,",
        "P2,01,ARA,1980-01-01,2026-01-10,690000013,183,69,ARA,47,2026-02-09,,2026-02-09") + "\n");
    Path chart = dir.resolve("waiting.svg");
    Path report = dir.resolve("handicap.html");
    assertThat(run("indicators", "handicap", "--extract", extract.toString(), "--chart", chart.toString(),
        "--report", report.toString())).as(err.toString()).isZero();
    assertThat(out().lines()).startsWith("indicator,group,people,notifications,median_days,p90_days",
        "people,Total,2,3,,", "waiting-list,Total,1,2,,", "waiting-list/departement,69,1,2,,")
        .contains("admission-delay/public,ADULTE,,1,30,30");
    assertThat(Files.readString(chart)).contains("<svg", ">69</text>", ">Personnes</text>");
    assertThat(Files.readString(report)).contains("<h2>Personnes en liste d&#39;attente par catégorie d&#39;ESMS</h2>",
        "data:image/svg+xml;base64,").doesNotContain("<script");

    // not sorted by person: read in memory, the same figures
    Path unsorted = Files.writeString(dir.resolve("unsorted.csv"), String.join("\n",
        Files.readAllLines(extract).get(0), Files.readAllLines(extract).get(3), Files.readAllLines(extract).get(1),
        Files.readAllLines(extract).get(2)) + "\n");
    String sorted = out();
    reset();
    assertThat(run("indicators", "handicap", "--extract", unsorted.toString())).isZero();
    assertThat(out()).isEqualTo(sorted);
    assertThat(err.toString()).contains("not sorted by personId: read into memory");
    reset();
    assertThat(run("indicators", "handicap", "--extract", extract.toString(), "--indicator", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("expected an indicator code such as waiting-list/departement");
  }
}
