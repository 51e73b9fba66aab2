package io.vtsdk.core;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.api.PreflightReport;
import io.vtsdk.core.spi.IdempotencyRecord;
import io.vtsdk.core.spi.StoreTx;
import io.vtsdk.core.spi.StoredDossier;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.dossier.DossierStatus;
import io.vtsdk.model.json.VtJson;
import io.vtsdk.model.module.VtModules;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.request.Response;
import io.vtsdk.model.request.ResponseKind;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.Violation;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What a test server does to VT's data besides VT's own operations: replace the directory and the data, load fixture
 * dossiers through the same checks as the API, keep settings, move time, and fingerprint the whole state. Each
 * operation is one store transaction. Obtained from {@link VtCore#fixtures()}; thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class FixtureService {
  private final CoreContext ctx;
  private final RequestService requests;

  FixtureService(CoreContext ctx, RequestService requests) {
    this.ctx = ctx;
    this.requests = requests;
  }

  /** A scripted step of a fixture: an action on one of its requests, by a role, with an answer of a kind. */
  public record Step(int requestIndex, Action action, Role role, ResponseKind responseKind) {}

  /** A dossier to load as its requester would have created it, sent to units, then moved by steps. */
  public record Fixture(Dossier dossier, List<UnitId> sendTo, List<Step> steps) {
    public Fixture {
      sendTo = List.copyOf(sendTo);
      steps = List.copyOf(steps);
    }
  }

  /** Replaces the directory and removes all data (a test server's reset). */
  public void reset(List<Unit> directory) {
    reset(directory, List.of(), Map.of(), Locale.FRENCH);
  }

  /**
   * Replaces the directory, removes all data, records {@code settings} and loads {@code fixtures} (their ids may be of
   * the server's own form): one transaction, all or nothing.
   */
  public List<Dossier> reset(List<Unit> directory, List<Fixture> fixtures, Map<String, String> settings,
      Locale locale) {
    List<Dossier> loaded = ctx.writeInternal(tx -> replaceAll(tx, directory, fixtures, settings, locale));
    ctx.sweeper.forget(); // what was loaded may be due: the next write looks
    return loaded;
  }

  /**
   * The same as {@link #reset(List, List, Map, Locale)}, only when the store has no setting {@code marker} (a new
   * database: a store with data keeps it); records the marker. One transaction: of several servers starting on one
   * new database, one initialises it. Returns whether it did.
   */
  public boolean resetIfNew(String marker, List<Unit> directory, List<Fixture> fixtures,
      Map<String, String> settings, Locale locale) {
    boolean done = ctx.writeInternal(tx -> {
      if (tx.setting(marker).isPresent()) {
        return false;
      }
      replaceAll(tx, directory, fixtures, settings, locale);
      tx.putSetting(marker, ctx.realClock.instant().toString());
      return true;
    });
    ctx.sweeper.forget();
    return done;
  }

  private List<Dossier> replaceAll(StoreTx tx, List<Unit> directory, List<Fixture> fixtures,
      Map<String, String> settings, Locale locale) {
    tx.clearData();
    tx.clearUnits();
    directory.forEach(tx::putUnit);
    settings.forEach(tx::putSetting);
    return load(tx, fixtures, locale, true);
  }

  /**
   * Loads fixtures, keeping their ids, through the same checks as the API (validation at DRAFT, and at SUBMISSION
   * with preflight when sent). All or nothing.
   *
   * @param serverIdsAllowed false to refuse ids of the server's own {@code D-n} form
   */
  public List<Dossier> load(List<Fixture> fixtures, Locale locale, boolean serverIdsAllowed) {
    return ctx.writeInternal(tx -> load(tx, fixtures, locale, serverIdsAllowed));
  }

  private List<Dossier> load(StoreTx tx, List<Fixture> fixtures, Locale locale, boolean serverIdsAllowed) {
    Instant now = ctx.clock.instant();
    Set<DossierId> ids = new HashSet<>();
    List<Dossier> out = new ArrayList<>();
    for (int i = 0; i < fixtures.size(); i++) {
      Fixture f = fixtures.get(i);
      Dossier d = f.dossier().toBuilder().number("VT-" + f.dossier().id().value()).status(DossierStatus.DRAFT)
          .version(1).createdAt(now).updatedAt(now).history(List.of()).build();
      try {
        out.add(loadOne(tx, f, d, now, locale, serverIdsAllowed, ids));
      } catch (VtCoreException e) {
        throw e.prefixed("dossiers[" + i + "] (" + f.dossier().id().value() + "): ");
      }
    }
    return out;
  }

  private Dossier loadOne(StoreTx tx, Fixture f, Dossier d, Instant now, Locale locale, boolean serverIdsAllowed,
      Set<DossierId> ids) {
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
    ctx.requireValid(d, Stage.DRAFT, locale);
    Role sender = VtModules.of(d.module()).workflow().senders().iterator().next();
    Principal requester = new Principal(sender, d.requester().unit(), "fixture");
    tx.putDossier(d, requester.actorId());
    StoredDossier sd = tx.dossier(d.id()).orElseThrow();
    ctx.emit(tx, "dossier.created", sd, null, null, sender, null);
    if (f.sendTo().isEmpty()) {
      return d;
    }
    PreflightReport report = requests.preflight(tx, sd, f.sendTo(), locale);
    if (!report.accepted()) {
      throw VtCoreException.invalid("VT would not send this dossier", report.violations());
    }
    List<AdmissionRequest> created = requests.createRequests(tx, sd, f.sendTo().stream()
        .map(u -> tx.unit(u).orElseThrow()).toList(), VtModules.of(d.module()).workflow().initialStatus(), sender);
    for (Step step : f.steps()) {
      AdmissionRequest r = tx.request(created.get(step.requestIndex()).id()).orElseThrow().request();
      Response response = step.responseKind() == null ? null
          : new Response(step.responseKind(), null, null, null, now, null);
      requests.apply(tx, r, step.action(), step.role(), response);
    }
    return tx.dossier(d.id()).orElseThrow().dossier();
  }

  // ---------------------------------------------------------------------------------------------- settings, time

  /** A server setting (a secret, the test clock…); settings survive a reset of the data. */
  public Optional<String> setting(String name) {
    return ctx.read(tx -> tx.setting(name));
  }

  /** The setting, created with {@code initial}'s value when missing (one transaction: two servers agree). */
  public String setting(String name, Supplier<String> initial) {
    return ctx.writeInternal(tx -> tx.setting(name).orElseGet(() -> {
      String v = initial.get();
      tx.putSetting(name, v);
      return v;
    }));
  }

  /**
   * The test clock moved: records {@code settings} (where a server keeps its clock) and runs VT's sweep, one
   * transaction. Returns how many requests VT ended.
   */
  public int timeMoved(Map<String, String> settings) {
    int n = ctx.writeInternal(tx -> {
      settings.forEach(tx::putSetting);
      return ctx.sweeper.sweep(tx);
    });
    return n;
  }

  // ---------------------------------------------------------------------------------------------- fingerprint

  /** A digest of the whole state and the size of each part. */
  public record Fingerprint(String sha256, Map<String, Integer> counts) {
    public Fingerprint {
      counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
  }

  /**
   * A fingerprint of all the data (directory, dossiers, requests, attachments, events, ESMS statuses, agreements,
   * idempotency records, ids) and {@code extra} (a server's clock): two stores with the same fingerprint answer every
   * call alike. No personal data: a SHA-256 and numbers.
   */
  public Fingerprint fingerprint(String extra) {
    JsonMapper json = VtJson.newMapper();
    return ctx.read(tx -> {
      MessageDigest md = sha256();
      List<StoredDossier> dossiers = tx.dossiers(0, Integer.MAX_VALUE);
      List<AttachmentId> attachments = tx.attachmentIds();
      List<IdempotencyRecord> idempotency = tx.idempotencyRecords();
      List<Unit> units = tx.units();
      List<AdmissionRequest> all = tx.requests();
      List<?> events = tx.events(0, Integer.MAX_VALUE);
      List<?> statuses = tx.statuses();
      List<?> agreements = tx.agreements();
      try {
        for (Object part : List.of(units, dossiers, all, events, statuses, agreements)) {
          md.update(json.writeValueAsBytes(part));
        }
        for (AttachmentId a : attachments) {
          md.update(a.value().getBytes(StandardCharsets.UTF_8));
          try (InputStream in = tx.openAttachment(a).orElseThrow()) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
              md.update(buf, 0, n);
            }
          }
          md.update(tx.attachmentOwner(a).orElseThrow().value().getBytes(StandardCharsets.UTF_8));
        }
        for (IdempotencyRecord r : idempotency) {
          md.update(r.scope().getBytes(StandardCharsets.UTF_8));
          md.update(r.requestHash());
          md.update(r.result());
        }
        md.update(json.writeValueAsBytes(List.of(tx.lastId(), extra == null ? "" : extra)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      counts.put("units", units.size());
      counts.put("dossiers", dossiers.size());
      counts.put("requests", all.size());
      counts.put("events", events.size());
      counts.put("esmsStatuses", statuses.size());
      counts.put("consents", agreements.size());
      counts.put("attachments", attachments.size());
      counts.put("idempotencyRecords", idempotency.size());
      return new Fingerprint(HexFormat.of().formatHex(md.digest()), counts);
    });
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
