package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.testkit.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The test-control side of the server, shared by the {@code /__admin} routes and the Java handle: reset, clock.
 * Not API.
 */
public final class Admin {
  private final Store store;
  private final MutableClock clock;
  private final Api api;
  private final Router router;
  private final Controls controls;
  private final List<Unit> directory;
  private final long seed;
  private final boolean demoDossiers;
  private final JsonMapper json;
  private Durability durability;

  public Admin(Store store, MutableClock clock, Api api, Router router, Controls controls, List<Unit> directory,
      JsonMapper json, long seed, boolean demoDossiers) {
    this.controls = controls;
    this.seed = seed;
    this.demoDossiers = demoDossiers;
    this.store = store;
    this.clock = clock;
    this.api = api;
    this.router = router;
    this.directory = List.copyOf(directory);
    this.json = json;
  }

  public void register(Router r) {
    r.publicRoute("POST", "/__admin/reset", c -> {
      reset();
      return new Reply(204, Map.of(), new byte[0]);
    });
    r.publicRoute("GET", "/__admin/clock", c -> clockReply());
    r.publicRoute("POST", "/__admin/fixtures", c -> {
      JsonNode b = c.jsonBody();
      JsonNode list = b.path("dossiers");
      if (!list.isArray() || list.isEmpty()) {
        throw new ApiException(422, "validation-failed",
            "give {\"dossiers\": [dossier, …], \"sendTo\": {\"<dossier id>\": [\"<unit id>\", …]}}");
      }
      List<io.vtsdk.model.dossier.Dossier> dossiers = new java.util.ArrayList<>();
      List<List<String>> sendTo = new java.util.ArrayList<>();
      for (JsonNode d : list) {
        if (!d.isObject() || !d.hasNonNull("id")) {
          throw new ApiException(422, "validation-failed", "every fixture dossier needs an id");
        }
        dossiers.add(c.bodyAs(d, io.vtsdk.model.dossier.Dossier.class));
        List<String> units = new java.util.ArrayList<>();
        b.path("sendTo").path(d.get("id").asText()).forEach(u -> units.add(u.asText()));
        sendTo.add(units);
      }
      return json(201, Envelopes.Items.of(api.load(dossiers, sendTo, c.locale)));
    });
    r.controlRoute("POST", "/__admin/faults", c -> {
      JsonNode b = c.jsonBody();
      if (b.isObject() && !b.has("times")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).put("times", -1); // absent: every matching call
      }
      Fault f = c.bodyAs(b, Fault.class);
      controls.add(f);
      return json(201, f);
    });
    r.publicRoute("GET", "/__admin/faults", c -> json(200, Envelopes.Items.of(controls.faults())));
    r.controlRoute("DELETE", "/__admin/faults", c -> {
      controls.clearFaults();
      return new Reply(204, Map.of(), new byte[0]);
    });
    r.publicRoute("GET", "/__admin/state", c -> json(200, state()));
    r.publicRoute("GET", "/__admin/journal", c -> json(200, Envelopes.Items.of(controls.journal())));
    r.publicRoute("PUT", "/__admin/clock", c -> {
      JsonNode b = c.jsonBody();
      if (!b.hasNonNull("instant")) {
        throw new ApiException(422, "validation-failed", "give {\"instant\": \"2026-11-23T10:00:00Z\"}");
      }
      try {
        setClock(Instant.parse(b.get("instant").asText()));
      } catch (DateTimeParseException e) {
        throw new ApiException(422, "validation-failed", "instant must be ISO-8601, e.g. 2026-11-23T10:00:00Z");
      }
      return clockReply();
    });
    r.publicRoute("POST", "/__admin/clock/advance", c -> {
      JsonNode b = c.jsonBody();
      int archived;
      try {
        archived = advanceClock(Duration.parse(b.path("duration").asText("")));
      } catch (DateTimeParseException e) {
        throw new ApiException(422, "validation-failed", "give {\"duration\": \"P31D\"} (ISO-8601 duration)");
      }
      return json(200, Map.of("instant", clock.instant().toString(), "archived", archived));
    });
  }

  /**
   * A fingerprint of all the data (directory, dossiers, requests, attachments, events, ESMS statuses, agreements,
   * idempotency records, ids, clock): two servers with the same fingerprint answer every call alike. Counts too, and
   * the journal size on the durable server. No personal data: a SHA-256 and numbers.
   */
  public Map<String, Object> state() {
    return store.read(() -> {
      java.security.MessageDigest md = sha256();
      try {
        for (Object part : List.of(store.units.values(), store.dossiers.values(), store.requests.values(),
            store.events, store.statusLog, store.requestsByDossier)) {
          md.update(json.writeValueAsBytes(part));
        }
        for (Store.RecordedConsent c : store.consents) {
          md.update(json.writeValueAsBytes(List.of(c.id(), c.request(), c.at(), c.consent().idNatStruct(),
              c.consent().date(), c.consent().idNatDecision())));
        }
        for (Map.Entry<io.vtsdk.model.AttachmentId, byte[]> a : store.attachmentContents.entrySet()) {
          md.update(a.getKey().value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update(a.getValue());
          md.update(store.attachmentDossier.get(a.getKey()).value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        router.forEachIdempotencyRecord((scope, stored) -> {
          md.update(scope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update(stored.requestHash());
          Reply r = stored.reply();
          md.update((r.status() + " " + new java.util.TreeMap<>(r.headers()))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update(r.body());
        });
        md.update(json.writeValueAsBytes(List.of(store.nextId, clock.frozenOrOffset())));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      out.put("sha256", java.util.HexFormat.of().formatHex(md.digest()));
      out.put("units", store.units.size());
      out.put("dossiers", store.dossiers.size());
      out.put("requests", store.requests.size());
      out.put("events", store.events.size());
      out.put("esmsStatuses", store.statusLog.size());
      out.put("consents", store.consents.size());
      out.put("attachments", store.attachmentContents.size());
      out.put("idempotencyRecords", router.idempotencyRecords());
      if (durability != null) {
        out.putAll(durability.stats());
      }
      return out;
    });
  }

  private static java.security.MessageDigest sha256() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Journals through {@code d} (the durable server) and shows its size in {@link #state()}. */
  public void durable(Durability d) {
    this.durability = d;
  }

  private Reply clockReply() {
    return json(200, Map.of("instant", clock.instant().toString()));
  }

  private Reply json(int status, Object body) {
    try {
      return Reply.json(status, json.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Clears dossiers, requests, events and idempotency records; reloads the directory; clock back to system time. */
  public void reset() {
    store.write(() -> {
      store.clearData();
      store.units.clear();
      directory.forEach(u -> store.units.put(u.id(), u));
      router.clearIdempotency();
      controls.clearFaults();
      controls.clearJournal();
      clock.reset();
      if (demoDossiers) {
        api.seed(DemoDossiers.scenarios(seed, java.time.LocalDate.now(clock)));
      }
      return null;
    });
  }

  /** Sets the clock, then runs auto-archiving. */
  public void setClock(Instant instant) {
    store.write(() -> {
      clock.set(instant);
      return api.sweep();
    });
  }

  /** Advances the clock, then runs auto-archiving; returns how many requests were archived. */
  public int advanceClock(Duration d) {
    return store.write(() -> {
      clock.advance(d);
      return api.sweep();
    });
  }
}
