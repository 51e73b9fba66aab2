package io.vtsdk.server.scenarios;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/** The checks a session may run, by id. */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Checks {
  /** Every check, in report order. */
  public static final List<Check> ALL = List.of(new StateReached(), new Contract(), new IdempotencyKey(),
      new RetryAfter(), new IfMatch(), new NoPiiInUrl(), new FeedFollow(), new SdoStatus());

  private Checks() {}

  public static Optional<Check> byId(String id) {
    return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return ALL.stream().map(Check::id).toList();
  }

  /** A check's id and description, as every check has them. */
  abstract static class Named implements Check {
    private final String id;
    private final String description;

    Named(String id, String description) {
      this.id = id;
      this.description = description;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** Each step's expectation held within its time limit on the server's clock. */
  static final class StateReached extends Named {
    StateReached() {
      super("state-reached", "each step's outcome happened within its time limit on the server's clock");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      return steps.stream().filter(s -> !s.reached()).map(s -> "step " + s.step() + ": " + s.detail()).toList();
    }
  }

  /** Every create carries an Idempotency-Key; a create sent again after a failure reuses it. */
  static final class IdempotencyKey extends Named {
    IdempotencyKey() {
      super("idempotency-key", "every create (POST that writes) carries an Idempotency-Key, and a create retried after a failure "
              + "reuses the key of the first attempt");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      List<String> out = new ArrayList<>();
      Map<String, Exchange> failed = new HashMap<>();
      for (Exchange e : exchanges) {
        if (!e.isCreate()) {
          continue;
        }
        if (e.idempotencyKey() == null) {
          out.add(Redaction.call(e) + ": no Idempotency-Key");
        }
        String same = e.method() + " " + e.path() + " " + java.util.Arrays.hashCode(e.body());
        Exchange first = failed.get(same);
        if (first != null && first.idempotencyKey() != null && !first.idempotencyKey().equals(e.idempotencyKey())) {
          out.add(Redaction.call(e) + ": retried with another Idempotency-Key than the attempt that failed");
        }
        if (e.status() == 0 || e.status() >= 500 || e.status() == 429) {
          failed.putIfAbsent(same, e);
        } else {
          failed.remove(same);
        }
      }
      return out;
    }
  }

  /** No retry before the Retry-After the server gave. */
  static final class RetryAfter extends Named {
    RetryAfter() {
      super("retry-after", "after an answer with Retry-After, the same call is not sent again before that many seconds");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < exchanges.size(); i++) {
        Exchange e = exchanges.get(i);
        if (e.retryAfterSeconds() <= 0) {
          continue;
        }
        for (Exchange next : exchanges.subList(i + 1, exchanges.size())) {
          if (next.method().equals(e.method()) && next.path().equals(e.path())) {
            Duration waited = Duration.between(e.at(), next.at());
            if (waited.compareTo(Duration.ofSeconds(e.retryAfterSeconds())) < 0) {
              out.add(Redaction.call(next) + ": sent " + waited.toMillis() + " ms after an answer saying Retry-After: "
                  + e.retryAfterSeconds());
            }
            break;
          }
        }
      }
      return out;
    }
  }

  /** Updates name the version they read. */
  static final class IfMatch extends Named {
    IfMatch() {
      super("if-match", "every update (PUT) carries If-Match with the version it read");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      return exchanges.stream().filter(e -> "PUT".equals(e.method()) && e.ifMatch() == null)
          .map(e -> Redaction.call(e) + ": no If-Match").toList();
    }
  }

  /** No NIR, name or birth date in a URL (they end up in logs, proxies and histories). */
  static final class NoPiiInUrl extends Named {
    private static final Set<String> PERSONAL = Set.of("nir", "ins", "name", "nom", "prenom", "givenname",
        "given", "family", "birthname", "birthdate", "datenaissance", "birth_date", "lastname", "firstname");

    NoPiiInUrl() {
      super("no-pii-in-url", "no NIR, name or birth date in a path or a query string");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      List<String> out = new ArrayList<>();
      for (Exchange e : exchanges) {
        String query = e.query() == null ? "" : URLDecoder.decode(e.query(), StandardCharsets.UTF_8);
        if (Redaction.hasNir(e.path()) || Redaction.hasNir(query)) {
          out.add(Redaction.call(e) + ": a NIR in the URL");
        }
        for (String p : query.isEmpty() ? new String[0] : query.split("&")) {
          String name = (p.contains("=") ? p.substring(0, p.indexOf('=')) : p).toLowerCase(Locale.ROOT);
          if (PERSONAL.contains(name)) {
            out.add(Redaction.call(e) + ": the query parameter '" + name + "' carries personal data");
          }
        }
      }
      return out;
    }
  }

  /**
   * Calls the contract has: an operation of the OpenAPI document (or an SDO FHIR interaction) with a body of its
   * shape, as the server (which validates against both) judged it.
   */
  static final class Contract extends Named {
    /** The answers that say a call is not of the contract's shape (a rule of VT refused is 422, not these). */
    private static final Set<Integer> SHAPE = Set.of(400, 405, 406, 413, 415);

    Contract() {
      super("contract", "every call is an operation of the OpenAPI document or an SDO FHIR interaction, with the "
          + "media type and a body of the shape it describes (the server judged it: no 400, 404 on an unknown path, "
          + "405, 406, 413 or 415; FHIR resources also against the SDO profiles)");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      List<String> out = new ArrayList<>();
      for (Exchange e : exchanges) {
        if (e.route() == null) {
          out.add(Redaction.call(e) + ": no such operation in the OpenAPI document");
        } else if (SHAPE.contains(e.status()) || e.status() == 422 && e.route().startsWith("/fhir/")) {
          out.add(Redaction.call(e) + ": refused as " + refusal(e));
        }
      }
      return out;
    }
  }

  /** The problem's code and the pointers and rules of its violations, as the session recorded them (no value). */
  static String refusal(Exchange e) {
    com.fasterxml.jackson.databind.JsonNode a = e.answerJson();
    StringBuilder b = new StringBuilder(a.path("code").asText("status " + e.status()));
    a.path("violations").forEach(v -> b.append("; ").append(v.path("path").asText()).append(" ")
        .append(v.path("code").asText()));
    return b.toString();
  }

  /** The change feed read forward from the cursors the server gave: no gap, no restart from zero. */
  static final class FeedFollow extends Named {
    FeedFollow() {
      super("feed-follow", "the change feed (GET /v1/events) is read forward from the cursors the server gave: never "
          + "from a cursor it did not give (a gap), never from the start again once read (a restart from zero after a "
          + "crash)");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      List<String> out = new ArrayList<>();
      Set<String> given = new java.util.HashSet<>();
      for (Exchange e : exchanges) {
        if (!"/v1/events".equals(e.route()) || !"GET".equals(e.method())) {
          continue;
        }
        String after = query(e, "after");
        if (after == null && !given.isEmpty()) {
          out.add(Redaction.call(e) + ": read from the start again after having read up to a cursor");
        } else if (after != null && !given.contains(after)) {
          out.add(Redaction.call(e) + ": read after a cursor the server never gave (events may be skipped)");
        }
        com.fasterxml.jackson.databind.JsonNode page = e.answerJson();
        page.path("items").forEach(i -> given.add(i.path("cursor").asText()));
        if (page.hasNonNull("nextCursor")) {
          given.add(page.get("nextCursor").asText());
        }
        if (after != null) {
          given.add(after);
        }
      }
      return out;
    }

    private static String query(Exchange e, String name) {
      if (e.query() == null) {
        return null;
      }
      for (String p : e.query().split("&")) {
        if (p.startsWith(name + "=")) {
          String v = URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
          return v.isEmpty() || "0".equals(v) ? null : v; // "0": the start, as no cursor

        }
      }
      return null;
    }
  }

  /**
   * ESMS statuses from the SDO nomenclatures: the status a code of JDV_J252 (TRE_R357), its motif of TRE_R358 paired
   * with it by ASS_A32, a unit status of JDV_J253 and its motif of JDV_J250; and a change VT recorded (409: a
   * transition our reading of the SDO flows does not allow — an assumption, docs/workflows.md).
   */
  static final class SdoStatus extends Named {
    SdoStatus() {
      super("sdo-status", "each ESMS status reported (POST /v1/requests/{id}/esms-statuses, SDO flow 4 Task) is a "
          + "code of JDV_J252 (TRE_R357) with a motif of TRE_R358 that ASS_A32 pairs with it, a unit status of "
          + "JDV_J253 with a motif of JDV_J250, and a transition VT accepts (our reading of the flows: assumption)");
    }

    @Override
    public List<String> evidence(List<Exchange> exchanges, List<StepResult> steps) {
      List<String> out = new ArrayList<>();
      for (Exchange e : exchanges) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> c = codings(e);
        if (c == null) {
          continue;
        }
        check(out, e, c.get("status"), io.vtsdk.model.nos.NosTable.J252, "the status");
        check(out, e, c.get("motif"), io.vtsdk.model.nos.NosTable.R358, "the motif");
        check(out, e, c.get("unitStatus"), io.vtsdk.model.nos.NosTable.J253, "the unit's status");
        check(out, e, c.get("unitMotif"), io.vtsdk.model.nos.NosTable.J250, "the unit's motif");
        String status = c.containsKey("status") ? c.get("status").path("code").asText() : null;
        String motif = c.containsKey("motif") ? c.get("motif").path("code").asText() : null;
        if (status != null && motif != null
            && !io.vtsdk.model.nos.Nomenclatures.statusMotifs().isAllowed(status, motif)) {
          out.add(Redaction.call(e) + ": the motif is not one ASS_A32 pairs with the status");
        }
        if (c.get("status") == null && e.status() / 100 != 4) {
          out.add(Redaction.call(e) + ": no status (statutESMS) in the report");
        }
        if (e.status() == 409) {
          out.add(Redaction.call(e) + ": refused as " + refusal(e) + " (a transition VT does not allow from the "
              + "request's current status: our reading of the SDO flows, an assumption)");
        }
      }
      return out;
    }

    private static void check(List<String> out, Exchange e, com.fasterxml.jackson.databind.JsonNode coding,
        io.vtsdk.model.nos.NosTable table, String what) {
      if (coding != null && !io.vtsdk.model.nos.Nomenclatures.get(table).contains(io.vtsdk.model.Coding.of(
          coding.path("system").asText(""), coding.path("code").asText("")))) {
        out.add(Redaction.call(e) + ": " + what + " is not a code of " + table.name() + " (system and code)");
      }
    }

    /** The codings of a status report, by the EsmsStatus member they fill; null for another call. */
    private static Map<String, com.fasterxml.jackson.databind.JsonNode> codings(Exchange e) {
      Map<String, com.fasterxml.jackson.databind.JsonNode> out = new HashMap<>();
      com.fasterxml.jackson.databind.JsonNode b = e.bodyJson();
      if ("/v1/requests/{id}/esms-statuses".equals(e.route()) && "POST".equals(e.method())) {
        for (String m : List.of("status", "motif", "unitStatus", "unitMotif")) {
          if (b.hasNonNull(m)) {
            out.put(m, b.get(m));
          }
        }
        return out;
      }
      if (("/fhir/Task".equals(e.route()) && "POST".equals(e.method()))
          || ("/fhir/Task/{id}".equals(e.route()) && "PUT".equals(e.method()))) {
        Map<String, String> slices = Map.of("statutESMS", "status", "motifESMS", "motif", "statutUnite",
            "unitStatus", "motifUnite", "unitMotif");
        for (com.fasterxml.jackson.databind.JsonNode i : b.path("input")) {
          String member = slices.get(i.path("type").path("text").asText());
          com.fasterxml.jackson.databind.JsonNode coding = i.path("valueCodeableConcept").path("coding").path(0);
          if (member != null && !coding.isMissingNode()) {
            out.put(member, coding);
          }
        }
        return out;
      }
      return null;
    }
  }
}
