package io.vtsdk.server.internal;

import io.vtsdk.api.HandicapRow;
import io.vtsdk.api.ObservatoryScopes;
import io.vtsdk.api.Page;
import io.vtsdk.api.TuvRow;
import io.vtsdk.charts.Chart;
import io.vtsdk.charts.IndicatorCharts;
import io.vtsdk.core.AccessPolicy;
import io.vtsdk.core.Observatory;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.VtCoreException;
import io.vtsdk.rules.indicators.HandicapIndicators;
import io.vtsdk.rules.indicators.Tuv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The observatory ({@code /v1/observatory/…}): the Prado TUV and the Handicap indicators of {@link Observatory}, as
 * rows or as SVG charts drawn by vt-charts, within the scope the policy gives the caller. Not API.
 */
final class ObservatoryRoutes {
  private final Observatory observatory;
  private final V1Replies out;

  ObservatoryRoutes(VtCore core, V1Replies out) {
    this.observatory = core.observatory();
    this.out = out;
  }

  void register(Router r) {
    r.route("GET", "/v1/observatory/scopes", c -> out.ok(new ObservatoryScopes(
        scope(c, AccessPolicy.ObservatoryView.TUV), scope(c, AccessPolicy.ObservatoryView.HANDICAP))));
    r.route("GET", "/v1/observatory/tuv", c -> out.page(Page.of(tuv(c).stream().map(TuvRow::of).toList())));
    r.route("GET", "/v1/observatory/tuv/chart", c -> {
      Locale locale = lang(c);
      return svg(IndicatorCharts.tuv(tuv(c), locale));
    });
    r.route("GET", "/v1/observatory/handicap", c -> out.page(Page.of(observatory.handicap(c.principal()).stream()
        .map(HandicapRow::of).toList())));
    r.route("GET", "/v1/observatory/handicap/chart", c -> {
      Locale locale = lang(c);
      HandicapIndicators.Indicator indicator = param(c, "indicator", HandicapIndicators.Indicator::of,
          HandicapIndicators.Indicator.WAITING_LIST_BY_DEPARTEMENT);
      List<HandicapIndicators.Row> rows = observatory.handicap(c.principal());
      try {
        return svg(IndicatorCharts.handicap(rows, indicator, locale));
      } catch (IllegalArgumentException e) { // a single total: nothing to draw by group
        throw ApiException.badRequest("query parameter 'indicator': " + e.getMessage());
      }
    });
  }

  private ObservatoryScopes.Scope scope(Call c, AccessPolicy.ObservatoryView which) {
    try {
      AccessPolicy.ObservatoryScope s = observatory.scope(c.principal(), which);
      return new ObservatoryScopes.Scope(s.kind().name(), s.value());
    } catch (VtCoreException forbidden) {
      return null;
    }
  }

  private List<Tuv.Row> tuv(Call c) {
    Tuv.Period by = param(c, "by", Tuv.Period::of, Tuv.Period.MONTH);
    Tuv.Grouping group = param(c, "group", Tuv.Grouping::of, Tuv.Grouping.ALL);
    return observatory.tuv(c.principal(), group, by);
  }

  private static Locale lang(Call c) {
    return param(c, "lang", v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "fr" -> Locale.FRENCH;
      case "en" -> Locale.ENGLISH;
      default -> throw new IllegalArgumentException("expected fr or en");
    }, Locale.FRENCH);
  }

  /** A query parameter read by {@code parse}, whose refusal names the parameter and the rule (never the value). */
  private static <T> T param(Call c, String name, Function<String, T> parse, T otherwise) {
    String v = c.query(name);
    if (v == null || v.isBlank()) {
      return otherwise;
    }
    try {
      return parse.apply(v.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter '" + name + "': " + (e.getMessage().startsWith("expected")
          ? e.getMessage() : "not a known value"));
    }
  }

  private static Reply svg(Chart chart) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "image/svg+xml");
    h.put("Cache-Control", "no-store");
    // an SVG opened on its own runs no script and loads nothing
    h.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    h.put("X-Content-Type-Options", "nosniff");
    return new Reply(200, h, chart.svg());
  }
}
