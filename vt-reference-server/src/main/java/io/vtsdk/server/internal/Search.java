package io.vtsdk.server.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The parameters of one FHIR search, as FHIR R4 §3.1.1.4 (search) wants them handled: those the server implements
 * are applied, and so are {@code _count} (page size, 1 to 1000) and {@code _offset}; an unknown one is ignored and left
 * out of the Bundle's {@code self} link (which says what was applied), unless the caller asked
 * {@code Prefer: handling=strict}, which refuses it (400). {@code _format} is accepted and has no effect (JSON
 * only). The SDO Bundle profiles allow Task or DocumentReference entries only, so no OperationOutcome entry reports
 * the ignored ones. Not API.
 */
final class Search {
  private static final int MAX_COUNT = 1000;
  private final String type;
  private final Map<String, String> applied;
  private final int count;
  private final int offset;

  private Search(String type, Map<String, String> applied, int count, int offset) {
    this.type = type;
    this.applied = applied;
    this.count = count;
    this.offset = offset;
  }

  static Search of(Call c, String type, String... supported) {
    boolean strict = c.header("Prefer") != null
        && c.header("Prefer").toLowerCase(Locale.ROOT).replace(" ", "").contains("handling=strict");
    List<String> known = List.of(supported);
    Map<String, String> applied = new LinkedHashMap<>();
    for (String name : c.queryNames()) {
      if (known.contains(name)) {
        applied.put(name, c.query(name));
      } else if (!name.equals("_format") && !name.equals("_count") && !name.equals("_offset") && strict) {
        throw ApiException.badRequest("unknown search parameter '" + name + "' (supported: "
            + String.join(", ", known) + ", _count; refused because of Prefer: handling=strict)");
      }
    }
    int count = number(c, "_count", MAX_COUNT, 1);
    int offset = number(c, "_offset", 0, 0);
    return new Search(type, applied, count, offset);
  }

  private static int number(Call c, String name, int def, int min) {
    String v = c.query(name);
    if (v == null) {
      return def;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min) {
        throw ApiException.badRequest(name + " must be at least " + min);
      }
      return Math.min(n, name.equals("_count") ? MAX_COUNT : Integer.MAX_VALUE);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer");
    }
  }

  /**
   * Pages the matches of {@code b} ({@code total} is every match), and adds the {@code self} link (the parameters
   * applied) and the {@code next} one when more follow.
   */
  Bundle complete(Bundle b, String base) {
    int total = b.getEntry().size();
    int from = Math.min(offset, total);
    int to = (int) Math.min(total, (long) from + count);
    List<Bundle.BundleEntryComponent> page = new ArrayList<>(b.getEntry().subList(from, to));
    b.setEntry(page);
    b.setTotal(total);
    b.addLink().setRelation("self").setUrl(url(base, offset));
    if (offset + page.size() < total) {
      b.addLink().setRelation("next").setUrl(url(base, offset + page.size()));
    }
    return b;
  }

  private String url(String base, int at) {
    StringBuilder u = new StringBuilder(base).append(type);
    char sep = '?';
    for (Map.Entry<String, String> p : applied.entrySet()) {
      u.append(sep).append(enc(p.getKey())).append('=').append(enc(p.getValue()));
      sep = '&';
    }
    if (count != MAX_COUNT) {
      u.append(sep).append("_count=").append(count);
      sep = '&';
    }
    if (at > 0) {
      u.append(sep).append("_offset=").append(at);
    }
    return u.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
