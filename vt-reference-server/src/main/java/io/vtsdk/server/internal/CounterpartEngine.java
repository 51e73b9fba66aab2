package io.vtsdk.server.internal;

import io.vtsdk.core.Principal;
import io.vtsdk.core.VtCore;
import io.vtsdk.core.VtCoreException;
import io.vtsdk.core.WriteOptions;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.module.ModuleDescriptor;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Motif;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.server.counterparts.Behaviour;
import io.vtsdk.server.counterparts.Counterpart;
import io.vtsdk.server.counterparts.Counterparts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the units the {@link Counterparts} name: every open request they received whose delay has passed on the
 * server's clock is read and answered through the core as the receiving unit's principal (policy, events, audit as a
 * person's). Runs after each committed write (the engine's thread waits on the core's writes, and polls every second
 * for a real clock) and at once when the test clock moves. Deterministic: the answer of a RANDOM behaviour depends
 * only on the seed and the request's id. Not API.
 */
public final class CounterpartEngine implements AutoCloseable {
  /** The actor id counterparts act as: the journal and the audit show it. */
  public static final String ACTOR = "vt-counterpart";
  private static final Principal VT = new Principal(Role.SYSTEM, UnitId.of("VT"), ACTOR);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final VtCore core;
  private volatile Counterparts config = Counterparts.NONE;
  private final AtomicLong answered = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;

  private final java.util.function.Consumer<io.vtsdk.server.JournalEntry> journal;

  /** @param journal where each action is recorded, as the route a person would have called */
  public CounterpartEngine(VtCore core, java.util.function.Consumer<io.vtsdk.server.JournalEntry> journal) {
    this.core = core;
    this.journal = journal;
    this.thread = new Thread(this::loop, "vt-counterparts");
    thread.setDaemon(true);
  }

  /** Starts the engine's thread (answers follow writes without a caller asking). */
  public void start() {
    thread.start();
  }

  public Counterparts config() {
    return config;
  }

  /** Replaces what the played units do; answers due under the new configuration happen at once. */
  public void configure(Counterparts counterparts) {
    this.config = counterparts;
    runDue();
  }

  /** How many answers counterparts gave since the server started. */
  public long answered() {
    return answered.get();
  }

  /** The behaviour the server plays {@code unit} with, if it plays it (the console shows it). */
  public Optional<Behaviour> behaviourOf(Unit unit) {
    return match(config, unit, null).map(Counterpart::behaviour);
  }

  private void loop() {
    long seen = 0;
    while (!closed) {
      try {
        seen = core.events().awaitWrite(seen, 1000);
        runDue();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a store failure: the next write or tick tries again (nothing half-done: each answer is one operation)
        System.getLogger(CounterpartEngine.class.getName()).log(System.Logger.Level.WARNING,
            "counterparts: " + e.getClass().getSimpleName());
      }
    }
  }

  /** Gives every due answer, status and notification of the played units; returns how many were given. */
  public synchronized int runDue() {
    Instant now = core.now();
    int done = 0;
    for (Pending p : pending()) {
      if (!p.due().isAfter(now) && act(p, now)) {
        done++;
      }
    }
    done += notifyDue(now);
    answered.addAndGet(done);
    return done;
  }

  /**
   * The earliest instant after {@code after} and not after {@code until} when a counterpart answers: a clock moved
   * over it stops there first, so that an answer due before VT archives the request is given before.
   */
  public Optional<Instant> nextDue(Instant after, Instant until) {
    java.util.stream.Stream<Instant> notifications = config.counterparts().stream()
        .filter(cp -> cp.behaviour().answer().equals(Behaviour.NOTIFY) && cp.unit() != null)
        .map(cp -> lastNotified.getOrDefault(cp.unit(), after).plus(cp.behaviour().every()));
    return java.util.stream.Stream.concat(pending().stream().map(Pending::due), notifications)
        .filter(t -> t.isAfter(after) && !t.isAfter(until)).min(Comparator.naturalOrder());
  }

  /** An answer (or the next ESMS status: {@code status} non-null) a counterpart will give. */
  private record Pending(AdmissionRequest request, Counterpart counterpart, ModuleDescriptor module,
      ResponseKind kind, String status, Instant due) {}

  /** When each MDPH counterpart last notified (its first look: now, no notification then). */
  private final Map<UnitId, Instant> lastNotified = new java.util.concurrent.ConcurrentHashMap<>();
  private int notified;

