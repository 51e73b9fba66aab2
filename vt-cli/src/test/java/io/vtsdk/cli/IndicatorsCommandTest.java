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
    assertThat(err.toString()).contains("broken.csv:2: ");
    assertThat(run("indicators", "tuv", "--vt", vt.toString(), "--omv", omv.toString(), "--by", "week"))
        .isEqualTo(2);
  }
}
