package io.vtsdk.client;

import io.vtsdk.api.HandicapRow;
import io.vtsdk.api.ObservatoryScopes;
import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.TuvRow;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.client.internal.Endpoints;
import io.vtsdk.client.internal.Pipeline;
import io.vtsdk.model.VtModule;
import io.vtsdk.rules.indicators.Tuv;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Observatory indicators computed by the server, within the caller's scope (docs/testkit.md).
 *
 * <p>Every method blocks until the answer and throws a {@link VtException} on failure.
 * Each has a variant taking {@link RequestOptions}. Generated with its async twin by tools/gen-client-services.py.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Indicators {
  private final Pipeline p;
  private final Endpoints e;

  Indicators(Pipeline p, Endpoints e) {
    this.p = p;
    this.e = e;
  }

  /** Read and response rates and delays of the caller's requests (module null: all). */
  public RequestFigures requests(VtModule module) {
    return requests(module, RequestOptions.none());
  }

  /** As {@link #requests(VtModule)}, with per-call options. */
  public RequestFigures requests(VtModule module, RequestOptions o) {
    return p.execute(e.requestIndicators(module, o));
  }

  /** Waiting lists per département and ESMS category. */
  public List<WaitingListRow> waitingLists() {
    return waitingLists(RequestOptions.none());
  }

  /** As {@link #waitingLists()}, with per-call options. */
  public List<WaitingListRow> waitingLists(RequestOptions o) {
    return p.execute(e.waitingListIndicators(o));
  }

  /** What the caller may read of the observatory (seed 003: differentiated access), each scope null when none. */
  public ObservatoryScopes observatoryScopes() {
    return observatoryScopes(RequestOptions.none());
  }

  /** As {@link #observatoryScopes()}, with per-call options. */
  public ObservatoryScopes observatoryScopes(RequestOptions o) {
    return p.execute(e.observatoryScopes(o));
  }

  /** The Prado TUV within the caller's scope, every group over every period (null: month, all). */
  public List<TuvRow> tuv(Tuv.Period by, Tuv.Grouping group) {
    return tuv(by, group, RequestOptions.none());
  }

  /** As {@link #tuv(Tuv.Period, Tuv.Grouping)}, with per-call options. */
  public List<TuvRow> tuv(Tuv.Period by, Tuv.Grouping group, RequestOptions o) {
    return p.execute(e.observatoryTuv(by, group, o));
  }

  /** The Handicap indicators within the caller's scope, counted by person where the text says people. */
  public List<HandicapRow> handicap() {
    return handicap(RequestOptions.none());
  }

  /** As {@link #handicap()}, with per-call options. */
  public List<HandicapRow> handicap(RequestOptions o) {
    return p.execute(e.observatoryHandicap(o));
  }

  /** The TUV as an SVG document (one line per group, the 12 largest; lang null: French). */
  public byte[] tuvChart(Tuv.Period by, Tuv.Grouping group, Locale lang) {
    return tuvChart(by, group, lang, RequestOptions.none());
  }

  /** As {@link #tuvChart(Tuv.Period, Tuv.Grouping, Locale)}, with per-call options. */
  public byte[] tuvChart(Tuv.Period by, Tuv.Grouping group, Locale lang, RequestOptions o) {
    return p.execute(e.observatoryTuvChart(by, group, lang, o));
  }

  /** One Handicap indicator (its code, e.g. {@code waiting-list/departement}; null: that one) as an SVG bar chart. */
  public byte[] handicapChart(String indicator, Locale lang) {
    return handicapChart(indicator, lang, RequestOptions.none());
  }

  /** As {@link #handicapChart(String, Locale)}, with per-call options. */
  public byte[] handicapChart(String indicator, Locale lang, RequestOptions o) {
    return p.execute(e.observatoryHandicapChart(indicator, lang, o));
  }

}