  private List<Pending> pending() {
    Counterparts c = config;
    if (c.counterparts().isEmpty()) {
      return List.of();
    }
    Map<UnitId, Optional<Unit>> units = new HashMap<>();
    List<Pending> out = new java.util.ArrayList<>();
    for (AdmissionRequest r : core.requests().open(VT)) {
      if (c.except().contains(r.unit()) || r.sentAt() == null) {
        continue;
      }
      Optional<Unit> unit = units.computeIfAbsent(r.unit(), id -> core.directory().find(id));
      Optional<Counterpart> who = unit.flatMap(u -> match(c, u, r));
      if (who.isEmpty()) {
        continue;
      }
      ModuleDescriptor module = VtModules.of(r.module());
      Behaviour b = who.get().behaviour();
      if (b.answer().equals(Behaviour.STATUSES)) {
        if (module.sdoNotifications()) {
          Principal esms = new Principal(module.receiverRole(), r.unit(), ACTOR);
          int reported = core.handicap().statuses(esms, r.id()).size();
          if (reported < b.statuses().size()) {
            out.add(new Pending(r, who.get(), module, null, b.statuses().get(reported),
                r.sentAt().plus(b.after().multipliedBy(reported + 1L))));
          }
        }
        continue;
      }
      if (b.answer().equals(Behaviour.NOTIFY)) {
        continue;
      }
      Optional<ResponseKind> kind = decide(b, c.seed(), r);
      if (kind.isPresent() && module.responseKinds().contains(kind.get())) { // else NEVER, or not of this module
        out.add(new Pending(r, who.get(), module, kind.get(), null, r.sentAt().plus(b.after())));
      }
    }
    return out;
  }

  private boolean act(Pending pending, Instant now) {
    AdmissionRequest r = pending.request();
    ModuleDescriptor module = pending.module();
    Principal p = new Principal(module.receiverRole(), r.unit(), ACTOR);
    WriteOptions o = WriteOptions.DEFAULT;
    try {
      if (pending.status() != null) {
        core.handicap().reportStatus(p, r.id(), status(r, pending.status(), now), o);
        record(p, "/v1/requests/{id}/esms-statuses", r.id().value(), now);
        return true;
      }
      if (module.workflow().find(r.status(), Action.READ, p.role()).isPresent()) {
        core.requests().read(p, r.id(), o); // opened first, as a person would
        record(p, "/v1/requests/{id}/read", r.id().value(), now);
      }
      core.requests().respond(p, r.id(), response(module, pending.kind(), pending.counterpart().behaviour(), now), o);
      record(p, "/v1/requests/{id}/responses", r.id().value(), now);
      return true;
    } catch (VtCoreException e) {
      // the requester cancelled or confirmed meanwhile, or the workflow does not allow it from here: not given
      return false;
    }
  }

  /** Journals an action as the call a person would have made (correlation id {@code counterpart}, no fault). */
  private void record(Principal p, String route, String id, Instant at) {
    journal.accept(new io.vtsdk.server.JournalEntry(at, "POST", id == null ? route : route.replace("{id}", id), route,
        route.endsWith("/read") || route.endsWith("/responses") ? 200 : 201, ACTOR, null, p.role().name(),
        p.unit().value(), null));
  }

  /** The JDV_J252 status {@code code} of the receiving ESMS about the notified decision, dated today. */
  private io.vtsdk.model.handicap.EsmsStatus status(AdmissionRequest r, String code, Instant now) {
    Unit esms = core.directory().unit(r.unit());
    io.vtsdk.model.dossier.Dossier d = core.dossiers().get(new Principal(Role.ESMS, r.unit(), ACTOR), r.dossierId());
    String motif = io.vtsdk.model.nos.Nomenclatures.statusMotifs().motifsFor(code).stream().sorted().findFirst()
        .orElse(null);
    return new io.vtsdk.model.handicap.EsmsStatus("1" + esms.structure().value(), null,
        io.vtsdk.model.Coding.of(io.vtsdk.model.nos.NosTable.R357.url(), code),
        motif == null ? null : io.vtsdk.model.Coding.of(io.vtsdk.model.nos.NosTable.R358.url(), motif),
        LocalDate.ofInstant(now, PARIS), null, null, null, null, d.mdphDecision().idDecision(), null);
  }

  /**
   * Each MDPH counterpart whose period has passed notifies a new decision (a synthetic child, oriented to the target
   * ESMS's category) to its units, as the MDPH's principal: created and sent through the core (SDO flow 1).
   */
  private int notifyDue(Instant now) {
    int done = 0;
    for (Counterpart cp : config.counterparts()) {
      Behaviour b = cp.behaviour();
      if (!b.answer().equals(Behaviour.NOTIFY) || cp.unit() == null) {
        continue;
      }
      Instant last = lastNotified.compute(cp.unit(), (u, t) -> t == null || t.isAfter(now) ? now : t);
      while (!last.plus(b.every()).isAfter(now)) {
        last = last.plus(b.every());
        lastNotified.put(cp.unit(), last);
        for (UnitId to : b.to()) {
          if (notify(cp.unit(), to, last)) {
            done++;
          }
        }
      }
    }
    return done;
  }

