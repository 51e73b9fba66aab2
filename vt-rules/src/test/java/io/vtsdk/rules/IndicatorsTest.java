package io.vtsdk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.audit.AuditEvent;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.nos.Nomenclatures;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.rules.indicators.DelayStats;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import io.vtsdk.rules.indicators.Ratio;
import io.vtsdk.rules.indicators.RequestIndicators;
import io.vtsdk.rules.indicators.RequestIndicators.Area;
import io.vtsdk.rules.indicators.Tuv;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorsTest {
  static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

  static AdmissionRequest req(String id, String unit, RequestStatus status, Instant sent, Instant read,
      Instant answered) {
    return new AdmissionRequest(RequestId.of(id), DossierId.of("D" + id), VtModule.HANDICAP, UnitId.of(unit), status,
        sent, read, answered, null, List.of(), 0);
  }

  @Test
  void ratioRoundsHalfUpToOneDecimalLikeTheSeed() {
    assertThat(new Ratio(1, 3).formatFr()).isEqualTo("33,3%");
    assertThat(new Ratio(1, 8).formatFr()).isEqualTo("12,5%");
    assertThat(new Ratio(1, 16).formatFr()).isEqualTo("6,3%"); // 6.25 -> 6.3 (half up)
    assertThat(new Ratio(0, 5).formatFr()).isEqualTo("0,0%");
    assertThat(new Ratio(0, 0).formatFr()).isEqualTo("–");
    assertThat(new Ratio(31, 100).formatEn()).isEqualTo("31.0%");
    assertThatThrownBy(() -> new Ratio(-1, 2)).hasMessageContaining(">= 0");
  }

  @Test
  void readAndResponseRatesAndDelays() {
    List<AdmissionRequest> rs = List.of(
        req("1", "U", RequestStatus.REFUSED, T0, T0.plusSeconds(60), T0.plusSeconds(3600)),
        req("2", "U", RequestStatus.ACCEPTED, T0, T0.plusSeconds(60), T0.plusSeconds(7200)),
        req("3", "U", RequestStatus.READ, T0, T0.plusSeconds(60), null),
        req("4", "U", RequestStatus.SENT, T0, null, null));
    assertThat(RequestIndicators.readRate(rs)).isEqualTo(new Ratio(3, 4));
    assertThat(RequestIndicators.responseRate(rs)).isEqualTo(new Ratio(2, 4));
    DelayStats s = RequestIndicators.responseDelay(rs);
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.median()).isEqualTo(Duration.ofHours(1));
    assertThat(s.p90()).isEqualTo(Duration.ofHours(2));
    assertThat(RequestIndicators.responseDelay(List.of()).median()).isNull();
  }

  @Test
  void nearestRankPercentiles() {
    List<Duration> ten = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(Duration::ofDays).toList();
    DelayStats s = RequestIndicators.stats(ten);
    assertThat(s.median()).isEqualTo(Duration.ofDays(5));
    assertThat(s.p90()).isEqualTo(Duration.ofDays(9));
  }

  @Test
  void waitingListsPlacesAndImpossibleAdmissionsPerDepartementAndCategory() {
    Unit ime69 = Unit.builder(UnitId.of("IME69"), "IME").departement(Departement.of("69")).capacity(40)
        .esmsCategory(Nomenclatures.get(NosTable.J254).coding("183").orElseThrow()).build();
    Unit mas69 = Unit.builder(UnitId.of("MAS69"), "MAS").departement(Departement.of("69")).capacity(20)
        .esmsCategory(Nomenclatures.get(NosTable.J254).coding("255").orElseThrow()).build();
    Map<UnitId, Unit> units = Map.of(ime69.id(), ime69, mas69.id(), mas69);
    List<AdmissionRequest> rs = List.of(
        req("1", "IME69", RequestStatus.WAITING_LIST_ANALYSIS, T0, null, null),
        req("2", "IME69", RequestStatus.WAITING_LIST_ADMISSIBLE, T0, null, null),
        req("3", "IME69", RequestStatus.USER_ENTERED, T0, null, null),
        req("4", "MAS69", RequestStatus.WAITING_LIST_ADMITTED, T0, null, null),
        req("5", "MAS69", RequestStatus.ADMISSION_IMPOSSIBLE_SIGNALLED, T0, null, null));
    assertThat(RequestIndicators.waitingListCounts(rs, units))
        .containsExactly(Map.entry(new Area("69", "183"), 2L), Map.entry(new Area("69", "255"), 1L));
    assertThat(RequestIndicators.waitingListToPlaces(rs, units).get(new Area("69", "183")).formatFr())
        .isEqualTo("5,0%");
    assertThat(RequestIndicators.impossibleAdmissions(rs, units)).containsExactly(Map.entry(new Area("69", "255"), 1L));
    assertThatThrownBy(() -> RequestIndicators.waitingListCounts(rs, Map.of()))
        .hasMessageContaining("not in the units map");
  }

  @Test
  void admissionDelayFromTheAuditTrail() {
    List<AuditEvent> events = List.of(
        ev("R1", Action.SEND, RequestStatus.NOTIFICATION_SENT, T0),
        ev("R1", Action.RECORD_ENTRY, RequestStatus.USER_ENTERED, T0.plus(Duration.ofDays(30))),
        ev("R2", Action.SEND, RequestStatus.SENT, T0),
        ev("R2", Action.CONFIRM_ADMISSION, RequestStatus.ADMISSION_CONFIRMED, T0.plus(Duration.ofDays(10))),
        ev("R3", Action.SEND, RequestStatus.SENT, T0));
    DelayStats s = RequestIndicators.admissionDelay(events);
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.median()).isEqualTo(Duration.ofDays(10));
    assertThat(s.p90()).isEqualTo(Duration.ofDays(30));
  }

  static AuditEvent ev(String request, Action action, RequestStatus to, Instant at) {
    return new AuditEvent(request + action, at, AuditEvent.Type.REQUEST_TRANSITION, null, null, null,
        DossierId.of("D"), RequestId.of(request), action, null, to);
  }

  @Test
  void tuvByMonthRollingAndYearExcludesMaternityAndOpenRecords() {
    List<PradoVtRecord> vt = List.of(
        new PradoVtRecord("1", "690000001", "ARA", PradoVolet.AVC, true, LocalDate.of(2026, 1, 10)),
        new PradoVtRecord("2", "690000001", "ARA", PradoVolet.AVC, true, LocalDate.of(2026, 2, 10)),
        new PradoVtRecord("3", "690000001", "ARA", PradoVolet.BPCO, true, LocalDate.of(2026, 3, 10)),
        new PradoVtRecord("4", "690000001", "ARA", PradoVolet.MATERNITE, true, LocalDate.of(2026, 3, 10)),
        new PradoVtRecord("5", "690000001", "ARA", PradoVolet.BPCO, true, null));
    List<OmvAdhesionRecord> omv = List.of(
        new OmvAdhesionRecord("690000001", "ARA", PradoVolet.AVC, LocalDate.of(2026, 1, 3)),
        new OmvAdhesionRecord("690000001", "ARA", PradoVolet.AVC, LocalDate.of(2026, 1, 4)),
        new OmvAdhesionRecord("690000001", "ARA", PradoVolet.AVC, LocalDate.of(2026, 2, 4)),
        new OmvAdhesionRecord("690000001", "ARA", PradoVolet.BPCO, LocalDate.of(2026, 3, 4)),
        new OmvAdhesionRecord("690000001", "ARA", PradoVolet.MATERNITE, LocalDate.of(2026, 3, 4)));
    assertThat(Tuv.compute(vt, omv, Tuv.Grouping.ESTABLISHMENT, Tuv.Period.MONTH)).extracting(Tuv.Row::period,
        r -> r.tuv().formatFr()).containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-01", "50,0%"),
            org.assertj.core.groups.Tuple.tuple("2026-02", "100,0%"),
            org.assertj.core.groups.Tuple.tuple("2026-03", "100,0%"));
    assertThat(Tuv.compute(vt, omv, Tuv.Grouping.ALL, Tuv.Period.ROLLING_3)).last()
        .satisfies(r -> {
          assertThat(r.period()).isEqualTo("2026-01..2026-03");
          assertThat(r.tuv()).isEqualTo(new Ratio(3, 4));
        });
    assertThat(Tuv.compute(vt, omv, Tuv.Grouping.VOLET, Tuv.Period.YEAR)).extracting(Tuv.Row::group,
        r -> r.tuv().formatFr()).containsExactly(
            org.assertj.core.groups.Tuple.tuple("AVC", "66,7%"),
            org.assertj.core.groups.Tuple.tuple("BPCO", "100,0%"));
    assertThatThrownBy(() -> Tuv.over(vt, omv, Tuv.Grouping.ALL, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
        .hasMessageContaining("is before its start");
  }
}
