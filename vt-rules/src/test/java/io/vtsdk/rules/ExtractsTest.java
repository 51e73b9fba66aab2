package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.dossier.SocialBenefit;
import io.vtsdk.rules.csv.CsvTable;
import io.vtsdk.rules.csv.ExtractException;
import io.vtsdk.rules.csv.FactsCsv;
import io.vtsdk.rules.indicators.Extracts;
import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.HandicapRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extract readers and the facts binder: what they read, and how they refuse (file, line, column, rule). */
class ExtractsTest {
  @TempDir Path dir;

  Path csv(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  static ExtractException refusal(ThrowingCallable call) {
    try {
      call.call();
    } catch (ExtractException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected an ExtractException, got " + t, t);
    }
    throw new AssertionError("expected an ExtractException, none thrown");
  }

  @Test
  void readsAVtExtractWithOpenRecordsAndTheOptionalCpam() throws IOException {
    Path f = csv("vt.csv", Extracts.PRADO_VT_HEADER + ",cpam",
        "D-1,690000013,ARA,avc,TRUE,2026-01-10,691",
        "",
        "D-2,690000013,ARA,BPCO,false,,");
    List<PradoVtRecord> rs = Extracts.pradoVt(f);
    assertThat(rs).containsExactly(
        new PradoVtRecord("D-1", "690000013", "ARA", PradoVolet.AVC, true, LocalDate.of(2026, 1, 10), "691"),
        new PradoVtRecord("D-2", "690000013", "ARA", PradoVolet.BPCO, false, null, null));
  }

  @Test
  void refusalsNameFileLineColumnAndRuleButNeverTheValue() throws IOException {
    Path badDate = csv("bad-date.csv", Extracts.OMV_HEADER, "690000013,ARA,AVC,2026-01-05",
        "690000013,ARA,AVC,2026-13-40");
    ExtractException e = refusal(() -> Extracts.omv(badDate));
    assertThat(e.file()).isEqualTo(badDate);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(4);
    assertThat(e.getMessage()).contains("bad-date.csv:3:4: column closedOn: expected a date YYYY-MM-DD")
        .doesNotContain("2026-13-40");

    Path badVolet = csv("bad-volet.csv", Extracts.OMV_HEADER, "690000013,ARA,SECRET,2026-01-05");
    assertThat(refusal(() -> Extracts.omv(badVolet)).getMessage()).contains(":2:3: column volet: expected one of")
        .doesNotContain("SECRET");
    Path badFiness = csv("bad-finess.csv", Extracts.OMV_HEADER, "12,ARA,AVC,2026-01-05");
    assertThat(refusal(() -> Extracts.omv(badFiness)).rule()).startsWith("expected a FINESS");
    Path badCpam = csv("bad-cpam.csv", Extracts.OMV_HEADER + ",cpam", "690000013,ARA,AVC,2026-01-05,69");
    assertThat(refusal(() -> Extracts.omv(badCpam)).column()).isEqualTo(5);
    Path missing = csv("missing.csv", "finessGeographique,volet,closedOn", "690000013,AVC,2026-01-05");
    assertThat(refusal(() -> Extracts.omv(missing)).getMessage()).contains("missing column 'region'");
    Path cells = csv("cells.csv", Extracts.OMV_HEADER, "690000013,ARA,AVC");
    assertThat(refusal(() -> Extracts.omv(cells)).getMessage()).contains(":2: 3 cells, the header has 4");
    Path quote = csv("quote.csv", Extracts.OMV_HEADER, "690000013,\"ARA,AVC,2026-01-05");
    assertThat(refusal(() -> Extracts.omv(quote)).getMessage()).contains(":2: not a CSV line");
    Path empty = csv("empty.csv");
    Files.writeString(empty, "");
    assertThat(refusal(() -> Extracts.omv(empty)).getMessage()).contains("empty");
    assertThat(refusal(() -> Extracts.omv(dir.resolve("nope.csv"))).rule()).isEqualTo("no such file");
    Path twice = csv("twice.csv", Extracts.OMV_HEADER + ",region", "690000013,ARA,AVC,2026-01-05,ARA");
    assertThat(refusal(() -> Extracts.omv(twice)).getMessage()).contains(":1:5: column region: named twice");
    Path noAdhesion = csv("no-adhesion.csv", Extracts.PRADO_VT_HEADER, "D-1,690000013,ARA,AVC,,2026-01-10");
    assertThat(refusal(() -> Extracts.pradoVt(noAdhesion)).getMessage()).contains("column adhesion: a value");
  }

  @Test
  void readsAHandicapExtractAndChecksItsCodes() throws IOException {
    Path f = csv("handicap.csv", Extracts.HANDICAP_HEADER,
        "P1,69,ARA,2015-01-01,2026-01-10,690000013,183,69,ARA,42,2026-01-12,,",
        "P1,69,ARA,2015-01-01,2026-01-10,010000011,255,01,ARA,45,2026-01-20,113,",
        "P2,2A,COR,,2026-01-10,,,,,47,2026-03-01,,2026-03-01");
    List<HandicapRecord> rs = Extracts.handicap(f);
    assertThat(rs).hasSize(3);
    assertThat(rs.get(1).motif()).isEqualTo("113");
    assertThat(rs.get(2).birthDate()).isNull();
    assertThat(rs.get(2).enteredOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    HandicapIndicators.Counter c = new HandicapIndicators.Counter();
    assertThat(Extracts.readHandicap(f, c::add)).isEqualTo(3);
    assertThat(c.rows().get(0)).extracting(HandicapIndicators.Row::people, HandicapIndicators.Row::notifications)
        .containsExactly(2L, 3L);

    Path status = csv("status.csv", Extracts.HANDICAP_HEADER,
        "P1,69,ARA,2015-01-01,2026-01-10,690000013,183,69,ARA,999,2026-01-12,,");
    assertThat(refusal(() -> Extracts.handicap(status)).getMessage()).contains(":2:10: column status: not a code "
        + "of J252");
    Path dep = csv("dep.csv", Extracts.HANDICAP_HEADER,
        "P1,20,ARA,2015-01-01,2026-01-10,690000013,183,69,ARA,42,2026-01-12,,");
    assertThat(refusal(() -> Extracts.handicap(dep)).getMessage()).contains("column personDepartement: expected a "
        + "département code");
    Path category = csv("category.csv", Extracts.HANDICAP_HEADER,
        "P1,69,ARA,2015-01-01,2026-01-10,690000013,1,69,ARA,42,2026-01-12,,");
    assertThat(refusal(() -> Extracts.handicap(category)).column()).isEqualTo(7);
    Path person = csv("person.csv", Extracts.HANDICAP_HEADER,
        ",69,ARA,2015-01-01,2026-01-10,690000013,183,69,ARA,42,2026-01-12,,");
    assertThat(refusal(() -> Extracts.handicap(person)).getMessage()).contains("column personId: a value is "
        + "required");
  }

  @Test
  void factsFromAHeaderRowWithSetCells() throws IOException {
    Path f = csv("cohort.csv", "id,target,/patient/birthDate,/requester/unit/pradoVolets,"
        + "/target/unit/coveredDepartements,/adminSocial/benefits",
        "R1,PRADO/AVC,1950-03-02,AVC|BPCO,69|01,",
        "R2,EHPAD,1940-01-01,,,");
    try (CsvTable t = CsvTable.open(f, List.of())) {
      FactsCsv binder = FactsCsv.of(t);
      CsvTable.Row r1 = t.next();
      Facts facts = binder.facts(r1);
      assertThat(binder.id(r1)).isEqualTo("R1");
      assertThat(binder.target(r1)).isEqualTo(Target.parse("PRADO/AVC"));
      assertThat(facts.get(StandardFacts.REQUESTER_PRADO_VOLETS)).containsExactlyInAnyOrder(PradoVolet.AVC,
          PradoVolet.BPCO);
      assertThat(facts.get(StandardFacts.TARGET_COVERED_DEPARTEMENTS)).isEqualTo(Set.of("69", "01"));
      assertThat(facts.has(StandardFacts.BENEFITS)).isFalse(); // an empty cell is a missing input
      CsvTable.Row r2 = t.next();
      assertThat(binder.facts(r2).has(StandardFacts.REQUESTER_PRADO_VOLETS)).isFalse();
      assertThat(t.next()).isNull();
    }
    Path bad = csv("bad-set.csv", "/requester/unit/pradoVolets", "AVC||BPCO");
    try (CsvTable t = CsvTable.open(bad, List.of())) {
      FactsCsv binder = FactsCsv.of(t);
      CsvTable.Row r = t.next();
      assertThat(refusal(() -> binder.facts(r)).getMessage()).contains(":2:1:").contains("empty element");
    }
    Path wrongElement = csv("bad-element.csv", "/adminSocial/benefits", "APA|NOPE");
    try (CsvTable t = CsvTable.open(wrongElement, List.of())) {
      FactsCsv binder = FactsCsv.of(t);
      CsvTable.Row r = t.next();
      assertThat(refusal(() -> binder.facts(r)).rule()).startsWith("each element must be one of")
          .contains(SocialBenefit.values()[0].name()).doesNotContain("NOPE");
    }
    Path unknown = csv("unknown.csv", "id,/patient/nope", "R1,x");
    assertThatThrownBy(() -> {
      try (CsvTable t = CsvTable.open(unknown, List.of())) {
        FactsCsv.of(t);
      }
    }).isInstanceOf(ExtractException.class).hasMessageContaining(":1:2: column /patient/nope: not a fact");
  }
}
