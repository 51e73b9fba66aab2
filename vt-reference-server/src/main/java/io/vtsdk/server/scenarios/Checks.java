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
  public static final List<Check> ALL = List.of(new StateReached(), new IdempotencyKey(), new RetryAfter(),
      new IfMatch(), new NoPiiInUrl());

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
}
