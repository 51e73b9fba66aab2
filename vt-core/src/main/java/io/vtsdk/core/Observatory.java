package io.vtsdk.core;

import io.vtsdk.core.AccessPolicy.ObservatoryScope;
import io.vtsdk.core.spi.ReportedStatus;
import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.identity.Departement;
import io.vtsdk.model.identity.Region;
import io.vtsdk.model.patient.Patient;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.core.spi.StoredRequest;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.rules.indicators.Ratio;
import io.vtsdk.rules.indicators.RequestIndicators;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.HandicapRecord;
import io.vtsdk.rules.indicators.OmvAdhesionRecord;
import io.vtsdk.rules.indicators.PradoVtRecord;
import io.vtsdk.rules.indicators.Tuv;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The observatory over the core's data: the Prado TUV and the Handicap indicators, computed by vt-rules
 * ({@link Tuv}, {@link HandicapIndicators}) — the same definitions as {@code vt indicators} over extracts — within the
 * scope {@link AccessPolicy#observatoryScope} gives the caller. Obtained from {@link VtCore#observatory()}.
 *
 * <p>What the core's data says (docs/indicators.md):
 *
 * <ul>
 *   <li>a Prado dossier counts for its requesting unit's establishment (FINESS) and region, its orientation's volet,
 *       the CPAM its request went to; it is closed when the CPAM answered adhesion or non-adhesion (assumption: the
 *       seed's « clôturés par l'EMH » is the CPAM's final answer), on that day (Europe/Paris);
 *   <li>the TUV's denominator is the OMV adhesions imported into the store ({@link #importOmv}): VT does not record
 *       them;
 *   <li>a Handicap notification is a request of the Handicap module; its person is the dossier's patient (their INS
 *       when the dossier has one, else the dossier: assumption), living in the patient's address's département; its
 *       ESMS is the receiving unit; its entry date is the first « Usager entré » (47) the ESMS reported.
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Observatory {
  /** The days of VT's dates. */
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final String ENTERED = HandicapIndicators.ENTERED;

  private final Store store;
  private final AccessPolicy policy;
  private final CoreContext ctx;

  private final int threshold;

  Observatory(CoreContext ctx, int threshold) {
    this.ctx = ctx;
    this.threshold = threshold;
    this.store = ctx.store;
    this.policy = ctx.policy;
  }

  // ---------------------------------------------------------------------------------------------- request figures

  /** Read rate, response rate, response delay of the requests the caller is a party to (one module or all). */
  public RequestFigures requestFigures(Principal p, VtModule module) {
    return store.read(tx -> {
      List<AdmissionRequest> mine = new ArrayList<>();
      boolean receiver = AccessPolicy.isReceivingRole(p.role());
      for (StoredRequest s : tx.requestsOfUnit(p.unit(), receiver, 0, Integer.MAX_VALUE)) {
        AdmissionRequest r = s.request();
        if ((module == null || r.module().equals(module)) && ctx.isParty(tx, p, r)) {
          mine.add(r);
        }
      }
      return new RequestFigures(mine.size(), RequestIndicators.readRate(mine), RequestIndicators.responseRate(mine),
          RequestIndicators.responseDelay(mine));
    });
  }

  /**
   * Waiting lists per département and ESMS category, waiting list / installed places, impossible admissions, within
   * the scope the policy gives the caller (its unit, or its département for an MDPH).
   */
  public List<WaitingListRow> waitingLists(Principal p) {
    return store.read(tx -> {
      AccessPolicy.IndicatorScope scope = policy.indicatorScope(p, tx.unit(p.unit()).orElse(null));
      if (scope == null) {
        throw VtCoreException.forbidden("waiting-list indicators are for receiving units (their own) and MDPHs "
            + "(their département)");
      }
      Map<UnitId, Unit> units = new LinkedHashMap<>();
      tx.units().stream().filter(scope::includes).forEach(u -> units.put(u.id(), u));
      List<AdmissionRequest> all = tx.requests().stream().filter(r -> units.containsKey(r.unit())).toList();
      Map<RequestIndicators.Area, Long> waiting = RequestIndicators.waitingListCounts(all, units);
      Map<RequestIndicators.Area, Ratio> ratio = RequestIndicators.waitingListToPlaces(all, units);
      Map<RequestIndicators.Area, Long> impossible = RequestIndicators.impossibleAdmissions(all, units);
      TreeSet<RequestIndicators.Area> areas = new TreeSet<>(ratio.keySet());
      areas.addAll(waiting.keySet());
      areas.addAll(impossible.keySet());
      List<WaitingListRow> rows = new ArrayList<>();
      for (RequestIndicators.Area a : areas) {
        if (a.esmsCategory() == null && !waiting.containsKey(a)) {
          continue;
        }
        rows.add(new WaitingListRow(a.departement(), a.esmsCategory(), waiting.getOrDefault(a, 0L), ratio.get(a),
            impossible.getOrDefault(a, 0L)));
      }
      return rows;
    });
  }

  // ---------------------------------------------------------------------------------------------- observatory

  /**
   * What {@code p} may read of {@code which}.
   *
   * @throws VtCoreException forbidden, naming who may read it
   */
  public ObservatoryScope scope(Principal p, AccessPolicy.ObservatoryView which) {
    ObservatoryScope scope = store.read(tx -> policy.observatoryScope(p, tx.unit(p.unit()).orElse(null), which));
    if (scope == null) {
      throw VtCoreException.forbidden(which == AccessPolicy.ObservatoryView.TUV
          ? "the Prado TUV is for a hospital's units (their establishment), CPAMs (their own) and GRADeS/ARS "
              + "(OBSERVER, their region)"
          : "the Handicap indicators are for MDPHs (their département), GRADeS/ARS (OBSERVER, their region) and ESMS "
              + "(their notifications)");
    }
    return scope;
  }

  /**
   * The Prado TUV within the caller's scope, per group and period (every group over every period), without the rows
   * {@link io.vtsdk.rules.indicators.Disclosure} withholds (fewer than 11 patients in the numerator or denominator).
   */
  public List<Tuv.Row> tuv(Principal p, Tuv.Grouping grouping, Tuv.Period period) {
    ObservatoryScope scope = scope(p, AccessPolicy.ObservatoryView.TUV);
    Predicate<String[]> in = finessAndCpam -> inTuvScope(scope, finessAndCpam[0], finessAndCpam[1]);
    Tuv.Counter counter = new Tuv.Counter(Objects.requireNonNull(grouping, "grouping"), null);
    store.read(tx -> {
      pradoRecords(tx).stream().filter(r -> in.test(new String[] {r.finessGeographique(), r.cpamCode()}))
          .forEach(counter::add);
      tx.omvAdhesions().stream().filter(r -> in.test(new String[] {r.finessGeographique(), r.cpamCode()}))
          .map(Observatory::namedRegion).forEach(counter::add);
      return null;
    });
    // disclosure control (Disclosure: CASD, no row under 11 people, secondary suppression per period)
    return io.vtsdk.rules.indicators.Disclosure.publishable(threshold, counter.rows(Objects.requireNonNull(period, "period")),
        Tuv.Row::period, r -> r.tuv() == null ? 0 : Math.min(nonZero(r.tuv().numerator()),
            nonZero(r.tuv().denominator())), r -> "Total".equals(r.group()));
  }

  /** A count, with 0 (nobody, nothing to protect) as the largest. */
  private static long nonZero(long n) {
    return n == 0 ? Long.MAX_VALUE : n;
  }

  /**
   * The Handicap indicators within the caller's scope, without the rows {@link io.vtsdk.rules.indicators.Disclosure}
   * withholds (fewer than 11 people).
   */
  public List<HandicapIndicators.Row> handicap(Principal p) {
    ObservatoryScope scope = scope(p, AccessPolicy.ObservatoryView.HANDICAP);
    List<HandicapRecord> lines = store.read(Observatory::handicapRecords);
    return io.vtsdk.rules.indicators.Disclosure.publishable(threshold,
        HandicapIndicators.compute(lines.stream().filter(r -> inHandicapScope(scope, r)).toList()),
        HandicapIndicators.Row::indicator, r -> r.people() < 0 ? 0 : r.people(), r -> "Total".equals(r.group()));
  }

  /** Adds OMV adhesions (a test server's import); returns how many the store now has. */
  public int importOmv(List<OmvAdhesionRecord> adhesions) {
    return ctx.writeInternal(tx -> {
      tx.addOmvAdhesions(List.copyOf(adhesions));
      return tx.omvAdhesions().size();
    });
  }

  // ---------------------------------------------------------------------------------------------- scopes

  private static boolean inTuvScope(ObservatoryScope s, String finess, String cpam) {
    return switch (s.kind()) {
      case ESTABLISHMENT -> s.value().equals(finess);
      case CPAM -> s.value().equals(cpam);
      case DEPARTEMENT -> s.value().equals(departementOfFiness(finess));
      case REGION -> Region.of(departementOfFiness(finess)).map(r -> r.inseeCode().equals(s.value())).orElse(false);
    };
  }

  private static boolean inHandicapScope(ObservatoryScope s, HandicapRecord r) {
    return switch (s.kind()) {
      case ESTABLISHMENT -> s.value().equals(r.esmsFiness());
      case DEPARTEMENT -> s.value().equals(r.personDepartement());
      case REGION -> r.personDepartement() != null && Region.of(r.personDepartement())
          .map(g -> g.inseeCode().equals(s.value())).orElse(false);
      case CPAM -> false;
    };
  }

  /**
   * An OMV adhesion with its region named as VT's dossiers name theirs (the INSEE name of its FINESS's département's
   * region): an extract may write « ARA » or « AUVERGNE - RHÔNE ALPES ».
   */
  private static OmvAdhesionRecord namedRegion(OmvAdhesionRecord r) {
    String dep = departementOfFiness(r.finessGeographique());
    String region = dep == null ? null : Region.of(dep).map(Region::label).orElse(null);
    return region == null ? r : new OmvAdhesionRecord(r.finessGeographique(), region, r.volet(), r.closedOn(),
        r.cpamCode());
  }

  /** A FINESS's département: its first two characters, three overseas ({@code 971…}). */
  static String departementOfFiness(String finess) {
    if (finess == null || finess.length() < 3) {
      return null;
    }
    return finess.startsWith("97") ? finess.substring(0, 3) : finess.substring(0, 2);
  }

  // ---------------------------------------------------------------------------------------------- records

  /**
   * The Prado dossiers as the TUV's VT records: one per request of a dossier oriented to a Prado volet (the TUV is
   * defined over Prado volets, seed 003; which module a dossier is of is not asked: its orientation says it).
   */
  static List<PradoVtRecord> pradoRecords(StoreTx tx) {
    Map<UnitId, Optional<Unit>> units = new HashMap<>();
    List<PradoVtRecord> out = new ArrayList<>();
    for (AdmissionRequest r : tx.requests()) {
      Dossier d = tx.dossier(r.dossierId()).map(StoredDossier::dossier).orElse(null);
      if (d == null || d.requester() == null || d.orientation() == null || d.orientation().pradoVolet() == null) {
        continue;
      }
      Unit requester = units.computeIfAbsent(d.requester().unit(), tx::unit).orElse(null);
      if (requester == null || requester.structure() == null) {
        continue; // no establishment to count it for
      }
      Unit cpam = units.computeIfAbsent(r.unit(), tx::unit).orElse(null);
      boolean closed = r.status() == RequestStatus.ADHESION || r.status() == RequestStatus.NON_ADHESION;
      out.add(new PradoVtRecord(r.dossierId().value(), requester.structure().value(), regionLabel(requester
          .departement()), d.orientation().pradoVolet(), r.status() == RequestStatus.ADHESION,
          closed ? day(r.answeredAt() != null ? r.answeredAt() : r.closedAt()) : null,
          cpam == null ? null : cpam.cpamCode()));
    }
    return out;
  }

  /**
   * The notifications of MDPH decisions (requests of a module whose descriptor says
   * {@link io.vtsdk.model.module.ModuleDescriptor#sdoNotifications()}, in a TRE_R357 status) as the
   * people/notifications extract's lines.
   */
  static List<HandicapRecord> handicapRecords(StoreTx tx) {
    Map<UnitId, Optional<Unit>> units = new HashMap<>();
    List<HandicapRecord> out = new ArrayList<>();
    for (AdmissionRequest r : tx.requests()) {
      String status = r.status().r357Code().orElse(null);
      if (!VtModules.of(r.module()).sdoNotifications() || status == null) {
        continue;
      }
      Dossier d = tx.dossier(r.dossierId()).map(StoredDossier::dossier).orElse(null);
      if (d == null || d.patient() == null) {
        continue;
      }
      Patient patient = d.patient();
      String home = patient.address() == null || patient.address().departement() == null ? null
          : patient.address().departement().code();
      Unit esms = units.computeIfAbsent(r.unit(), tx::unit).orElse(null);
      List<ReportedStatus> reported = tx.statusesOf(r.id());
      ReportedStatus last = reported.isEmpty() ? null : reported.get(reported.size() - 1);
      LocalDate entered = reported.stream().filter(s -> s.status().status() != null
          && ENTERED.equals(s.status().status().code()))
          .map(s -> day(s.at())).findFirst().orElse(r.status() == RequestStatus.USER_ENTERED
              || r.status() == RequestStatus.USER_EXITED ? day(r.answeredAt()) : null);
      Departement esmsDep = esms == null ? null : esms.departement();
      out.add(new HandicapRecord(personKey(d), home, home == null ? null : Region.of(home).map(Region::label)
          .orElse(null), patient.birthDate(), day(r.sentAt()), esms == null || esms.structure() == null ? null
          : esms.structure().value(), esms == null || esms.esmsCategory() == null ? null
          : esms.esmsCategory().code(), esmsDep == null ? null : esmsDep.code(), regionLabel(esmsDep),
          status, last != null ? day(last.at()) : day(r.answeredAt()),
          last != null && last.status().motif() != null ? last.status().motif().code() : null, entered));
    }
    return out;
  }

  /** The person a dossier is for, as a key the indicators group by (never shown). */
  private static String personKey(Dossier d) {
    return d.patient().ins() != null ? "INS " + d.patient().ins().number().value() : "D " + d.id().value();
  }

  private static String regionLabel(Departement d) {
    return d == null ? null : d.region().map(Region::label).orElse(null);
  }

  private static LocalDate day(Instant at) {
    return at == null ? null : LocalDate.ofInstant(at, ZONE);
  }
}