  private boolean notify(UnitId mdph, UnitId to, Instant at) {
    Optional<Unit> esms = core.directory().find(to);
    if (esms.isEmpty() || esms.get().esmsCategory() == null) {
      return false;
    }
    io.vtsdk.model.Coding category = esms.get().esmsCategory();
    LocalDate today = LocalDate.ofInstant(at, PARIS);
    int n = ++notified;
    io.vtsdk.server.fixtures.VtFixtures fx = io.vtsdk.server.fixtures.VtFixtures.seeded(config.seed() * 31 + n, today);
    String decision = mdph.value() + "-" + at.getEpochSecond() + "-" + n;
    io.vtsdk.model.dossier.Dossier draft = fx.dossier(io.vtsdk.model.VtModule.HANDICAP)
        .requester(new io.vtsdk.model.dossier.Requester(mdph, null))
        .orientation(io.vtsdk.model.dossier.Orientation.esms(category))
        .mdphDecision(new io.vtsdk.model.handicap.MdphDecision(decision, null, List.of(category), List.of(),
            today.minusDays(1), today.plusYears(3)))
        .build();
    Principal p = new Principal(Role.MDPH, mdph, ACTOR);
    try {
      io.vtsdk.model.dossier.Dossier created = core.dossiers().create(p, draft, WriteOptions.DEFAULT).value();
      record(p, "/v1/dossiers", null, at);
      core.requests().send(p, created.id(), List.of(to), WriteOptions.DEFAULT);
      record(p, "/v1/dossiers/{id}/requests", created.id().value(), at);
      return true;
    } catch (VtCoreException e) {
      return false;
    }
  }

  private static Response response(ModuleDescriptor module, ResponseKind kind, Behaviour b, Instant now) {
    Motif motif = kind.motifs().isEmpty() ? null : kind.motif(b.motif()).orElseGet(() -> kind.motifs().stream()
        .filter(m -> !m.needsPrecision()).findFirst().orElse(kind.motifs().get(0)));
    java.util.Set<String> fields = module.answerFields(kind);
    LocalDate entry = fields.contains("proposedEntryDate") && b.entryIn() != null
        ? LocalDate.ofInstant(now.plus(b.entryIn()), PARIS) : null;
    Instant admission = fields.contains("admissionAt")
        ? now.plus(b.entryIn() != null ? b.entryIn() : java.time.Duration.ofHours(1)) : null;
    return new Response(kind, motif == null ? null : motif.toCoding(),
        motif != null && motif.needsPrecision() ? "Réponse du simulateur" : null, null, now, entry, admission);
  }

  /** The counterpart playing {@code unit} for {@code r} (null: any of its modules): the most precise, then first. */
  static Optional<Counterpart> match(Counterparts c, Unit unit, AdmissionRequest r) {
    if (c.except().contains(unit.id())) {
      return Optional.empty();
    }
    return c.counterparts().stream()
        .filter(cp -> plays(cp, unit, r))
        .min(Comparator.comparingInt(CounterpartEngine::precision));
  }

  private static boolean plays(Counterpart cp, Unit unit, AdmissionRequest r) {
    if (cp.unit() != null) {
      return cp.unit().equals(unit.id());
    }
    if (unit.targetKinds().isEmpty()) {
      return false; // a unit that only sends is never a counterpart
    }
    List<ModuleDescriptor> modules = r != null ? List.of(VtModules.of(r.module()))
        : unit.modules().stream().map(VtModules::of).toList();
    return modules.stream().anyMatch(m -> unit.modules().contains(m.module())
        && (cp.role() != null ? m.receiverRole() == cp.role() : cp.module() == null || cp.module().equals(m.module())));
  }

  private static int precision(Counterpart cp) {
    return cp.unit() != null ? 0 : cp.role() != null ? 1 : cp.module() != null ? 2 : 3;
  }

  /** The answer for {@code r}: fixed, none (NEVER), or drawn from the seed and the request's id. */
  static Optional<ResponseKind> decide(Behaviour b, long seed, AdmissionRequest r) {
    String name = b.answer();
    if (name.equals(Behaviour.RANDOM)) {
      int total = b.weights().values().stream().mapToInt(Integer::intValue).sum();
      int pick = new SplittableRandom(seed * 31 + r.id().value().hashCode()).nextInt(total);
      for (Map.Entry<String, Integer> e : b.weights().entrySet()) {
        pick -= e.getValue();
        if (pick < 0) {
          name = e.getKey();
          break;
        }
      }
    }
    return name.equals(Behaviour.NEVER) ? Optional.empty() : Optional.of(ResponseKind.valueOf(name));
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
