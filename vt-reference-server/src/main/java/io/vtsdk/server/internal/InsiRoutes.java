package io.vtsdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtsdk.model.identity.Ins;
import io.vtsdk.model.identity.InsAuthority;
import io.vtsdk.model.identity.Nir;
import io.vtsdk.model.identity.Sex;
import io.vtsdk.model.identity.insi.InsTraits;
import io.vtsdk.model.identity.insi.InsiClient;
import io.vtsdk.model.validation.Violation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INSi simulator over HTTP, in a documented JSON form (not the real teleservice's SOAP): {@code POST /insi/search}
 * with traits, {@code POST /insi/verify} with an INS and traits (one outcome, {@code 00} or {@code 01}, never which
 * trait differs). Only the roles {@link io.vtsdk.core.AccessPolicy#canCallInsi} allows, at a limited rate per caller.
 * Bad traits are a 422 naming each member, never echoing a value. Not API.
 */
public final class InsiRoutes {
  /** Calls per caller per second, sustained, and the burst allowed above it (assumption: no public figure). */
  static final int CALLS_PER_SECOND = 5;
  static final int BURST = 20;

  private final Lazy<InsiClient> insi;
  private final V1Replies out;
  private final io.vtsdk.core.AccessPolicy policy;
  private final java.time.Clock clock;
  private final Map<String, long[]> buckets = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@code population} is built on the first call (a server that never answers INSi does not pay for it); the rate
   * limit runs on {@code clock}, the server's (a test that freezes it gets a fixed budget, whatever the machine's
   * speed).
   */
  public InsiRoutes(java.util.function.Supplier<InsiClient> population,
      com.fasterxml.jackson.databind.json.JsonMapper json, io.vtsdk.core.AccessPolicy policy, java.time.Clock clock) {
    this.insi = new Lazy<>(population);
    this.out = new V1Replies(json);
    this.policy = policy;
    this.clock = clock;
  }

  private InsiClient insi() {
    return insi.get();
  }

  public void register(Router r) {
    r.readOnlyRoute("POST", "/insi/search", c -> {
      allow(c);
      return out.ok(result(insi().search(traits(c.jsonBody(), ""))));
    });
    r.readOnlyRoute("POST", "/insi/verify", c -> {
      allow(c);
      JsonNode b = c.jsonBody();
      List<Violation> problems = new ArrayList<>();
      Ins ins = ins(b == null ? null : b.get("ins"), problems);
      InsTraits traits = traitsOrNull(b == null ? null : b.get("traits"), "/traits", problems);
      refuseIfAny(problems);
      // One outcome for the whole identity, as the téléservice's verification gives it: which trait differs is not
      // told (answering trait by trait let a caller rebuild an identity from an INS in a few calls).
      boolean ok = insi().verify(ins, traits).ok();
      return out.ok(Map.of("ok", ok, "code", ok ? "00" : "01"));
    });
  }

  /** The policy's roles only (403), then at most {@link #BURST} calls at once and {@link #CALLS_PER_SECOND} (429). */
  private void allow(Call c) {
    io.vtsdk.core.Principal p = c.principal();
    if (p == null) {
      throw new ApiException(401, "unauthorized", "a bearer token is required (Authorization: Bearer …)");
    }
    if (!policy.canCallInsi(p)) {
      throw new ApiException(403, "forbidden", "the INSi téléservice is called by the software of care "
          + "professionals and structures (a requesting or receiving unit), not by this role");
    }
    String who = Call.callerKey(p);
    long now = clock.millis();
    long[] bucket = buckets.computeIfAbsent(who, k -> new long[] {BURST * 1000L, now});
    synchronized (bucket) { // bucket[0]: thousandths of a call available, bucket[1]: last refill
      bucket[0] = Math.min(BURST * 1000L, bucket[0] + Math.max(0, now - bucket[1]) * CALLS_PER_SECOND);
      bucket[1] = Math.max(bucket[1], now);
      if (bucket[0] < 1000) {
        throw new ApiException(429, "too-many-requests", "at most " + CALLS_PER_SECOND + " INSi calls per second "
            + "per caller (bursts of " + BURST + ")", List.of(), Map.of("retryAfter", 1));
      }
      bucket[0] -= 1000;
    }
  }

  private static Map<String, Object> result(InsiClient.SearchResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("outcome", r.outcome().name());
    if (r.ins() != null) {
      m.put("ins", Map.of("number", r.ins().number().value(), "authority", r.ins().authority().name(), "oid",
          r.ins().authority().oid()));
      InsTraits t = r.reference();
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("birthName", t.birthName());
      ref.put("firstBirthGivenName", t.firstBirthGivenName());
      ref.put("birthGivenNames", t.birthGivenNames());
      ref.put("sex", t.sex().name());
      ref.put("birthDate", t.birthDate().toString());
      ref.put("birthPlace", t.birthPlace());
      m.put("reference", ref);
    }
    return m;
  }

  private static InsTraits traits(JsonNode node, String at) {
    List<Violation> problems = new ArrayList<>();
    InsTraits t = traitsOrNull(node, at, problems);
    refuseIfAny(problems);
    return t;
  }

  private static InsTraits traitsOrNull(JsonNode node, String at, List<Violation> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new Violation(at.isEmpty() ? "/" : at, "insi.traits", "give the traits as an object"));
      return null;
    }
    String name = text(node, "birthName", at, problems);
    String given = text(node, "firstBirthGivenName", at, problems);
    Sex sex = null;
    String s = text(node, "sex", at, problems);
    if (s != null) {
      try {
        sex = Sex.valueOf(s);
      } catch (IllegalArgumentException e) {
        problems.add(new Violation(at + "/sex", "insi.sex", "F, M or U"));
      }
    }
    LocalDate birth = null;
    String d = text(node, "birthDate", at, problems);
    if (d != null) {
      try {
        birth = LocalDate.parse(d);
      } catch (DateTimeParseException e) {
        problems.add(new Violation(at + "/birthDate", "insi.birthDate", "an ISO date, e.g. 1950-06-01"));
      }
    }
    String place = node.hasNonNull("birthPlace") ? node.get("birthPlace").asText() : null;
    if (place != null && !place.matches(io.vtsdk.model.patient.Patient.INSEE_CODE)) {
      problems.add(new Violation(at + "/birthPlace", "insi.birthPlace", "a 5-character INSEE code"));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new InsTraits(name, given, sex, birth, place);
  }

  private static Ins ins(JsonNode node, List<Violation> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new Violation("/ins", "insi.ins", "give the INS as {number, authority}"));
      return null;
    }
    String number = text(node, "number", "/ins", problems);
    String authority = text(node, "authority", "/ins", problems);
    Nir nir = null;
    InsAuthority a = null;
    if (number != null) {
      try {
        nir = Nir.parse(number);
      } catch (RuntimeException e) {
        problems.add(new Violation("/ins/number", "insi.nir", "a NIR of 15 characters with its key"));
      }
    }
    if (authority != null) {
      try {
        a = InsAuthority.valueOf(authority);
      } catch (IllegalArgumentException e) {
        problems.add(new Violation("/ins/authority", "insi.authority", "NIR, NIA, NIR_TEST or NIR_DEMO"));
      }
    }
    return nir == null || a == null ? null : new Ins(nir, a);
  }

  private static String text(JsonNode node, String field, String at, List<Violation> problems) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      problems.add(new Violation(at + "/" + field, "required", "required"));
      return null;
    }
    return v.asText();
  }

  private static void refuseIfAny(List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new ApiException(422, "validation-failed", "the INSi request is invalid", problems, Map.of());
    }
  }
}
