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

  public CounterpartEngine(VtCore core) {
    this.core = core;
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

  /** Answers every due request of a played unit; returns how many answers were given. */
  public synchronized int runDue() {
    Instant now = core.now();
    int done = 0;
    for (Pending p : pending()) {
      if (!p.due().isAfter(now) && answer(p.request(), p.module(), p.kind(), p.counterpart().behaviour(), now)) {
        done++;
      }
    }
    answered.addAndGet(done);
    return done;
  }

  /**
   * The earliest instant after {@code after} and not after {@code until} when a counterpart answers: a clock moved
   * over it stops there first, so that an answer due before VT archives the request is given before.
   */
  public Optional<Instant> nextDue(Instant after, Instant until) {
    return pending().stream().map(Pending::due).filter(t -> t.isAfter(after) && !t.isAfter(until))
        .min(Comparator.naturalOrder());
  }

  /** An answer a counterpart will give. */
  private record Pending(AdmissionRequest request, Counterpart counterpart, ModuleDescriptor module,
      ResponseKind kind, Instant due) {}

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
      Optional<ResponseKind> kind = decide(who.get().behaviour(), c.seed(), r);
      if (kind.isPresent() && module.responseKinds().contains(kind.get())) { // else NEVER, or not of this module
        out.add(new Pending(r, who.get(), module, kind.get(), r.sentAt().plus(who.get().behaviour().after())));
      }
    }
    return out;
  }

  private boolean answer(AdmissionRequest r, ModuleDescriptor module, ResponseKind kind, Behaviour b, Instant now) {
    Principal p = new Principal(module.receiverRole(), r.unit(), ACTOR);
    WriteOptions o = WriteOptions.DEFAULT;
    try {
      if (module.workflow().find(r.status(), Action.READ, p.role()).isPresent()) {
        core.requests().read(p, r.id(), o); // opened first, as a person would
      }
      core.requests().respond(p, r.id(), response(module, kind, b, now), o);
      return true;
    } catch (VtCoreException e) {
      // the requester cancelled or confirmed meanwhile, or the workflow does not allow it from here: not answered
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
