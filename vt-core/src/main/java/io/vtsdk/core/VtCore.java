package io.vtsdk.core;

import io.vtsdk.core.spi.Store;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.rules.RuleEngine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * ViaTrajectoire's behaviour as a library, one service per aggregate over one shared context (store, clock, policy,
 * validator, rules): {@link #directory()}, {@link #dossiers()}, {@link #attachments()}, {@link #requests()} (send,
 * the request lifecycle of each module), {@link #handicap()} (MDPH notifications, ESMS statuses, waiting lists: the
 * SDO flows), {@link #events()} (the change feed), {@link #observatory()} (indicators) and {@link #fixtures()} (a test
 * server's data). Every operation names its {@link Principal}; the {@link AccessPolicy} decides what it may see and
 * do, and every adapter (HTTP, FHIR, console, CLI) goes through here, so they all agree.
 *
 * <pre>{@code
 * VtCore vt = VtCore.builder().clock(clock).build();
 * vt.fixtures().reset(units);
 * Dossier d = vt.dossiers().create(requester, draft, WriteOptions.DEFAULT).value();
 * PreflightReport report = vt.requests().preflight(requester, d.id(), List.of(cpam), Locale.FRENCH);
 * List<AdmissionRequest> sent = vt.requests().send(requester, d.id(), List.of(cpam), WriteOptions.DEFAULT).value();
 * }</pre>
 *
 * <p>Thread-safe; build one per store and share it. <b>One operation is one transaction</b> of the {@link Store}:
 * its preconditions (the {@link ExpectedVersion} a caller read, its {@link IdempotencyKey}) are arguments, checked
 * inside that transaction, and a replay is answered from the result the core stored. Before a write, VT's own sweep
 * (auto-archiving, expiry) commits in its own transaction when something is due. Refusals are
 * {@link VtCoreException}s whose messages name the rule and the JSON pointer, never a value.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class VtCore {
  private final CoreContext ctx;
  private final DirectoryService directory;
  private final DossierService dossiers;
  private final AttachmentService attachments;
  private final RequestService requests;
  private final HandicapService handicap;
  private final EventService events;
  private final Observatory observatory;
  private final FixtureService fixtures;

  private VtCore(Builder b) {
    Clock clock = b.clock != null ? b.clock : Clock.systemUTC();
    Store store = b.store != null ? b.store : new InMemoryStore();
    byte[] secret = b.cursorSecret != null ? b.cursorSecret
        : b.secretSetting != null ? keptSecret(store, b.secretSetting) : random();
    this.ctx = new CoreContext(store, clock, Clock.systemUTC(),
        b.validator != null ? b.validator : DossierValidator.builder().clock(clock).build(),
        b.rules != null ? b.rules : RuleEngine.standard(), b.policy != null ? b.policy : AccessPolicy.standard(),
        b.archiveAfter, secret);
    this.directory = new DirectoryService(ctx);
    this.dossiers = new DossierService(ctx);
    this.attachments = new AttachmentService(ctx);
    this.requests = new RequestService(ctx);
    this.handicap = new HandicapService(ctx);
    this.events = new EventService(ctx);
    this.observatory = new Observatory(ctx, b.disclosureThreshold);
    this.fixtures = new FixtureService(ctx, requests);
  }

  public static Builder builder() {
    return new Builder();
  }

  private static byte[] random() {
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return s;
  }

  /** The secret kept in the store's setting {@code name} (Base64 of 32 bytes), created by the first core to need it. */
  private static byte[] keptSecret(Store store, String name) {
    String kept = store.write(tx -> tx.setting(name).orElseGet(() -> {
      String encoded = Base64.getEncoder().encodeToString(random());
      tx.putSetting(name, encoded);
      return encoded;
    }));
    byte[] s = Base64.getDecoder().decode(kept);
    if (s.length != 32) {
      throw new IllegalStateException("the stored secret '" + name + "' is not 32 bytes");
    }
    return s;
  }

  /** The directory of structures and units. @since 0.3 */
  public DirectoryService directory() {
    return directory;
  }

  /** Dossiers: create, read, list, update, validate, eligibility. @since 0.3 */
  public DossierService dossiers() {
    return dossiers;
  }

  /** A dossier's files. @since 0.3 */
  public AttachmentService attachments() {
    return attachments;
  }

  /** Preflight, send, and the request lifecycle. @since 0.3 */
  public RequestService requests() {
    return requests;
  }

  /** MDPH notifications to ESMS and the SDO flows, waiting lists. @since 0.3 */
  public HandicapService handicap() {
    return handicap;
  }

  /** The change feed. @since 0.3 */
  public EventService events() {
    return events;
  }

  /** The observatory: request figures, waiting lists, the Prado TUV and the Handicap indicators, within scope. */
  public Observatory observatory() {
    return observatory;
  }

  /** A test server's control of the data: reset, fixtures, settings, time, fingerprint. @since 0.3 */
  public FixtureService fixtures() {
    return fixtures;
  }

  public Store store() {
    return ctx.store;
  }

  public AccessPolicy policy() {
    return ctx.policy;
  }

  public DossierValidator validator() {
    return ctx.validator;
  }

  public Instant now() {
    return ctx.clock.instant();
  }

  /**
   * VT's own sweep, now: ends the open requests whose module says they expired (auto-archiving, the notifications of
   * an expired MDPH decision). It also runs before every write; call it after moving a test clock.
   *
   * @return how many requests VT ended
   */
  public int sweep() {
    return ctx.sweeper.sweepNow();
  }

  /** How many sweeps changed something since this core was built. */
  public long sweeps() {
    return ctx.sweeper.sweeps();
  }

  /** Forgets what the core cached about the store (after the store was restored or changed behind it). */
  public void storeRestored() {
    ctx.sweeper.forget();
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
    private int disclosureThreshold = io.vtsdk.rules.indicators.Disclosure.THRESHOLD;
    private byte[] cursorSecret;
    private String secretSetting;

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

    /** The access policy (default: {@link AccessPolicy#standard()}). */
    public Builder policy(AccessPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The smallest count of people the observatory publishes in a row (default
     * {@value io.vtsdk.rules.indicators.Disclosure#THRESHOLD}, the public rule: {@link
     * io.vtsdk.rules.indicators.Disclosure}). A test world of a few dossiers may set 1 to see every row; a server
     * holding real people must not.
     */
    public Builder disclosureThreshold(int people) {
      if (people < 1) {
        throw new IllegalArgumentException("disclosureThreshold must be >= 1");
      }
      this.disclosureThreshold = people;
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

    /**
     * Keeps the cursors' secret in the store's setting {@code name} (read with
     * {@link FixtureService#setting(String)}), created by the first core that needs it: cursors survive a restart and
     * every core of a shared store accepts the others'. Ignored when {@link #cursorSecret} is given.
     *
     * @since 0.3
     */
    public Builder secretSetting(String name) {
      this.secretSetting = Objects.requireNonNull(name, "name");
      return this;
    }

    public VtCore build() {
      return new VtCore(this);
    }
  }
}
