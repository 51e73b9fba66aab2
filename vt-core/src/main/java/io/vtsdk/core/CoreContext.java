package io.vtsdk.core;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.core.internal.Cursors;
import io.vtsdk.core.spi.IdempotencyRecord;
import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.core.spi.StoredEvent;
import io.vtsdk.core.spi.StoredRequest;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.IllegalTransitionException;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Workflow;
import io.vtsdk.rules.RuleEngine;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every service of the core shares: the store, the clocks, the policy, the validator, the rules, the cursors and
 * the sweep; and the one way an operation runs: {@link #read} or {@link #write}, one store transaction each, the
 * idempotency key and its stored result handled inside the write's own transaction. Not API.
 */
final class CoreContext {
  /** How many idempotency records are kept (the oldest are forgotten first; keys are meant for prompt retries). */
  static final int MAX_IDEMPOTENCY_RECORDS = 10_000;
  /** How long an idempotency record is kept (real time), whatever the count. */
  static final Duration IDEMPOTENCY_RETENTION = Duration.ofHours(24);
  static final int SCAN_BATCH = 512;

  final Store store;
  final Clock clock;
  /** Real time, for the retention of idempotency records (a test clock may be frozen or far ahead). */
  final Clock realClock;
  final DossierValidator validator;
  final RuleEngine rules;
  final Preflight preflight;
  final AccessPolicy policy;
  final Duration archiveAfter;
  final Cursors cursors;
  final Sweeper sweeper;
  private final JsonMapper json = VtJson.newMapper();
  private final Object writeSignal = new Object();
  private long writeCount; // guarded by writeSignal

  CoreContext(Store store, Clock clock, Clock realClock, DossierValidator validator, RuleEngine rules,
      AccessPolicy policy, Duration archiveAfter, byte[] cursorSecret) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.realClock = Objects.requireNonNull(realClock, "realClock");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.preflight = new Preflight(validator, rules);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.archiveAfter = archiveAfter;
    this.cursors = new Cursors(cursorSecret);
    this.sweeper = new Sweeper(this);
  }

  // ---------------------------------------------------------------------------------------------- transactions

  /** A read: one transaction on a committed state. */
  <T> T read(Function<StoreTx, T> work) {
    return store.read(work);
  }

  /**
   * A write of {@code p}: VT's own sweep first when something may be due (its own transaction: a refused write does
   * not undo what VT archived), then the operation as one transaction. With an idempotency key, the stored result of
   * the same key is replayed (or the key refused when the request differs) and the new result is recorded, all in
   * that one transaction: two concurrent retries cannot both write.
   *
   * @param operation names the operation ({@code "dossiers.update"}), and {@code target} what it acts on (null: none):
   *     a key is scoped by them
   * @param type the result's type, to replay it
   */
  <T> Written<T> write(Principal p, String operation, Object target, WriteOptions o, JavaType type,
      Function<StoreTx, T> work) {
    sweeper.beforeWrite();
    try {
      IdempotencyKey key = o.idempotencyKey();
      if (key == null) {
        return Written.of(store.write(work));
      }
      String scope = p.role() + "|" + p.unit().value() + "|" + p.actorId() + "|" + operation
          + (target == null ? "" : " " + target) + "|" + key.value();
      return store.write(tx -> {
        IdempotencyRecord previous = tx.idempotencyRecord(scope).orElse(null);
        if (previous != null) {
          if (!MessageDigest.isEqual(previous.requestHash(), key.requestHash())) {
            throw new VtCoreException(VtCoreException.Kind.INVALID, "idempotency-key-reused",
                "this Idempotency-Key was already used with another request");
          }
          return new Written<T>(fromJson(previous.result(), type), true);
        }
        T value = work.apply(tx);
        Instant now = realClock.instant();
        tx.putIdempotencyRecord(new IdempotencyRecord(scope, key.requestHash(), toJson(value), now),
            MAX_IDEMPOTENCY_RECORDS, now.minus(IDEMPOTENCY_RETENTION));
        return Written.of(value);
      });
    } finally {
      committed(); // a refused write changed nothing, but the sweep before it may have
    }
  }

  /** A write of VT itself or of a test server's control (no caller, no key): one transaction. */
  <T> T writeInternal(Function<StoreTx, T> work) {
    try {
      return store.write(work);
    } finally {
      committed();
    }
  }

  JavaType type(Class<?> c) {
    return json.constructType(c);
  }

  JavaType listOf(Class<?> c) {
    return json.getTypeFactory().constructCollectionType(List.class, c);
  }

  private byte[] toJson(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot record the result of type " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T fromJson(byte[] bytes, JavaType type) {
    try {
      return json.readValue(bytes, type);
    } catch (IOException e) {
      throw new IllegalStateException("a recorded result cannot be read as " + type, e);
    }
  }

  // ---------------------------------------------------------------------------------------------- write signal

  /** Wakes the callers of {@link #awaitWrite}. */
  void committed() {
    synchronized (writeSignal) {
      writeCount++;
      writeSignal.notifyAll();
    }
  }

  /** See {@link EventService#awaitWrite}. */
  long awaitWrite(long seen, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (writeSignal) {
      while (writeCount == seen) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        writeSignal.wait(left);
      }
      return writeCount;
    }
  }

  // ---------------------------------------------------------------------------------------------- lookups

  /** The dossier, when the policy lets {@code p} read it; else not found (the two are not told apart). */
  StoredDossier readableDossier(StoreTx tx, Principal p, DossierId id) {
    StoredDossier d = tx.dossier(id).orElse(null);
    if (d == null || !policy.canReadDossier(p, d, tx.requestsOf(id))) {
      throw VtCoreException.notFound("dossier", id.value());
    }
    return d;
  }

  /** The request, when the policy lets {@code p} see it; else not found. */
  AdmissionRequest visibleRequest(StoreTx tx, Principal p, RequestId id) {
    AdmissionRequest r = tx.request(id).map(StoredRequest::request).orElse(null);
    if (r == null || !policy.canSeeRequest(p, r, tx.dossier(r.dossierId()).orElse(null))) {
      throw VtCoreException.notFound("request", id.value());
    }
    return r;
  }

  /** Whether {@code p} is a party to {@code r}: its receiving unit, or its dossier's requesting side. */
  boolean isParty(StoreTx tx, Principal p, AdmissionRequest r) {
    if (AccessPolicy.isReceivingRole(p.role())) {
      return policy.isReceiverOf(p, r);
    }
    return tx.dossier(r.dossierId()).map(d -> policy.isRequesterSide(p, d)).orElse(false);
  }

  /** The CPAM codes of the directory (Prado's rule set checks the patient's CPAM is one). */
  static Set<String> cpams(StoreTx tx) {
    return tx.units().stream().map(Unit::cpamCode).filter(Objects::nonNull).collect(Collectors.toSet());
  }

  void requireValid(Object o, Stage stage, java.util.Locale locale) {
    ValidationReport report = validator.validate(o, stage, locale);
    if (!report.isValid()) {
      throw VtCoreException.invalid("invalid at " + stage + " stage", report.violations());
    }
  }

  // ---------------------------------------------------------------------------------------------- events

  /** Appends the change-feed event of a change of {@code sd} (and of {@code r} when it is about a request). */
  void emit(StoreTx tx, String type, StoredDossier sd, AdmissionRequest r, Action action, Role role,
      RequestStatus status) {
    Dossier d = sd.dossier();
    tx.appendEvent(new StoredEvent(0, clock.instant(), type, d.module(), d.id(), r == null ? null : r.id(), action,
        role, status, r == null ? d.version() : r.version(), d.requester() == null ? null : d.requester().unit(),
        r == null ? null : r.unit(), sd.createdBy()));
  }

  // ---------------------------------------------------------------------------------------------- workflow

  static RequestStatus start(Workflow w, Role role) {
    try {
      return w.start(role);
    } catch (IllegalTransitionException e) {
      throw illegal(e);
    }
  }

  static RequestStatus transition(Workflow w, RequestStatus from, Action action, Role role) {
    try {
      return w.apply(from, action, role);
    } catch (IllegalTransitionException e) {
      throw illegal(e);
    }
  }

  private static VtCoreException illegal(IllegalTransitionException e) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", e.from() == null ? "(none)" : e.from().name());
    details.put("action", e.action().name());
    details.put("role", e.role().name());
    details.put("reason", e.reason().name());
    boolean role = e.reason() == IllegalTransitionException.Reason.ROLE_NOT_ALLOWED;
    return new VtCoreException(role ? VtCoreException.Kind.FORBIDDEN : VtCoreException.Kind.ILLEGAL_TRANSITION,
        role ? "forbidden" : "illegal-transition", e.getMessage(), List.of(), details);
  }
}
