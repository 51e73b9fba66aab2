package io.vtsdk.rules.indicators;

import io.vtsdk.model.UnitId;
import io.vtsdk.model.audit.AuditEvent;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Indicators over requests, pure functions over records: read and response rates of received requests (the
 * Grand-âge quality indicators of seed 002: "only 50 % of received requests read, 48 % answered"), response delays,
 * and the Handicap decision-support indicators (waiting lists per département and ESMS category, waiting list /
 * installed places, admission delay, impossible admissions).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RequestIndicators {
  private RequestIndicators() {}

  /** Statuses that count as "on a waiting list". */
  public static final Set<RequestStatus> WAITING = Collections.unmodifiableSet(EnumSet.of(RequestStatus.WAITING_LIST,
      RequestStatus.WAITING_LIST_ANALYSIS, RequestStatus.WAITING_LIST_ADMISSIBLE,
      RequestStatus.WAITING_LIST_ADMITTED));

  /** Statuses of an impossible admission (signalled by the ESMS or endorsed by the MDPH). */
  public static final Set<RequestStatus> IMPOSSIBLE = Collections.unmodifiableSet(EnumSet.of(
      RequestStatus.ADMISSION_IMPOSSIBLE_SIGNALLED, RequestStatus.ADMISSION_IMPOSSIBLE_ENDORSED));

  /** Share of received (sent) requests that were read. */
  public static Ratio readRate(Collection<AdmissionRequest> requests) {
    return shareOfSent(requests, r -> r.readAt() != null);
  }

  /** Share of received (sent) requests that were answered. */
  public static Ratio responseRate(Collection<AdmissionRequest> requests) {
    return shareOfSent(requests, r -> r.answeredAt() != null);
  }

  private static Ratio shareOfSent(Collection<AdmissionRequest> requests, Predicate<AdmissionRequest> counted) {
    long sent = 0;
    long hits = 0;
    for (AdmissionRequest r : requests) {
      if (r.sentAt() != null) {
        sent++;
        if (counted.test(r)) {
          hits++;
        }
      }
    }
    return new Ratio(hits, sent);
  }

  /** Delay from sending to the first answer, over answered requests. */
  public static DelayStats responseDelay(Collection<AdmissionRequest> requests) {
    List<Duration> delays = new ArrayList<>();
    for (AdmissionRequest r : requests) {
      if (r.sentAt() != null && r.answeredAt() != null && !r.answeredAt().isBefore(r.sentAt())) {
        delays.add(Duration.between(r.sentAt(), r.answeredAt()));
      }
    }
    return stats(delays);
  }

  /** Median and p90 by the nearest-rank method. */
  public static DelayStats stats(List<Duration> delays) {
    if (delays.isEmpty()) {
      return new DelayStats(0, null, null);
    }
    List<Duration> sorted = new ArrayList<>(delays);
    Collections.sort(sorted);
    return new DelayStats(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90));
  }

  private static Duration nearestRank(List<Duration> sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** A département and ESMS category (JDV_J254 code) key. */
  @API(status = API.Status.STABLE, since = "0.1")
  public record Area(String departement, String esmsCategory) implements Comparable<Area> {
    @Override
    public int compareTo(Area o) {
      int c = String.valueOf(departement).compareTo(String.valueOf(o.departement));
      return c != 0 ? c : String.valueOf(esmsCategory).compareTo(String.valueOf(o.esmsCategory));
    }
  }

  /**
   * Notifications (requests) on a waiting list per département and ESMS category of the receiving unit: a person on
   * three lists counts three times. For people, counted once and by the département they live in, see
   * {@link HandicapIndicators}.
   */
  public static Map<Area, Long> waitingListCounts(Collection<AdmissionRequest> requests, Map<UnitId, Unit> units) {
    return countBy(requests, units, WAITING);
  }

  /** Impossible admissions per département and ESMS category. */
  public static Map<Area, Long> impossibleAdmissions(Collection<AdmissionRequest> requests, Map<UnitId, Unit> units) {
    return countBy(requests, units, IMPOSSIBLE);
  }

  /** Waiting list / installed places per département and category (units without capacity are not counted). */
  public static Map<Area, Ratio> waitingListToPlaces(Collection<AdmissionRequest> requests, Map<UnitId, Unit> units) {
    Map<Area, Long> waiting = waitingListCounts(requests, units);
    Map<Area, Long> places = new TreeMap<>();
    for (Unit u : units.values()) {
      if (u.capacity() != null) {
        places.merge(area(u), (long) u.capacity(), Long::sum);
      }
    }
    Map<Area, Ratio> out = new TreeMap<>();
    for (Map.Entry<Area, Long> e : places.entrySet()) {
      out.put(e.getKey(), new Ratio(waiting.getOrDefault(e.getKey(), 0L), e.getValue()));
    }
    return out;
  }

  /**
   * Admission delay: from the request's creation (SEND) to the person's entry (USER_ENTERED for Handicap,
   * ADMISSION_CONFIRMED otherwise), read from the audit trail.
   */
  public static DelayStats admissionDelay(Collection<AuditEvent> events) {
    Map<Object, Instant> sent = new HashMap<>();
    Map<Object, Instant> admitted = new HashMap<>();
    for (AuditEvent e : events) {
      if (e.type() != AuditEvent.Type.REQUEST_TRANSITION || e.requestId() == null) {
        continue;
      }
      if (e.action() == io.vtsdk.model.workflow.Action.SEND) {
        sent.merge(e.requestId(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
      }
      if (e.toStatus() == RequestStatus.USER_ENTERED || e.toStatus() == RequestStatus.ADMISSION_CONFIRMED) {
        admitted.merge(e.requestId(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    List<Duration> delays = new ArrayList<>();
    admitted.forEach((id, at) -> {
      Instant s = sent.get(id);
      if (s != null && !at.isBefore(s)) {
        delays.add(Duration.between(s, at));
      }
    });
    return stats(delays);
  }

  private static Map<Area, Long> countBy(Collection<AdmissionRequest> requests, Map<UnitId, Unit> units,
      Set<RequestStatus> statuses) {
    Objects.requireNonNull(units, "units");
    Map<Area, Long> out = new TreeMap<>();
    for (AdmissionRequest r : requests) {
      if (statuses.contains(r.status())) {
        Unit u = units.get(r.unit());
        if (u == null) {
          throw new IllegalArgumentException("request " + r.id() + " is addressed to unit " + r.unit()
              + ", which is not in the units map");
        }
        out.merge(area(u), 1L, Long::sum);
      }
    }
    return out;
  }

  private static Area area(Unit u) {
    return new Area(u.departement() == null ? null : u.departement().code(),
        u.esmsCategory() == null ? null : u.esmsCategory().code());
  }
}
