package io.vtsdk.testkit.internal;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.DossierId;
import io.vtsdk.model.RequestId;
import io.vtsdk.model.UnitId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.directory.Unit;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.request.AdmissionRequest;
import io.vtsdk.model.workflow.Action;
import io.vtsdk.model.workflow.RequestStatus;
import io.vtsdk.model.workflow.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole state of a reference server as one JSON document (a durable server's snapshot): the store, the
 * idempotency records and the clock. Faults and the call journal are test controls, not data, and are not kept.
 * Written and read under the store's write lock. Not API.
 */
final class StoreSnapshot {
  private static final int FORMAT = 1;

  /** An event with the units that see it (which the feed's JSON leaves out). */
  record EventRow(String cursor, Instant at, String type, VtModule module, DossierId dossierId, RequestId requestId,
      Action action, Role actorRole, RequestStatus status, long version, UnitId requesterUnit,
      UnitId receiverUnit) {}

  record AttachmentRow(AttachmentId id, DossierId dossier, byte[] content) {}

  /** The JSON mapper leaves empty values out: they come back as empty, not null. */
  record IdempotencyRow(String scope, byte[] requestHash, int status, Map<String, String> headers, byte[] body) {
    IdempotencyRow {
      headers = headers == null ? Map.of() : headers;
      body = body == null ? new byte[0] : body;
    }
  }

  record Document(int format, List<Unit> units, List<Dossier> dossiers, List<AdmissionRequest> requests,
      List<EventRow> events, List<Store.ReportedStatus> statuses, List<Store.RecordedConsent> consents,
      List<AttachmentRow> attachments, List<IdempotencyRow> idempotency, long nextId, Instant nextArchiveDue,
      long sweeps, Instant clockFrozen, Duration clockOffset) {
    Document {
      units = orEmpty(units);
      dossiers = orEmpty(dossiers);
      requests = orEmpty(requests);
      events = orEmpty(events);
      statuses = orEmpty(statuses);
      consents = orEmpty(consents);
      attachments = orEmpty(attachments);
      idempotency = orEmpty(idempotency);
      clockOffset = clockOffset == null ? Duration.ZERO : clockOffset;
    }

    private static <T> List<T> orEmpty(List<T> list) {
      return list == null ? List.of() : list;
    }
  }

  private final Store store;
  private final Router router;
  private final MutableClock clock;
  private final JsonMapper json;

  StoreSnapshot(Store store, Router router, MutableClock clock, JsonMapper json) {
    this.store = store;
    this.router = router;
    this.clock = clock;
    this.json = json;
  }

  /** Writes the state to {@code out}, left open. Call under the write lock. */
  void write(OutputStream out) throws IOException {
    List<EventRow> events = new ArrayList<>(store.events.size());
    for (Event e : store.events) {
      events.add(new EventRow(e.cursor(), e.at(), e.type(), e.module(), e.dossierId(), e.requestId(), e.action(),
          e.actorRole(), e.status(), e.version(), e.requesterUnit(), e.receiverUnit()));
    }
    List<AttachmentRow> attachments = new ArrayList<>();
    store.attachmentContents.forEach((id, content) ->
        attachments.add(new AttachmentRow(id, store.attachmentDossier.get(id), content)));
    List<IdempotencyRow> idempotency = new ArrayList<>();
    router.forEachIdempotencyRecord((scope, stored) -> idempotency.add(new IdempotencyRow(scope, stored.requestHash(),
        stored.reply().status(), stored.reply().headers(), stored.reply().body())));
    json.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out,
        new Document(FORMAT, List.copyOf(store.units.values()),
        List.copyOf(store.dossiers.values()), List.copyOf(store.requests.values()), events,
        store.statusLog, store.consents, attachments, idempotency, store.nextId, store.nextArchiveDue,
        store.sweeps, clock.frozen(), clock.offset()));
  }

  /** Replaces the state by the one read from {@code in}. Call under the write lock, on an empty store. */
  void read(InputStream in) throws IOException {
    Document d = json.readValue(in, Document.class);
    if (d.format() != FORMAT) {
      throw new IOException("unknown snapshot format " + d.format());
    }
    store.clearData();
    store.units.clear();
    d.units().forEach(u -> store.units.put(u.id(), u));
    d.dossiers().forEach(x -> store.dossiers.put(x.id(), x));
    d.requests().forEach(store::addRequest);
    for (EventRow e : d.events()) {
      store.events.add(new Event(e.cursor(), e.at(), e.type(), e.module(), e.dossierId(), e.requestId(), e.action(),
          e.actorRole(), e.status(), e.version(), e.requesterUnit(), e.receiverUnit()));
    }
    for (Store.ReportedStatus s : d.statuses()) {
      store.statusLog.add(s);
      store.esmsStatuses.computeIfAbsent(s.request(), k -> new ArrayList<>()).add(s);
    }
    store.consents.addAll(d.consents());
    for (AttachmentRow a : d.attachments()) {
      store.attachmentContents.put(a.id(), a.content());
      store.attachmentDossier.put(a.id(), a.dossier());
    }
    router.clearIdempotency();
    for (IdempotencyRow r : d.idempotency()) {
      router.restoreIdempotency(r.scope(), r.requestHash(), new Reply(r.status(), r.headers(), r.body()));
    }
    store.nextId = d.nextId();
    store.nextArchiveDue = d.nextArchiveDue();
    store.sweeps = d.sweeps();
    clock.restore(d.clockFrozen(), d.clockOffset());
  }
}
