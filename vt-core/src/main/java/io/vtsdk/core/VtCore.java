package io.vtsdk.core;

import io.vtsdk.api.Event;
import io.vtsdk.api.Page;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.api.RequestFigures;
import io.vtsdk.api.WaitingListRow;
import io.vtsdk.core.internal.Cursors;
import io.vtsdk.core.internal.Messages;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.core.spi.RecordedAgreement;
import io.vtsdk.core.spi.ReportedStatus;
import io.vtsdk.core.spi.Store;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.core.spi.StoredEvent;
import io.vtsdk.core.spi.StoredRequest;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.PradoVolet;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.MedicalSection;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.dossier.Requester;
import io.vtsdk.model.dossier.TargetKind;
import io.vtsdk.model.Coding;
import io.vtsdk.model.handicap.EsmsStatus;
import io.vtsdk.model.nos.NosTable;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.IllegalTransitionException;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import io.vtsdk.model.workflow.Transition;
import io.vtsdk.model.workflow.Workflow;
import io.vtsdk.rules.Decision;
import io.vtsdk.rules.DossierFacts;
import io.vtsdk.rules.NoRuleSetException;
import io.vtsdk.rules.RuleEngine;
import io.vtsdk.rules.Target;
import io.vtsdk.rules.indicators.Ratio;
import io.vtsdk.rules.indicators.RequestIndicators;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * ViaTrajectoire's behaviour as a library: dossiers, attachments, preflight and sending, the request lifecycle of
 * each module (read, respond, cancel, confirm, close the others, auto-archiving driven by the clock), ESMS statuses
 * and agreements (SDO), waiting lists, the change feed and indicators. Every operation names its {@link Principal};
 * the {@link AccessPolicy} decides what it may see and do, and every adapter (HTTP, FHIR, console, CLI) goes through
 * here, so they all agree.
 *
 * <pre>{@code
 * VtCore vt = VtCore.builder().clock(clock).build();
 * vt.resetDirectory(units);
 * Dossier d = vt.createDossier(requester, draft, Locale.FRENCH);
 * PreflightReport report = vt.preflight(requester, d.id(), List.of(cpam), Locale.FRENCH);
 * List<AdmissionRequest> sent = vt.send(requester, d.id(), List.of(cpam), Locale.FRENCH); // refused if !accepted
 * }</pre>
 *
 * <p>Thread-safe: each operation is one transaction of the {@link Store}. Refusals are {@link VtCoreException}s whose
 * messages name the rule and the JSON pointer, never a value.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class VtCore {
  private static final int SCAN_BATCH = 512;

  private final Store store;
  private final Clock clock;
  private final DossierValidator validator;
  private final RuleEngine rules;
  private final Preflight preflight;
  private final AccessPolicy policy;
  private final Observatory observatory;
  private final Duration archiveAfter;
  private final Object writeSignal = new Object();
  private long writeCount; // guarded by writeSignal
  private final Cursors cursors;
  private final AtomicLong sweeps = new AtomicLong();
  /** Earliest instant the sweep may have something to do (archiving, an expired decision); null: none known. */
  private volatile Instant nextSweepDue;
  private volatile boolean sweepDueKnown;

  private VtCore(Builder b) {
    this.store = b.store != null ? b.store : new InMemoryStore();
    this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    this.validator = b.validator != null ? b.validator : DossierValidator.builder().clock(clock).build();
    this.rules = b.rules != null ? b.rules : RuleEngine.standard();
    this.preflight = new Preflight(validator, rules);
    this.policy = b.policy != null ? b.policy : AccessPolicy.standard();
    this.observatory = new Observatory(store, policy);
    this.archiveAfter = b.archiveAfter;
    byte[] secret = b.cursorSecret;
    if (secret == null) {
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
    }
    this.cursors = new Cursors(secret);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Store store() {
    return store;
  }

  public AccessPolicy policy() {
    return policy;
  }

  public DossierValidator validator() {
    return validator;
  }

  /** The observatory: the Prado TUV and the Handicap indicators within the caller's scope. @since 0.2 */
  public Observatory observatory() {
    return observatory;
  }

  public Instant now() {
    return clock.instant();
  }

  /** How many auto-archiving sweeps changed something since this core was built. */
  public long sweeps() {
    return sweeps.get();
  }

  // ============================================================================================== directory

  /** Replaces the directory and removes all data (a test server's reset). */
  public void reset(List<Unit> directory) {
    store.write(tx -> {
      tx.clearData();
      tx.clearUnits();
      directory.forEach(tx::putUnit);
      return null;
    });
    nextSweepDue = null;
    sweepDueKnown = true;
    committed();
  }

  /** Forgets what the core cached about the store (after the store was restored from a snapshot). */
  public void storeRestored() {
    sweepDueKnown = false;
  }

  /** A directory search; every field of {@code q} may be null (no filter). The directory is public to callers. */
  public List<Unit> searchUnits(UnitQuery q) {
    return store.read(tx -> tx.units().stream()
        .filter(u -> q.module() == null || u.modules().contains(q.module()))
        .filter(u -> q.target() == null || u.targetKinds().contains(q.target()))
        .filter(u -> q.pradoVolet() == null || u.pradoVolets().contains(q.pradoVolet()))
        .filter(u -> q.departement() == null
            || u.departement() != null && u.departement().code().equalsIgnoreCase(q.departement()))
        .filter(u -> q.finess() == null || u.structure() != null && u.structure().value().equals(q.finess()))
        .filter(u -> q.category() == null || u.esmsCategory() != null && u.esmsCategory().code().equals(q.category()))
        .toList());
  }

  /** A directory query. */
  public record UnitQuery(VtModule module, TargetKind target, PradoVolet pradoVolet, String departement,
      String finess, String category) {}

  public Unit unit(UnitId id) {
    return store.read(tx -> tx.unit(id)).orElseThrow(() -> VtCoreException.notFound("unit", id.value()));
  }

  // ============================================================================================== dossiers

  /**
   * Creates a draft. The server gives the id, number, status, version, times and history; attachments are never
   * taken from the caller (they are added by {@link #attach}). The requester is the caller's unit.
   */
  public Dossier createDossier(Principal p, Dossier draft, Locale locale) {
    Objects.requireNonNull(draft, "draft");
    Workflow w = VtModules.of(draft.module()).workflow();
    if (!w.senders().contains(p.role())) {
      throw VtCoreException.forbidden("role " + p.role() + " cannot create a " + draft.module() + " dossier; "
          + "allowed: " + w.senders());
    }
    if (draft.requester() != null && !draft.requester().unit().equals(p.unit())) {
      throw VtCoreException.forbidden("requester.unit must be your own unit");
    }
    return write(tx -> {
      DossierId id = DossierId.of(tx.newId("D"));
      Instant now = clock.instant();
      Requester requester = draft.requester() == null ? new Requester(p.unit(), null) : draft.requester();
      Dossier d = draft.withId(id).toBuilder().requester(requester).number("VT-" + id.value())
          .status(DossierStatus.DRAFT).version(1).createdAt(now).updatedAt(now).history(List.of())
          .attachments(List.of()).build();
      requireValid(d, Stage.DRAFT, locale);
      checkMedicalSection(p, null, d.medical());
      tx.putDossier(d, p.actorId());
      emit(tx, "dossier.created", tx.dossier(id).orElseThrow(), null, null, p.role(), null);
      return d;
    });
  }

  /**
   * Replaces a dossier's content. {@code expectedVersion} is the version the caller read (else {@link
   * VtCoreException.Kind#STALE}); id, module, requester unit, number, status, times, history and attachments stay the
   * server's.
   */
  public Dossier updateDossier(Principal p, DossierId id, long expectedVersion, Dossier sent, Locale locale) {
    return write(tx -> {
      StoredDossier current = readableDossier(tx, p, id);
      if (!policy.canEditDossier(p, current)) {
        throw VtCoreException.forbidden("only the requesting unit may update its dossier");
      }
      Dossier c = current.dossier();
      if (c.version() != expectedVersion) {
        throw new VtCoreException(VtCoreException.Kind.STALE, "precondition-failed",
            "the dossier changed since you read it", List.of(), Map.of("currentVersion", c.version()));
      }
      if (c.status() != DossierStatus.DRAFT && c.status() != DossierStatus.SENT) {
        throw VtCoreException.conflict("a dossier in status " + c.status() + " cannot be updated");
      }
      if (sent.module() != c.module()) {
        throw VtCoreException.invalid("module cannot change", List.of(new Violation("/module", "immutable",
            "module cannot change")));
      }
      if (sent.requester() != null && !sent.requester().unit().equals(c.requester().unit())) {
        throw VtCoreException.forbidden("requester.unit cannot change");
      }
      Dossier d = sent.withId(c.id()).toBuilder()
          .requester(sent.requester() == null ? c.requester() : sent.requester())
          .number(c.number()).status(c.status()).version(c.version() + 1).createdAt(c.createdAt())
          .updatedAt(clock.instant()).history(c.history()).attachments(c.attachments()).build();
      requireValid(d, Stage.DRAFT, locale);
      checkMedicalSection(p, c.medical(), d.medical());
      tx.putDossier(d, current.createdBy());
      if (d.module() == VtModule.HANDICAP) {
        sweepDueKnown = false; // the decision's validity may have changed: the next sweep looks at every request
      }
      emit(tx, "dossier.updated", tx.dossier(id).orElseThrow(), null, null, p.role(), null);
      return d;
    });
  }

  /**
   * Who may fill and validate the medical section (the policy decides): refused when {@code p} changes its content
   * without being allowed to fill it, or raises its validated version without being its prescriber.
   */
  private void checkMedicalSection(Principal p, MedicalSection before, MedicalSection after) {
    if (after == null || after.equals(before)) {
      return;
    }
    if (!policy.mayFillMedicalSection(p)) {
      throw VtCoreException.forbidden("a collaborator fills the medical section for a doctor only when authenticated "
          + "by CPx card (seed 002)");
    }
    int was = before == null || before.info() == null ? 0 : before.info().validatedVersion();
    if (after.info() != null && after.info().validatedVersion() > was
        && !policy.mayValidateMedicalSection(p, after.info().author())) {
      throw VtCoreException.forbidden("only the prescribing doctor, the medical section's author, validates it "
          + "(seed 003)");
    }
  }

  public Dossier dossier(Principal p, DossierId id) {
    return store.read(tx -> readableDossier(tx, p, id).dossier());
  }

  /** The caller's unit's dossiers (requesting side), optionally of one module and status. */
  public Page<Dossier> dossiers(Principal p, VtModule module, DossierStatus status, String cursor, int limit) {
    long after = cursors.decode(cursor, "cursor");
    return store.read(tx -> {
      List<Dossier> out = new ArrayList<>();
      long position = after;
      while (true) {
        List<StoredDossier> batch = tx.dossiersOf(p.unit(), position, SCAN_BATCH);
        for (StoredDossier d : batch) {
          if (policy.isRequesterSide(p, d) && (module == null || d.dossier().module() == module)
              && (status == null || d.dossier().status() == status)) {
            if (out.size() == limit) {
              return new Page<>(out, cursors.encode(position));
            }
            out.add(d.dossier());
          }
          position = d.seq();
        }
        if (batch.size() < SCAN_BATCH) {
          return new Page<>(out, null);
        }
      }
    });
  }

  /** Validates a dossier at {@code stage} (nothing is changed). */
  public ValidationReport validate(Principal p, DossierId id, Stage stage, Locale locale) {
    Dossier d = dossier(p, id);
    return validator.validate(d, stage, locale);
  }

  /**
   * Evaluates a dossier's eligibility for {@code target} (the dossier's orientation when null) on {@code date} (today
   * when null), towards {@code targetUnit} when given.
   */
  public Decision eligibility(Principal p, DossierId id, Target target, LocalDate date, UnitId targetUnit) {
    return store.read(tx -> {
      Dossier d = readableDossier(tx, p, id).dossier();
      Target t = target != null ? target : d.orientation() == null ? null : Target.of(d.orientation());
      if (t == null) {
        throw VtCoreException.invalid("the dossier has no orientation: give a target",
            List.of(new Violation("/target", "required", "the dossier has no orientation: give a target")));
      }
      Unit unit = targetUnit == null ? null : tx.unit(targetUnit)
          .orElseThrow(() -> VtCoreException.notFound("unit", targetUnit.value()));
      Unit requesting = d.requester() == null ? null : tx.unit(d.requester().unit()).orElse(null);
      try {
        return rules.evaluate(t, DossierFacts.of(d).requestingUnit(requesting).targetUnit(unit)
            .knownCpamCodes(cpams(tx)).build(), date != null ? date : LocalDate.now(clock));
      } catch (NoRuleSetException e) {
        throw new VtCoreException(VtCoreException.Kind.INVALID, "no-rule-set", e.getMessage());
      }
    });
  }

  private static Set<String> cpams(StoreTx tx) {
    return tx.units().stream().map(Unit::cpamCode).filter(Objects::nonNull).collect(Collectors.toSet());
  }

  // ============================================================================================== attachments

  /**
   * Adds a file to a dossier. The content is streamed to the store (never whole in the heap here), its size bounded
   * by the validator's limit, its SHA-256 computed; {@code announcedSha256} (hex, optional) must match it. The
   * metadata is the server's; the dossier's version increases.
   */
  public Attachment attach(Principal p, DossierId id, String fileName, String contentType, InputStream content,
      String announcedSha256, Locale locale) {
    if (fileName == null || fileName.isBlank()) {
      throw VtCoreException.invalid("give the file name", List.of(new Violation("/fileName", "required",
          Messages.get("attachment.fileName", locale))));
    }
    return write(tx -> {
      StoredDossier sd = readableDossier(tx, p, id);
      if (!policy.canEditDossier(p, sd)) {
        throw VtCoreException.forbidden("only the requesting unit may attach files to its dossier");
      }
      Dossier d = sd.dossier();
      AttachmentId aid = AttachmentId.of(tx.newId("A"));
      MessageDigest md = sha256();
      Bounded counted = new Bounded(new DigestInputStream(content, md), validator.maxAttachmentBytes());
      tx.putAttachment(aid, d.id(), counted);
      String sha = HexFormat.of().formatHex(md.digest());
      if (announcedSha256 != null && !announcedSha256.trim().equalsIgnoreCase(sha)) {
        throw VtCoreException.invalid("the content's sha-256 does not match the announced one: the file was altered "
            + "or truncated in transit", List.of(new Violation("/sha256", "sha256.mismatch",
                "the content's sha-256 does not match the announced one")));
      }
      Instant now = clock.instant();
      Attachment a = new Attachment(aid, fileName, contentType == null ? "" : contentType, counted.count, sha, now);
      List<Attachment> all = new ArrayList<>(d.attachments());
      all.add(a);
      Dossier updated = d.toBuilder().attachments(all).version(d.version() + 1).updatedAt(now).build();
      requireValid(updated, Stage.DRAFT, locale);
      tx.putDossier(updated, sd.createdBy());
      emit(tx, "dossier.attachment", tx.dossier(id).orElseThrow(), null, null, p.role(), null);
      return a;
    });
  }

  /** An attachment's metadata and its content (the caller closes it). */
  public record AttachmentContent(Attachment metadata, InputStream content) {}

  /** Opens an attachment the policy lets {@code p} read. */
  public AttachmentContent attachment(Principal p, AttachmentId id) {
    return store.read(tx -> {
      StoredDossier d = tx.attachmentOwner(id).flatMap(tx::dossier).orElse(null);
      if (d == null || !policy.canReadAttachment(p, d, tx.requestsOf(d.dossier().id()), tx.agreements())) {
        throw VtCoreException.notFound("attachment", id.value());
      }
      Attachment meta = d.dossier().attachments().stream().filter(a -> a.id().equals(id)).findFirst()
          .orElseThrow(() -> VtCoreException.notFound("attachment", id.value()));
      return new AttachmentContent(meta, tx.openAttachment(id)
          .orElseThrow(() -> VtCoreException.notFound("attachment", id.value())));
    });
  }

  /** Counts and bounds what is read. */
  private static final class Bounded extends java.io.FilterInputStream {
    private final long limit;
    long count;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > limit) {
        throw new VtCoreException(VtCoreException.Kind.CAPACITY, "payload-too-large",
            "the attachment exceeds " + limit + " bytes");
      }
    }
  }

  // ============================================================================================== send

  /**
   * Would VT send the dossier to these units? Validation at SUBMISSION, routing constraints, eligibility for each
   * unit — the checks {@link #send} makes, without sending.
   */
  public PreflightReport preflight(Principal p, DossierId id, List<UnitId> units, Locale locale) {
    return store.read(tx -> preflight(tx, p, readableDossier(tx, p, id), units, locale));
  }

  private PreflightReport preflight(StoreTx tx, Principal p, StoredDossier sd, List<UnitId> units, Locale locale) {
    Dossier d = sd.dossier();
    ValidationReport validation = validator.validate(d, Stage.SUBMISSION, locale);
    Unit requesting = d.requester() == null ? null : tx.unit(d.requester().unit()).orElse(null);
    Set<String> cpams = cpams(tx);
    LocalDate today = LocalDate.now(clock);
    Workflow w = VtModules.of(d.module()).workflow();
    List<AdmissionRequest> existing = tx.requestsOf(d.id());
    List<PreflightReport.UnitCheck> checks = new ArrayList<>();
    Set<UnitId> seen = new HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      UnitId uid = units.get(i);
      String at = "/units/" + i;
      Optional<Unit> unit = tx.unit(uid);
      if (unit.isEmpty()) {
        checks.add(PreflightReport.UnitCheck.of(uid, List.of(new Violation(at, "routing.unit.unknown",
            Messages.get("routing.unit.unknown", locale))), null));
        continue;
      }
      PreflightReport.UnitCheck c = preflight.checkUnit(d, requesting, unit.get(), at, cpams, today, locale);
      List<Violation> extra = new ArrayList<>(c.violations());
      if (!seen.add(uid)) {
        extra.add(new Violation(at, "routing.unit.duplicate", Messages.get("routing.unit.duplicate", locale)));
      }
      if (existing.stream().anyMatch(r -> r.unit().equals(uid) && !w.isTerminal(r.status()))) {
        extra.add(new Violation(at, "routing.unit.already", Messages.get("routing.unit.already", locale)));
      }
      checks.add(PreflightReport.UnitCheck.of(uid, extra, c.eligibility()));
    }
    return PreflightReport.of(validation.violations(), checks);
  }

  /**
   * Sends the dossier to each unit: one request per unit, the dossier SENT. Refused as a whole, with every violation,
   * unless {@link #preflight} accepts it.
   */
  public List<AdmissionRequest> send(Principal p, DossierId id, List<UnitId> units, Locale locale) {
    if (units == null || units.isEmpty()) {
      throw VtCoreException.invalid("give the receiving units",
          List.of(new Violation("/units", "required", "give the receiving units")));
    }
    return write(tx -> {
      StoredDossier sd = readableDossier(tx, p, id);
      if (!policy.canEditDossier(p, sd)) {
        throw VtCoreException.forbidden("only the requesting unit may send its dossier");
      }
      RequestStatus initial = start(VtModules.of(sd.dossier().module()).workflow(), p.role());
      PreflightReport report = preflight(tx, p, sd, units, locale);
      if (!report.accepted()) {
        boolean already = report.violations().stream().anyMatch(v -> v.code().equals("routing.unit.already"));
        boolean ineligible = report.violations().stream().anyMatch(v -> v.code().startsWith("eligibility."));
        String code = already ? "conflict" : ineligible ? "ineligible" : "validation-failed";
        throw new VtCoreException(already ? VtCoreException.Kind.CONFLICT : VtCoreException.Kind.INVALID, code,
            ineligible ? "VT would not send this dossier: eligibility rules are not met ("
                + report.violations().stream().map(Violation::code).filter(c -> c.startsWith("eligibility."))
                    .map(c -> c.substring("eligibility.".length())).distinct().collect(Collectors.joining(", "))
                + ")" : "VT would not send this dossier", report.violations(), Map.of());
      }
      List<Unit> targets = units.stream().map(u -> tx.unit(u).orElseThrow()).toList();
      return createRequests(tx, sd, targets, initial, p.role());
    });
  }

  private List<AdmissionRequest> createRequests(StoreTx tx, StoredDossier sd, List<Unit> targets,
      RequestStatus initial, Role role) {
    Dossier d = sd.dossier();
    Instant now = clock.instant();
    List<AdmissionRequest> created = new ArrayList<>();
    Dossier sent = d.toBuilder().status(DossierStatus.SENT).version(d.version() + 1).updatedAt(now).build();
    tx.putDossier(sent, sd.createdBy());
    for (Unit unit : targets) {
      AdmissionRequest r = new AdmissionRequest(RequestId.of(tx.newId("R")), d.id(), d.module(), unit.id(),
          initial, now, null, null, null, List.of(), 1);
      tx.putRequest(r);
      created.add(r);
      Instant due = sweepDue(d, r);
      Instant next = nextSweepDue;
      if (sweepDueKnown && due != null && (next == null || due.isBefore(next))) {
        nextSweepDue = due;
      }
    }
    StoredDossier stored = tx.dossier(d.id()).orElseThrow();
    for (AdmissionRequest r : created) {
      emit(tx, "request.sent", stored, r, Action.SEND, role, r.status());
    }
    return created;
  }

  // ============================================================================================== requests

  public AdmissionRequest request(Principal p, RequestId id) {
    return store.read(tx -> visibleRequest(tx, p, id));
  }

  /** The requests the caller sees: sent to its unit (receiving roles) or by it (requesting side). */
  public Page<AdmissionRequest> requests(Principal p, DossierId dossier, RequestStatus status, String cursor,
      int limit) {
    long after = cursors.decode(cursor, "cursor");
    boolean receiver = AccessPolicy.isReceivingRole(p.role());
    return store.read(tx -> {
      List<AdmissionRequest> out = new ArrayList<>();
      long position = after;
      while (true) {
        List<StoredRequest> batch = tx.requestsOfUnit(p.unit(), receiver, position, SCAN_BATCH);
        for (StoredRequest s : batch) {
          AdmissionRequest r = s.request();
          if ((dossier == null || r.dossierId().equals(dossier)) && (status == null || r.status() == status)
              && policy.canSeeRequest(p, r, tx.dossier(r.dossierId()).orElse(null))) {
            if (out.size() == limit) {
              return new Page<>(out, cursors.encode(position));
            }
            out.add(r);
          }
          position = s.seq();
        }
        if (batch.size() < SCAN_BATCH) {
          return new Page<>(out, null);
        }
      }
    });
  }

  /** What the caller may do now on a request (nothing when it is not a party). */
  public Set<Action> availableActions(Principal p, RequestId id) {
    return store.read(tx -> {
      AdmissionRequest r = visibleRequest(tx, p, id);
      return isParty(tx, p, r) ? VtModules.of(r.module()).workflow().availableActions(r.status(), p.role())
          : Set.<Action>of();
    });
  }

  /** Reads a request (the receiving unit opened it). */
  public AdmissionRequest read(Principal p, RequestId id) {
    return act(p, id, Action.READ, null, Locale.ROOT);
  }

  /** Answers a request; the response's kind says the action. */
  public AdmissionRequest respond(Principal p, RequestId id, Response response, Locale locale) {
    Objects.requireNonNull(response, "response");
    return act(p, id, response.kind().action(), response, locale);
  }

  /** The requester cancels a request (the dossier is cancelled when all its requests are). */
  public AdmissionRequest cancel(Principal p, RequestId id) {
    return act(p, id, Action.CANCEL, null, Locale.ROOT);
  }

  /** The requester confirms the admission: every other open request of the dossier is closed by VT. */
  public AdmissionRequest confirmAdmission(Principal p, RequestId id) {
    return act(p, id, Action.CONFIRM_ADMISSION, null, Locale.ROOT);
  }

  private AdmissionRequest act(Principal p, RequestId id, Action action, Response response, Locale locale) {
    if (response != null) {
      ValidationReport report = validator.validate(response, Stage.DRAFT, locale);
      if (!report.isValid()) {
        throw VtCoreException.invalid("the response is invalid", report.violations());
      }
    }
    return write(tx -> {
      AdmissionRequest r = visibleRequest(tx, p, id);
      if (response != null && !response.kind().modules().contains(r.module())) {
        throw VtCoreException.invalid("a " + response.kind() + " answer does not exist in " + r.module(),
            List.of(new Violation("/kind", "kind.module", "this kind of answer does not exist in this module")));
      }
      if (response != null) {
        List<Violation> own = VtModules.of(r.module()).checkResponse(response, clock.instant(),
            code -> Messages.get(code, locale));
        if (!own.isEmpty()) {
          throw VtCoreException.invalid("the response is invalid in " + r.module(), own);
        }
      }
      if (!isParty(tx, p, r)) {
        throw VtCoreException.forbidden("your unit is not a party to this request in role " + p.role());
      }
      return apply(tx, r, action, p.role(), response);
    });
  }

  private boolean isParty(StoreTx tx, Principal p, AdmissionRequest r) {
    if (AccessPolicy.isReceivingRole(p.role())) {
      return policy.isReceiverOf(p, r);
    }
    return tx.dossier(r.dossierId()).map(d -> policy.isRequesterSide(p, d)).orElse(false);
  }

  private AdmissionRequest apply(StoreTx tx, AdmissionRequest r, Action action, Role role, Response response) {
    Workflow w = VtModules.of(r.module()).workflow();
    RequestStatus to = transition(w, r.status(), action, role);
    Instant now = clock.instant();
    List<Response> responses = new ArrayList<>(r.responses());
    if (response != null) {
      responses.add(response.withAt(now));
    }
    // An answer is a reading: a request answered straight from SENT gets readAt too (answered ⊂ read, seed 002).
    boolean reads = action == Action.READ || response != null;
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt() == null && reads ? now : r.readAt(),
        response != null && r.answeredAt() == null ? now : r.answeredAt(),
        w.isTerminal(to) ? now : r.closedAt(), responses, r.version() + 1);
    tx.putRequest(updated);
    StoredDossier d = tx.dossier(r.dossierId()).orElseThrow();
    emit(tx, "request." + action.name().toLowerCase(Locale.ROOT), d, updated, action, role, to);
    if (action == Action.CONFIRM_ADMISSION) {
      closeOthers(tx, d, updated, now);
    } else if (action == Action.CANCEL) {
      maybeCancelDossier(tx, d, now);
    }
    return updated;
  }

  private void closeOthers(StoreTx tx, StoredDossier sd, AdmissionRequest confirmed, Instant now) {
    Workflow w = VtModules.of(sd.dossier().module()).workflow();
    for (AdmissionRequest other : tx.requestsOf(sd.dossier().id())) {
      if (!other.id().equals(confirmed.id()) && w.find(other.status(), Action.CLOSE, Role.SYSTEM).isPresent()) {
        AdmissionRequest closed = systemTransition(tx, other, Action.CLOSE, now);
        emit(tx, "request.close", sd, closed, Action.CLOSE, Role.SYSTEM, closed.status());
      }
    }
    Dossier d = tx.dossier(sd.dossier().id()).orElseThrow().dossier();
    tx.putDossier(d.toBuilder().status(DossierStatus.ADMISSION_CONFIRMED).version(d.version() + 1).updatedAt(now)
        .build(), sd.createdBy());
  }

  private void maybeCancelDossier(StoreTx tx, StoredDossier sd, Instant now) {
    if (tx.requestsOf(sd.dossier().id()).stream().allMatch(r -> r.status() == RequestStatus.CANCELLED)) {
      Dossier d = tx.dossier(sd.dossier().id()).orElseThrow().dossier();
      tx.putDossier(d.toBuilder().status(DossierStatus.CANCELLED).version(d.version() + 1).updatedAt(now).build(),
          sd.createdBy());
    }
  }

  private AdmissionRequest systemTransition(StoreTx tx, AdmissionRequest r, Action action, Instant now) {
    RequestStatus to = VtModules.of(r.module()).workflow().apply(r.status(), action, Role.SYSTEM);
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt(), r.answeredAt(), now, r.responses(), r.version() + 1);
    tx.putRequest(updated);
    return updated;
  }

  // ============================================================================================== archiving

  /**
   * Auto-archiving (VT archives unanswered requests automatically since 2023): every SENT or READ request older than
   * the configured delay is archived by VT; the Handicap notifications of an expired MDPH decision are ended (see
   * {@code expireNotification}). Runs at the start of every write; call it after moving a test clock.
   *
   * @return how many requests were archived or ended
   */
  public int sweep() {
    int n = store.write(this::sweep);
    if (n > 0) {
      committed();
    }
    return n;
  }

  private int sweep(StoreTx tx) {
    Instant now = clock.instant();
    Instant due = nextSweepDue;
    if (!store.shared() && sweepDueKnown && (due == null || now.isBefore(due))) {
      return 0; // nothing can be due yet: O(1) on the write path (a shared store is written by others too: scan)
    }
    int n = 0;
    Instant next = null;
    for (AdmissionRequest r : tx.openRequests()) {
      StoredDossier sd = r.module() == VtModule.HANDICAP ? tx.dossier(r.dossierId()).orElse(null) : null;
      Instant rDue = sweepDue(sd == null ? null : sd.dossier(), r);
      if (rDue == null) {
        continue;
      }
      if (rDue.isAfter(now)) {
        next = next == null || rDue.isBefore(next) ? rDue : next;
      } else if (sd != null ? expireNotification(tx, sd, r, now) : archive(tx, r, now)) {
        n++;
      }
    }
    nextSweepDue = next;
    sweepDueKnown = true;
    if (n > 0) {
      sweeps.incrementAndGet();
    }
    return n;
  }

  /**
   * When the sweep has something to do with an open request (null: never): a Handicap notification when its MDPH
   * decision expires (the first instant after its validity; {@code dossier} is the notification's), any other request
   * when auto-archiving is due.
   */
  private Instant sweepDue(Dossier dossier, AdmissionRequest r) {
    if (r.module() == VtModule.HANDICAP) {
      LocalDate validTo = dossier == null || dossier.mdphDecision() == null ? null : dossier.mdphDecision().validTo();
      return validTo == null ? null : validTo.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }
    return r.sentAt() == null ? null : r.sentAt().plus(VtModules.of(r.module()).archiveAfter(archiveAfter));
  }

  /** VT archives an unanswered request, when its workflow lets it. */
  private boolean archive(StoreTx tx, AdmissionRequest r, Instant now) {
    if (VtModules.of(r.module()).workflow().find(r.status(), Action.ARCHIVE, Role.SYSTEM).isEmpty()) {
      return false;
    }
    AdmissionRequest archived = systemTransition(tx, r, Action.ARCHIVE, now);
    emit(tx, "request.archive", tx.dossier(r.dossierId()).orElseThrow(), archived, Action.ARCHIVE, Role.SYSTEM,
        archived.status());
    return true;
  }

  /**
   * VT cancels the notification of an expired decision when the workflow lets it (the person is not at the ESMS):
   * status 49 with motif 174 « Décision clôturée par la MDPH », reported as the SI-SDO so that flow 5 carries it.
   */
  private boolean expireNotification(StoreTx tx, StoredDossier sd, AdmissionRequest r, Instant now) {
    if (VtModules.of(r.module()).workflow().find(r.status(), Action.CANCEL_NOTIFICATION, Role.SYSTEM).isEmpty()) {
      return false;
    }
    AdmissionRequest cancelled = systemTransition(tx, r, Action.CANCEL_NOTIFICATION, now);
    Unit unit = tx.unit(r.unit()).orElse(null);
    if (unit != null && unit.structure() != null) {
      Dossier d = sd.dossier();
      tx.addStatus(r.id(), new EsmsStatus("1" + unit.structure().value(), unit.name(),
          Coding.of(NosTable.R357.url(), "49"), Coding.of(NosTable.R358.url(), "174"), LocalDate.now(clock),
          null, null, null, null, d.mdphDecision().idDecision(), nationalDecisionId(d)), now);
    }
    emit(tx, "request.expire", sd, cancelled, Action.CANCEL_NOTIFICATION, Role.SYSTEM, cancelled.status());
    return true;
  }

  // ============================================================================================== ESMS (SDO)

  /**
   * The national id of a dossier's MDPH decision: the MDPH's own when it gave one, else the one VT, as SI-SDO,
   * issues: {@code "SDO-" + idDecision}.
   */
  public static String nationalDecisionId(Dossier d) {
    return d.mdphDecision().idNatDecision() != null ? d.mdphDecision().idNatDecision()
        : "SDO-" + d.mdphDecision().idDecision();
  }

  /** The result of a reported status: the request after it, and the stored report (the FHIR Task). */
  public record AppliedStatus(AdmissionRequest request, ReportedStatus report) {}

  /** An ESMS (or, for the statuses it decides, the MDPH) reports a TRE_R357 status on a request (SDO flow 4). */
  public AppliedStatus reportEsmsStatus(Principal p, RequestId id, EsmsStatus status, Locale locale) {
    requireValid(status, Stage.DRAFT, locale);
    return write(tx -> applyEsmsStatus(tx, p, visibleRequest(tx, p, id), status, locale));
  }

  /** The same, the request found from the decision and the caller's unit (the FHIR Task of flow 4). */
  public AppliedStatus reportEsmsStatusForDecision(Principal p, EsmsStatus status, Locale locale) {
    requireSdo(p);
    requireValid(status, Stage.DRAFT, locale);
    return write(tx -> {
      AdmissionRequest request = latestNotification(tx, p, d -> status.idDecision().equals(
          d.mdphDecision().idDecision()) || status.idNatDecision() != null
          && status.idNatDecision().equals(nationalDecisionId(d)))
          .orElseThrow(() -> VtCoreException.notFound("notification of this decision to your unit", "idDecision"));
      return applyEsmsStatus(tx, p, request, status, locale);
    });
  }

  private Optional<AdmissionRequest> latestNotification(StoreTx tx, Principal p,
      java.util.function.Predicate<Dossier> decision) {
    AdmissionRequest found = null;
    for (StoredRequest s : tx.requestsOfUnit(p.unit(), true, 0, Integer.MAX_VALUE)) {
      AdmissionRequest r = s.request();
      Dossier d = tx.dossier(r.dossierId()).map(StoredDossier::dossier).orElse(null);
      if (r.module() == VtModule.HANDICAP && policy.isReceiverOf(p, r) && d != null && d.mdphDecision() != null
          && decision.test(d)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  private AppliedStatus applyEsmsStatus(StoreTx tx, Principal p, AdmissionRequest r, EsmsStatus reported,
      Locale locale) {
    if (r.module() != VtModule.HANDICAP) {
      throw VtCoreException.invalid("ESMS statuses exist for HANDICAP requests only",
          List.of(new Violation("", "esms.module", "ESMS statuses exist for HANDICAP requests only")));
    }
    if (!isParty(tx, p, r)) {
      throw VtCoreException.forbidden("your unit is not a party to this request in role " + p.role());
    }
    Dossier d = tx.dossier(r.dossierId()).orElseThrow().dossier();
    Unit unit = tx.unit(r.unit()).orElse(null);
    List<Violation> owner = new ArrayList<>();
    if (unit != null && unit.structure() != null && !reported.idNatStruct().equals("1" + unit.structure().value())) {
      owner.add(new Violation("/idNatStruct", "esms.structure", Messages.get("esms.structure", locale)));
    }
    if (unit != null && reported.rorUnitId() != null && unit.rorId() != null
        && !reported.rorUnitId().equals(unit.rorId())) {
      owner.add(new Violation("/rorUnitId", "esms.unit", Messages.get("esms.unit", locale)));
    }
    if (d.mdphDecision() == null || !reported.idDecision().equals(d.mdphDecision().idDecision())) {
      owner.add(new Violation("/idDecision", "esms.decision", Messages.get("esms.decision", locale)));
    } else if (reported.idNatDecision() != null && !reported.idNatDecision().equals(nationalDecisionId(d))) {
      owner.add(new Violation("/idNatDecision", "esms.decision", Messages.get("esms.decision", locale)));
    }
    if (!owner.isEmpty()) {
      throw new VtCoreException(VtCoreException.Kind.FORBIDDEN, "forbidden",
          "the status is not about this notification of your structure ("
              + owner.stream().map(Violation::path).collect(Collectors.joining(", ")) + ")", owner, Map.of());
    }
    RequestStatus target = RequestStatus.ofR357(reported.status().code()).orElseThrow(() ->
        VtCoreException.invalid("not an ESMS-level status", List.of(new Violation("/status", "esms.status",
            "not an ESMS-level status (TRE_R357)"))));
    Workflow w = VtModules.of(VtModule.HANDICAP).workflow();
    // Re-posting the current status updates it (its date, motif or unit-level status: SDO flow 4 sends the whole
    // status each time); it is no transition, and only a role that may reach this status may restate it.
    // The event then carries the action that leads to this status.
    Optional<Action> restatement = target != r.status() ? Optional.empty() : w.transitions().stream()
        .filter(t -> t.to() == target && t.roles().contains(p.role())).map(Transition::action).findFirst();
    boolean restated = restatement.isPresent();
    Action action = restatement.or(() -> w.transitions().stream()
        .filter(t -> t.from() == r.status() && t.to() == target)
        .map(Transition::action).findFirst())
        .orElseThrow(() -> new VtCoreException(VtCoreException.Kind.ILLEGAL_TRANSITION, "illegal-transition",
            "HANDICAP request in status " + r.status() + " (" + r.status().r357Code().orElse("?") + "): status "
                + target.r357Code().orElse("?") + " cannot follow it", List.of(),
            Map.of("from", r.status().name(), "to", target.name(), "role", p.role().name())));
    RequestStatus to = restated ? target : transition(w, r.status(), action, p.role());
    Instant now = clock.instant();
    AdmissionRequest updated = new AdmissionRequest(r.id(), r.dossierId(), r.module(), r.unit(), to, r.sentAt(),
        r.readAt() == null ? now : r.readAt(),
        r.answeredAt() == null && action != Action.READ ? now : r.answeredAt(),
        w.isTerminal(to) && !restated ? now : r.closedAt(), r.responses(), r.version() + 1);
    tx.putRequest(updated);
    ReportedStatus report = tx.addStatus(r.id(), reported, now);
    emit(tx, "request.status", tx.dossier(r.dossierId()).orElseThrow(), updated, action, p.role(), to);
    return new AppliedStatus(updated, complete(tx, report));
  }

  /** The statuses reported on a request the caller sees, oldest first. */
  public List<EsmsStatus> esmsStatuses(Principal p, RequestId id) {
    return store.read(tx -> tx.statusesOf(visibleRequest(tx, p, id).id()).stream().map(ReportedStatus::status)
        .toList());
  }

  /**
   * SDO flow 5: the statuses of the people this ESMS was notified about, wherever they were reported, after
   * {@code after} (null: all), completed as the SI-SDO does (ESMS name, national decision id).
   */
  public List<ReportedStatus> statusFeed(Principal p, Instant after) {
    requireSdo(p);
    return store.read(tx -> {
      Set<DossierId> mine = notifiedDossiers(tx, p);
      List<ReportedStatus> out = new ArrayList<>();
      for (ReportedStatus s : tx.statuses()) {
        AdmissionRequest r = tx.request(s.request()).map(StoredRequest::request).orElse(null);
        if (r != null && mine.contains(r.dossierId()) && (after == null || s.at().isAfter(after))) {
          out.add(complete(tx, s));
        }
      }
      return out;
    });
  }

  private Set<DossierId> notifiedDossiers(StoreTx tx, Principal p) {
    Set<DossierId> mine = new HashSet<>();
    for (StoredRequest s : tx.requestsOfUnit(p.unit(), true, 0, Integer.MAX_VALUE)) {
      if (s.request().module() == VtModule.HANDICAP && policy.isReceiverOf(p, s.request())) {
        mine.add(s.request().dossierId());
      }
    }
    return mine;
  }

  /** A status reported through /v1 may lack what sdo-task requires: VT completes the ESMS name and decision id. */
  private static ReportedStatus complete(StoreTx tx, ReportedStatus s) {
    EsmsStatus status = s.status();
    if (status.esmsName() != null && status.idNatDecision() != null) {
      return s;
    }
    AdmissionRequest r = tx.request(s.request()).map(StoredRequest::request).orElse(null);
    Unit unit = r == null ? null : tx.unit(r.unit()).orElse(null);
    Dossier d = r == null ? null : tx.dossier(r.dossierId()).map(StoredDossier::dossier).orElse(null);
    String name = status.esmsName() != null ? status.esmsName() : unit != null ? unit.name() : status.idNatStruct();
    String nat = status.idNatDecision() != null ? status.idNatDecision()
        : d != null && d.mdphDecision() != null ? nationalDecisionId(d) : "SDO-" + status.idDecision();
    return new ReportedStatus(s.id(), s.request(), new EsmsStatus(status.idNatStruct(), name, status.status(),
        status.motif(), status.statusDate(), status.rorUnitId(), status.unitStatus(), status.unitMotif(),
        status.unitStatusDate(), status.idDecision(), nat, status.unitName(), status.unitCategory(),
        status.reception(), status.sequentialReception(), status.careMode(), status.rightType()), s.at());
  }

  /** SDO flow 2: the ESMS records the person's agreement for a decision it was notified of. */
  public RecordedAgreement recordAgreement(Principal p, String idNatStruct, LocalDate date, String idNatDecision,
      Locale locale) {
    requireSdo(p);
    return write(tx -> {
      Unit own = tx.unit(p.unit()).orElse(null);
      if (own != null && own.structure() != null && !("1" + own.structure().value()).equals(idNatStruct)) {
        throw new VtCoreException(VtCoreException.Kind.FORBIDDEN, "forbidden", "the structure is not yours",
            List.of(new Violation("/idNatStruct", "esms.structure", Messages.get("esms.structure", locale))),
            Map.of());
      }
      AdmissionRequest r = latestNotification(tx, p, d -> idNatDecision.equals(nationalDecisionId(d)))
          .orElseThrow(() -> VtCoreException.notFound("notification of this decision to your unit",
              "idNat_Decision"));
      return tx.addAgreement(r.id(), idNatStruct, date, idNatDecision, clock.instant());
    });
  }

  /**
   * A decision notified to the caller's unit (SDO flow 1) and what it may read of it (flow 3): the evaluation
   * documents (attachments) once it recorded the person's agreement.
   */
  public record Notification(Dossier dossier, String nationalDecisionId, Instant notifiedAt,
      List<Attachment> readableAttachments) {}

  /** The decisions notified to the caller's unit, one per dossier. */
  public List<Notification> notifications(Principal p) {
    requireSdo(p);
    return store.read(tx -> {
      List<Notification> out = new ArrayList<>();
      Set<DossierId> seen = new HashSet<>();
      List<RecordedAgreement> agreements = tx.agreements();
      for (StoredRequest s : tx.requestsOfUnit(p.unit(), true, 0, Integer.MAX_VALUE)) {
        AdmissionRequest r = s.request();
        StoredDossier d = tx.dossier(r.dossierId()).orElse(null);
        if (r.module() != VtModule.HANDICAP || d == null || d.dossier().mdphDecision() == null
            || !seen.add(d.dossier().id())) {
          continue;
        }
        List<AdmissionRequest> requests = tx.requestsOf(d.dossier().id());
        if (!policy.canReadDossier(p, d, requests)) {
          continue;
        }
        List<Attachment> readable = policy.canReadAttachment(p, d, requests, agreements)
            ? d.dossier().attachments().stream().filter(a -> tx.attachmentOwner(a.id())
                .map(owner -> owner.equals(d.dossier().id())).orElse(false)).toList()
            : List.of();
        out.add(new Notification(d.dossier(), nationalDecisionId(d.dossier()),
            r.sentAt() != null ? r.sentAt() : clock.instant(), readable));
      }
      return out;
    });
  }

  /** Refuses a principal the policy does not let use the SDO flows. */
  public void requireSdo(Principal p) {
    if (!policy.canUseSdoFlows(p)) {
      throw VtCoreException.forbidden("the SDO flows are for ESMS (role ESMS), not " + p.role());
    }
  }

  // ============================================================================================== waiting lists

  /** A unit's waiting list (ESMS view): its requests in a waiting-list status. Only the unit itself. */
  public List<AdmissionRequest> waitingList(Principal p, UnitId unit) {
    UnitId u = unit == null ? p.unit() : unit;
    if (!policy.canReadWaitingList(p, u)) {
      throw VtCoreException.forbidden("a waiting list is visible to its own receiving unit only");
    }
    return store.read(tx -> tx.requestsOfUnit(u, true, 0, Integer.MAX_VALUE).stream().map(StoredRequest::request)
        .filter(r -> policy.isReceiverOf(p, r) || p.role() == Role.RECEIVER && r.unit().equals(p.unit()))
        .filter(r -> RequestIndicators.WAITING.contains(r.status())).toList());
  }

  // ============================================================================================== indicators

  /** Read rate, response rate, response delay of the requests the caller is a party to. */
  public RequestFigures requestIndicators(Principal p, VtModule module) {
    return store.read(tx -> {
      List<AdmissionRequest> mine = new ArrayList<>();
      boolean receiver = AccessPolicy.isReceivingRole(p.role());
      for (StoredRequest s : tx.requestsOfUnit(p.unit(), receiver, 0, Integer.MAX_VALUE)) {
        AdmissionRequest r = s.request();
        if ((module == null || r.module() == module) && isParty(tx, p, r)) {
          mine.add(r);
        }
      }
      return new RequestFigures(mine.size(), RequestIndicators.readRate(mine), RequestIndicators.responseRate(mine),
          RequestIndicators.responseDelay(mine));
    });
  }

  /**
   * Waiting lists per département and ESMS category, waiting list / installed places, impossible admissions, within
   * the scope the policy gives the caller (its unit, or its département for an MDPH).
   */
  public List<WaitingListRow> waitingListIndicators(Principal p) {
    return store.read(tx -> {
      AccessPolicy.IndicatorScope scope = policy.indicatorScope(p, tx.unit(p.unit()).orElse(null));
      if (scope == null) {
        throw VtCoreException.forbidden("waiting-list indicators are for receiving units (their own) and MDPHs "
            + "(their département)");
      }
      Map<UnitId, Unit> units = new LinkedHashMap<>();
      tx.units().stream().filter(scope::includes).forEach(u -> units.put(u.id(), u));
      List<AdmissionRequest> all = tx.requests().stream().filter(r -> units.containsKey(r.unit())).toList();
      Map<RequestIndicators.Area, Long> waiting = RequestIndicators.waitingListCounts(all, units);
      Map<RequestIndicators.Area, Ratio> ratio = RequestIndicators.waitingListToPlaces(all, units);
      Map<RequestIndicators.Area, Long> impossible = RequestIndicators.impossibleAdmissions(all, units);
      TreeSet<RequestIndicators.Area> areas = new TreeSet<>(ratio.keySet());
      areas.addAll(waiting.keySet());
      areas.addAll(impossible.keySet());
      List<WaitingListRow> rows = new ArrayList<>();
      for (RequestIndicators.Area a : areas) {
        if (a.esmsCategory() == null && !waiting.containsKey(a)) {
          continue;
        }
        rows.add(new WaitingListRow(a.departement(), a.esmsCategory(), waiting.getOrDefault(a, 0L), ratio.get(a),
            impossible.getOrDefault(a, 0L)));
      }
      return rows;
    });
  }

  // ============================================================================================== events

  /**
   * The change feed: events the caller may see, after {@code cursor} (null: from the start). The next cursor is the
   * last visible event's, encrypted: it moves only with what the caller sees.
   */
  public Page<Event> events(Principal p, String cursor, int limit) {
    long after = cursors.decode(cursor, "after");
    return store.read(tx -> {
      List<Event> out = new ArrayList<>();
      long position = after;
      long lastVisible = after;
      while (out.size() < limit) {
        List<StoredEvent> batch = tx.eventsOf(p.unit(), position, SCAN_BATCH);
        for (StoredEvent e : batch) {
          position = e.seq();
          if (policy.canSeeEvent(p, e)) {
            out.add(toEvent(e));
            lastVisible = e.seq();
            if (out.size() == limit) {
              break;
            }
          }
        }
        if (batch.size() < SCAN_BATCH) {
          break;
        }
      }
      return new Page<>(out, cursors.encode(lastVisible));
    });
  }

  private Event toEvent(StoredEvent e) {
    return new Event(cursors.encode(e.seq()), e.at(), e.type(), e.module(), e.dossierId(), e.requestId(), e.action(),
        e.actorRole(), e.status(), e.version());
  }

  private void emit(StoreTx tx, String type, StoredDossier sd, AdmissionRequest r, Action action, Role role,
      RequestStatus status) {
    Dossier d = sd.dossier();
    tx.appendEvent(new StoredEvent(0, clock.instant(), type, d.module(), d.id(), r == null ? null : r.id(), action,
        role, status, r == null ? d.version() : r.version(), d.requester() == null ? null : d.requester().unit(),
        r == null ? null : r.unit(), sd.createdBy()));
  }

  // ============================================================================================== fixtures

  /** A scripted step of a fixture: an action on one of its requests, by a role, with an answer of a kind. */
  public record Step(int requestIndex, Action action, Role role, ResponseKind responseKind) {}

  /** A dossier to load as its requester would have created it, sent to units, then moved by steps. */
  public record Fixture(Dossier dossier, List<UnitId> sendTo, List<Step> steps) {
    public Fixture {
      sendTo = List.copyOf(sendTo);
      steps = List.copyOf(steps);
    }
  }

  /**
   * Loads fixtures, keeping their ids, through the same checks as the API (validation at DRAFT, and at SUBMISSION
   * with preflight when sent). All or nothing.
   *
   * @param serverIdsAllowed false to refuse ids of the server's own {@code D-n} form
   */
  public List<Dossier> load(List<Fixture> fixtures, Locale locale, boolean serverIdsAllowed) {
    return write(tx -> {
      Instant now = clock.instant();
      Set<DossierId> ids = new HashSet<>();
      List<Dossier> out = new ArrayList<>();
      for (int i = 0; i < fixtures.size(); i++) {
        Fixture f = fixtures.get(i);
        Dossier d = f.dossier().toBuilder().number("VT-" + f.dossier().id().value()).status(DossierStatus.DRAFT)
            .version(1).createdAt(now).updatedAt(now).history(List.of()).build();
        String at = "dossiers[" + i + "] (" + f.dossier().id().value() + "): ";
        try {
          if (!serverIdsAllowed && d.id().value().matches("[DR]-[0-9]+")) {
            throw VtCoreException.invalid("ids of the form D-<n> are the server's own",
                List.of(new Violation("/id", "id.reserved", "ids of the form D-<n> are the server's own")));
          }
          if (tx.dossier(d.id()).isPresent() || !ids.add(d.id())) {
            throw VtCoreException.conflict("a dossier with this id already exists");
          }
          if (d.requester() == null || tx.unit(d.requester().unit()).isEmpty()) {
            throw VtCoreException.invalid("requester.unit must be a unit of the directory",
                List.of(new Violation("/requester/unit", "routing.unit.unknown", "unit unknown to the directory")));
          }
          requireValid(d, Stage.DRAFT, locale);
          Role sender = VtModules.of(d.module()).workflow().senders().iterator().next();
          Principal requester = new Principal(sender, d.requester().unit(), "fixture");
          tx.putDossier(d, requester.actorId());
          StoredDossier sd = tx.dossier(d.id()).orElseThrow();
          emit(tx, "dossier.created", sd, null, null, sender, null);
          if (f.sendTo().isEmpty()) {
            out.add(d);
            continue;
          }
          PreflightReport report = preflight(tx, requester, sd, f.sendTo(), locale);
          if (!report.accepted()) {
            throw VtCoreException.invalid("VT would not send this dossier", report.violations());
          }
          List<AdmissionRequest> created = createRequests(tx, sd, f.sendTo().stream()
              .map(u -> tx.unit(u).orElseThrow()).toList(),
              VtModules.of(d.module()).workflow().initialStatus(), sender);
          for (Step step : f.steps()) {
            AdmissionRequest r = tx.request(created.get(step.requestIndex()).id()).orElseThrow().request();
            Response response = step.responseKind() == null ? null
                : new Response(step.responseKind(), null, null, null, now, null);
            apply(tx, r, step.action(), step.role(), response);
          }
          out.add(tx.dossier(d.id()).orElseThrow().dossier());
        } catch (VtCoreException e) {
          throw e.prefixed(at);
        }
      }
      return out;
    });
  }

  // ============================================================================================== helpers

  /**
   * A write: auto-archiving first, in its own transaction (the clock may have passed a due date, and a refused write
   * does not undo what VT archived), then the work.
   */
  private <T> T write(java.util.function.Function<StoreTx, T> work) {
    store.write(this::sweep);
    try {
      return store.write(work);
    } finally {
      committed(); // a refused write changed nothing, but the sweep before it may have
    }
  }

  /** Wakes the callers of {@link #awaitWrite}. */
  private void committed() {
    synchronized (writeSignal) {
      writeCount++;
      writeSignal.notifyAll();
    }
  }

  /**
   * Waits until this core has committed a write after {@code seen} (a value this method returned before, or 0), at
   * most {@code timeoutMillis}; returns the count of writes so far. A live change feed waits here instead of
   * polling; with a shared store, other servers' writes do not wake it, so it also polls at its timeout.
   */
  public long awaitWrite(long seen, long timeoutMillis) throws InterruptedException {
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

  /**
   * The cursor after the last event {@code p} may see now: a stream started from it gets only what happens next. It
   * is the cursor {@code p} would reach by paging the feed to its end, so it reveals nothing of other units' activity
   * (cursors are deterministic: the store's own end position would). Costs one pass over what {@code p} sees.
   */
  public String eventsEnd(Principal p) {
    String cursor = null;
    while (true) {
      Page<Event> page = events(p, cursor, 1000);
      if (page.items().isEmpty()) {
        return page.nextCursor();
      }
      cursor = page.nextCursor();
    }
  }

  private StoredDossier readableDossier(StoreTx tx, Principal p, DossierId id) {
    StoredDossier d = tx.dossier(id).orElse(null);
    if (d == null || !policy.canReadDossier(p, d, tx.requestsOf(id))) {
      throw VtCoreException.notFound("dossier", id.value());
    }
    return d;
  }

  private AdmissionRequest visibleRequest(StoreTx tx, Principal p, RequestId id) {
    AdmissionRequest r = tx.request(id).map(StoredRequest::request).orElse(null);
    if (r == null || !policy.canSeeRequest(p, r, tx.dossier(r.dossierId()).orElse(null))) {
      throw VtCoreException.notFound("request", id.value());
    }
    return r;
  }

  private void requireValid(Object o, Stage stage, Locale locale) {
    ValidationReport report = validator.validate(o, stage, locale);
    if (!report.isValid()) {
      throw VtCoreException.invalid("invalid at " + stage + " stage", report.violations());
    }
  }

  private static RequestStatus start(Workflow w, Role role) {
    try {
      return w.start(role);
    } catch (IllegalTransitionException e) {
      throw illegal(e);
    }
  }

  private static RequestStatus transition(Workflow w, RequestStatus from, Action action, Role role) {
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Configuration of a {@link VtCore}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.2")
  public static final class Builder {
    private Store store;
    private Clock clock;
    private DossierValidator validator;
    private RuleEngine rules;
    private AccessPolicy policy;
    private Duration archiveAfter = Duration.ofDays(30);
    private byte[] cursorSecret;

    Builder() {}

    /** The store (default: a new {@link InMemoryStore}). */
    public Builder store(Store store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock that drives times and archiving (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder validator(DossierValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    public Builder rules(RuleEngine rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** Delay after which unanswered requests are archived (default 30 days). */
    public Builder archiveAfter(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("archiveAfter must be positive");
      }
      this.archiveAfter = d;
      return this;
    }

    /** The secret cursors are encrypted with (default: random; keep it to keep cursors across restarts). */
    public Builder cursorSecret(byte[] secret) {
      this.cursorSecret = Objects.requireNonNull(secret, "secret").clone();
      return this;
    }

    public VtCore build() {
      return new VtCore(this);
    }
  }
}
